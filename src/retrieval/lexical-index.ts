/**
 * BM25 over our own Vietnamese terms (see text/tokens.ts). Off-the-shelf JS
 * engines tokenise Vietnamese badly, and a plain inverted index serialises to
 * a compact JSON file that loads in milliseconds.
 */
import { TermNeighbours } from './term-neighbours.js';
import type { LexicalHit, LexicalSearch } from './ports.js';

export interface WeightedTerm {
  term: string;
  weight: number;
}

export type { LexicalHit } from './ports.js';

export interface SerializedLexicalIndex {
  k1: number;
  b: number;
  docLengths: number[];
  /** term → flat [docIndex, termFrequency, docIndex, termFrequency, …] (an Int32Array view when loaded from lexical.bin) */
  postings: Record<string, ArrayLike<number>>;
}

export class LexicalIndex implements LexicalSearch {
  private constructor(private readonly data: SerializedLexicalIndex, private readonly avgLength: number) {}

  static build(termsPerDoc: string[][], k1 = 1.2, b = 0.75): LexicalIndex {
    // A Map while building: a null-prototype object with 100k+ keys is slow to grow.
    const lists = new Map<string, number[]>();
    const docLengths = termsPerDoc.map((terms, doc) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, tf] of counts) {
        const list = lists.get(term);
        if (list) list.push(doc, tf);
        else lists.set(term, [doc, tf]);
      }
      return terms.length;
    });
    const postings: Record<string, ArrayLike<number>> = Object.create(null);
    for (const [term, list] of lists) postings[term] = list;
    const total = docLengths.reduce((sum, n) => sum + n, 0);
    return new LexicalIndex({ k1, b, docLengths, postings }, total / Math.max(1, docLengths.length));
  }

  static fromJSON(data: SerializedLexicalIndex): LexicalIndex {
    const total = data.docLengths.reduce((sum, n) => sum + n, 0);
    const postings: Record<string, ArrayLike<number>> = Object.assign(Object.create(null), data.postings);
    return new LexicalIndex({ ...data, postings }, total / Math.max(1, data.docLengths.length));
  }

  private readonly neighbours = new TermNeighbours(() => Object.keys(this.data.postings));

  /** OCR variants of a query term, for expansion (see TermNeighbours). */
  similarTerms(term: string): string[] {
    return this.neighbours.similar(term);
  }

  /** OCR variants of a term for sentence matching, 3-letter terms included. */
  nearTerms(term: string): string[] {
    return this.neighbours.near(term);
  }

  toJSON(): SerializedLexicalIndex {
    return this.data;
  }

  get size(): number {
    return this.data.docLengths.length;
  }

  /** Inverse document frequency (BM25+ style, never negative). */
  idf(term: string): number {
    const df = (this.data.postings[term]?.length ?? 0) / 2;
    const n = this.data.docLengths.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  documentFrequency(term: string): number {
    return (this.data.postings[term]?.length ?? 0) / 2;
  }

  /** Per-document length normalisation and a reusable score buffer (search is synchronous, so one buffer is safe). */
  private norms?: Float64Array;
  private scores?: Float64Array;

  search(query: WeightedTerm[], limit: number, accept?: (index: number) => boolean): LexicalHit[] {
    const { k1, b, docLengths, postings } = this.data;
    if (!this.norms) {
      this.norms = Float64Array.from(docLengths, (len) => k1 * (1 - b + (b * len) / this.avgLength));
      this.scores = new Float64Array(docLengths.length);
    }
    const pruned = this.searchPruned(query, limit, accept);
    if (pruned) return pruned;
    const norms = this.norms;
    const scores = this.scores!;
    const touched: number[] = [];
    for (const { term, weight } of query) {
      const list = postings[term];
      if (!list) continue;
      const idf = this.idf(term) * weight * (k1 + 1);
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const tf = list[i + 1]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = scores[doc]! + (idf * tf) / (tf + norms[doc]!);
      }
    }
    // Top `limit` by insertion into a short sorted list: the touched set can be most of a large corpus.
    const top: LexicalHit[] = [];
    for (const index of touched) {
      const score = scores[index]!;
      scores[index] = 0;
      if (top.length === limit && score <= top[limit - 1]!.score) continue;
      if (accept && !accept(index)) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.score < score) at--;
      top.splice(at, 0, { index, score });
      if (top.length > limit) top.pop();
    }
    return top;
  }

  /**
   * MaxScore-style pruning for large corpora, with results identical to the
   * full scan (same scores to the bit, same tie order). A term adds less than
   * c = idf·weight·(k1+1) to any document (tf/(tf+norm) < 1). Scan the short
   * posting lists; the long lists (common terms) are skipped while their summed
   * bound B stays below θ, the limit-th best partial score among accepted
   * documents: a document found only in skipped lists scores below B < θ, so it
   * cannot reach the top. Survivors (partial + B ≥ θ) are then rescored exactly
   * as the full scan would, term by term in query order, by binary search. Ties
   * keep the full scan's order: the first query term that touches a document,
   * then document order. Returns undefined when pruning does not apply.
   */
  private searchPruned(query: WeightedTerm[], limit: number, accept?: (index: number) => boolean): LexicalHit[] | undefined {
    const { k1, postings } = this.data;
    const docs = this.data.docLengths.length;
    if (limit < 1 || docs < 5_000) return undefined;
    const lists: { list: ArrayLike<number>; c: number }[] = [];
    let total = 0;
    for (const { term, weight } of query) {
      const list = postings[term];
      if (!list) continue;
      const c = this.idf(term) * weight * (k1 + 1);
      if (!(c > 0) || !Number.isFinite(c)) return undefined;
      lists.push({ list, c });
      total += list.length / 2;
    }
    if (lists.length < 2 || total < docs / 4) return undefined;
    const norms = this.norms!;
    const scores = this.scores!;
    const touched: number[] = [];
    // Longest lists first in `skipped`; scanned from the shortest.
    const skipped = [...lists].sort((x, y) => y.list.length - x.list.length);
    let bound = skipped.reduce((sum, l) => sum + l.c, 0);
    const scan = (list: ArrayLike<number>, c: number) => {
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const tf = list[i + 1]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = scores[doc]! + (c * tf) / (tf + norms[doc]!);
      }
    };
    const kthPartial = (): number => {
      const top: number[] = [];
      for (const doc of touched) {
        const score = scores[doc]!;
        if (top.length === limit && score <= top[limit - 1]!) continue;
        if (accept && !accept(doc)) continue;
        let at = top.length;
        while (at > 0 && top[at - 1]! < score) at--;
        top.splice(at, 0, score);
        if (top.length > limit) top.pop();
      }
      return top.length === limit ? top[limit - 1]! : 0;
    };
    // Scan the rare half of the postings, then test θ before each further list (and before the last tenth).
    let scanned = 0;
    let theta = 0;
    while (skipped.length) {
      const next = skipped[skipped.length - 1]!;
      if (scanned >= total / 2 || scanned + next.list.length / 2 > total * 0.9) {
        theta = kthPartial();
        if (bound * (1 + 1e-9) + 1e-9 < theta) break;
      }
      skipped.pop();
      scan(next.list, next.c);
      scanned += next.list.length / 2;
      bound -= next.c;
    }
    if (!skipped.length) bound = 0;
    else if (!(bound * (1 + 1e-9) + 1e-9 < theta)) {
      for (const doc of touched) scores[doc] = 0;
      return undefined;
    }
    const margin = bound * (1 + 1e-9) + 1e-9;
    const survivors: { index: number; score: number; first: number }[] = [];
    for (const doc of touched) {
      const partial = scores[doc]!;
      scores[doc] = 0;
      if (partial + margin < theta) continue;
      if (accept && !accept(doc)) continue;
      let score = 0;
      let first = -1;
      for (let t = 0; t < lists.length; t++) {
        const { list, c } = lists[t]!;
        let lo = 0;
        let hi = list.length / 2 - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const at = list[mid * 2]!;
          if (at < doc) lo = mid + 1;
          else if (at > doc) hi = mid - 1;
          else {
            const tf = list[mid * 2 + 1]!;
            score = score + (c * tf) / (tf + norms[doc]!);
            if (first < 0) first = t;
            break;
          }
        }
      }
      survivors.push({ index: doc, score, first });
    }
    survivors.sort((x, y) => y.score - x.score || x.first - y.first || x.index - y.index);
    return survivors.slice(0, limit).map(({ index, score }) => ({ index, score }));
  }
}
