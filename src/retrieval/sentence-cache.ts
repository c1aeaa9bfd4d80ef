/**
 * Folded sentence tokens per chunk, computed once per index and reused by every
 * question (reranking and the extractive answer score the same sentences over
 * and over). Keyed weakly on the chunk objects, so a swapped-out index frees
 * its cache.
 */
import { findDocRefs } from '../text/doc-refs.js';
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

const ownRefCache = new WeakMap<DocumentMeta, string[]>();

/** The reference keys ("22-KH/TU", "KH-22") a document's own number answers to. */
export function ownRefKeys(meta: DocumentMeta): string[] {
  let keys = ownRefCache.get(meta);
  if (!keys) {
    const own = meta.docNumber ? findDocRefs(meta.docNumber)[0] : undefined;
    keys = own ? ([own.full, own.short].filter(Boolean) as string[]) : [];
    ownRefCache.set(meta, keys);
  }
  return keys;
}

const headerCache = new WeakMap<DocumentMeta[], string>();

/** Folded titles, issuers and places of a document list, as one searchable string (per list). */
export function documentHeaders(documents: DocumentMeta[]): string {
  let headers = headerCache.get(documents);
  if (headers === undefined) {
    headers = ` ${documents.map((d) => foldedSyllables(`${d.title} ${d.issuer ?? ''} ${d.place ?? ''}`).join(' ')).join(' | ')} `;
    headerCache.set(documents, headers);
  }
  return headers;
}
