/**
 * The loaded index: documents, chunks, the lexical index and the dense index,
 * immutable once built. A rebuild produces a new CorpusIndex that is swapped in
 * whole, so a question never sees two versions at once.
 */
import type { Chunk, DocumentMeta } from '../types.js';
import { foldedSyllables } from '../text/tokens.js';
import type { StoredDocument } from '../store/index-files.js';
import { LexicalIndex, type SerializedLexicalIndex } from './lexical-index.js';
import type { DenseIndex, LexicalSearch } from './ports.js';

/** Folded syllables of the chunks that did not come through OCR (stored at build: reading every text at load is slow on large corpora). */
export function knownWordsOf(chunks: Chunk[]): Set<string> {
  const words = new Set<string>();
  for (const chunk of chunks) if (!chunk.ocr) for (const w of foldedSyllables(chunk.text)) words.add(w);
  return words;
}

export class CorpusIndex {
  readonly documents: Map<string, StoredDocument>;

  constructor(
    documents: StoredDocument[],
    readonly chunks: Chunk[],
    readonly lexical: LexicalSearch,
    readonly dense: DenseIndex,
    readonly builtAt: string,
  ) {
    this.documents = new Map(documents.map((d) => [d.meta.id, d]));
  }

  static from(data: { documents: StoredDocument[]; chunks: Chunk[]; lexical: SerializedLexicalIndex; builtAt: string; knownWords?: string[] }, dense: DenseIndex): CorpusIndex {
    const index = new CorpusIndex(data.documents, data.chunks, LexicalIndex.fromJSON(data.lexical), dense, data.builtAt);
    if (data.knownWords) index.cleanWords = new Set(data.knownWords);
    return index;
  }

  private cleanWords?: Set<string>;

  /** Folded syllables of the chunks that did not come through OCR (from the build, or built on first use). */
  get knownWords(): Set<string> {
    return (this.cleanWords ??= knownWordsOf(this.chunks));
  }

  meta(docId: string): DocumentMeta {
    return this.documents.get(docId)!.meta;
  }

  private listed?: DocumentMeta[];

  /** Document list as clients see it (one array per index: callers may cache by it). */
  list(): DocumentMeta[] {
    return (this.listed ??= [...this.documents.values()].map((d) => d.meta));
  }
}
