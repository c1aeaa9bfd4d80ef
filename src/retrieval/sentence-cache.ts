/**
 * Folded sentence tokens per chunk, computed once per index and reused by every
 * question (reranking and the extractive answer score the same sentences over
 * and over). Keyed weakly on the chunk objects, so a swapped-out index frees
 * its cache.
 */
import { foldedSyllables } from '../text/tokens.js';
import type { Chunk, DocumentMeta } from '../types.js';
import { documentContext } from './chunk-text.js';
import { tokenizeSentence, type SentenceTokens } from './sentence-score.js';

export interface ChunkTokens {
  sentences: SentenceTokens[];
  /** Section title and enclosing headings. */
  context: Set<string>;
}

const chunkCache = new WeakMap<Chunk, ChunkTokens>();
const documentCache = new WeakMap<DocumentMeta, Set<string>>();

export function chunkTokens(chunk: Chunk): ChunkTokens {
  let cached = chunkCache.get(chunk);
  if (!cached) {
    cached = {
      sentences: chunk.sentences.map((span) => tokenizeSentence(chunk.text.slice(span.start, span.end))),
      context: new Set(foldedSyllables([chunk.sectionTitle, ...chunk.headings].join(' '))),
    };
    chunkCache.set(chunk, cached);
  }
  return cached;
}

export function documentTokens(meta: DocumentMeta): Set<string> {
  let cached = documentCache.get(meta);
  if (!cached) {
    cached = new Set(foldedSyllables(documentContext(meta)));
    documentCache.set(meta, cached);
  }
  return cached;
}
