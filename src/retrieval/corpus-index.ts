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

  static from(data: { documents: StoredDocument[]; chunks: Chunk[]; lexical: SerializedLexicalIndex | LexicalIndex; builtAt: string; knownWords?: string[] }, dense: DenseIndex): CorpusIndex {
    const lexical = data.lexical instanceof LexicalIndex ? data.lexical : LexicalIndex.fromJSON(data.lexical);
    const index = new CorpusIndex(data.documents, data.chunks, lexical, dense, data.builtAt);
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

  private spans?: { byDoc: Map<string, number[]>; bySource: Map<string, number[]> };

  /**
   * The chunks of some documents (by id) or sources, as sorted half-open chunk
   * index ranges [start, end, …] (LexicalSearch.search's `within`). Chunks of a
   * document are stored together, so that is a range or two per document.
   */
  chunkRanges(keys: Iterable<string>, by: 'doc' | 'source' = 'doc'): number[] {
    if (!this.spans) {
      const byDoc = new Map<string, number[]>();
      const bySource = new Map<string, number[]>();
      const add = (map: Map<string, number[]>, key: string, i: number) => {
        const ranges = map.get(key);
        if (!ranges) map.set(key, [i, i + 1]);
        else if (ranges[ranges.length - 1] === i) ranges[ranges.length - 1] = i + 1;
        else ranges.push(i, i + 1);
      };
      this.chunks.forEach((chunk, i) => {
        add(byDoc, chunk.docId, i);
        add(bySource, chunk.source, i);
      });
      this.spans = { byDoc, bySource };
    }
    const map = by === 'doc' ? this.spans.byDoc : this.spans.bySource;
    const flat: number[] = [];
    let sorted = true;
    for (const key of new Set(keys)) {
      const ranges = map.get(key) ?? [];
      if (flat.length && ranges.length && ranges[0]! < flat[flat.length - 1]!) sorted = false;
      for (const at of ranges) flat.push(at);
    }
    if (sorted) return flat; // documents given in corpus order (the usual case)
    const pairs: Array<[number, number]> = [];
    for (let r = 0; r < flat.length; r += 2) pairs.push([flat[r]!, flat[r + 1]!]);
    return pairs.sort((a, b) => a[0] - b[0]).flat();
  }

  private unitRanges?: { start: Int32Array; end: Int32Array; count: number };

  /**
   * The unit each chunk belongs to, as the half-open chunk range [start, end): a section split into
   * several chunks for length (an article cut at its clauses, a long directive section cut between
   * lines) is one unit; any other chunk is a unit of its own. A part continues the chunk before it when
   * both are of one document and one section title, and its path is that section's or lies under it.
   * `count` is the number of units with searchable text.
   */
  units(): { start: Int32Array; end: Int32Array; count: number } {
    if (this.unitRanges) return this.unitRanges;
    const n = this.chunks.length;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    let count = 0;
    let from = 0;
    let searchable = false;
    const close = (to: number) => {
      end.fill(to, from, to);
      if (searchable) count++;
    };
    for (let i = 0; i < n; i++) {
      const chunk = this.chunks[i]!;
      const head = this.chunks[from]!;
      const continues = i > from && chunk.docId === head.docId && chunk.sectionTitle === head.sectionTitle && (chunk.section === head.section || chunk.section.startsWith(`${head.section}.`));
      if (i > 0 && !continues) {
        close(i);
        from = i;
        searchable = false;
      }
      start[i] = from;
      searchable ||= !chunk.headingOnly;
    }
    if (n) close(n);
    return (this.unitRanges = { start, end, count });
  }

  private listed?: DocumentMeta[];

  /** Document list as clients see it (one array per index: callers may cache by it). */
  list(): DocumentMeta[] {
    return (this.listed ??= [...this.documents.values()].map((d) => d.meta));
  }
}
