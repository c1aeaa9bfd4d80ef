/**
 * BM25 over our own Vietnamese terms (see text/tokens.ts). Off-the-shelf JS
 * engines tokenise Vietnamese badly, and a plain inverted index serialises to
 * a compact JSON file that loads in milliseconds.
 */
import { ALIAS, TermNeighbours } from './term-neighbours.js';
import type { LexicalHit, LexicalSearch } from './ports.js';

/**
 * Postings scanned per query term at most (see LexicalIndex.head); far above
 * any list of the shipped corpus (145 chunks), so BM25 is exact there. The
 * trade-off on the 1000× synthetic corpus (scripts/dump-answers.ts --head-size,
 * scripts/lexical-heads.ts): 2048 scans a seventh of the postings of the exact
 * scan and keeps the exact answer for 62% of the eval questions; 16384 scans
 * half as much as exact, keeps 85% and is exact on corpora under 16k chunks.
 */
export const HEAD_SIZE = 2048;

/** Postings whose BM25 denominators are kept (8 bytes each: 32 MB), about every head and short list a day of questions reads on a 1000× corpus. */
const DENOMINATORS_MAX = 4_000_000;

/** Expansion keeps OCR variants in at most this share of the chunks, or VARIANT_DF_FLOOR chunks when that is more (see similarTerms). */
const VARIANT_DF_SHARE = 0.01;
const VARIANT_DF_FLOOR = 1000;

export { ALIAS } from './term-neighbours.js';

export interface WeightedTerm {
  term: string;
  weight: number;
  /** An acronym this word is spelled out from ("nhan" of "HĐND Hội đồng nhân dân"): a sentence writing the acronym holds the word too. */
  alt?: string;
  /**
   * Folded words or phrases that stand for this typed word ("kinh phi" for "tien", shorthand.ts): a sentence
   * writing any of them holds the word. One term, never extra words the sentence must hold.
   */
  alternatives?: string[];
}

export type { LexicalHit } from './ports.js';

export interface SerializedLexicalIndex {
  k1: number;
  b: number;
  docLengths: number[];
  /** term → flat [docIndex, termFrequency, docIndex, termFrequency, …] (an Int32Array view when loaded from lexical.bin) */
  postings: Record<string, ArrayLike<number>>;
  /** Heads of the long lists computed at build (index format 5+, see LexicalIndex.headsOf); missing ones are computed on first use. */
  heads?: { size: number; lists: Record<string, ArrayLike<number>> };
}

/**
 * Posting lists read on demand (index-files.ts reads them from lexical.bin by
 * offset): a large index then loads without reading 250 MB of postings, and a
 * question reads only its own terms' lists, or just their stored heads.
 */
export interface PostingSource {
  /** Every term, in the file's order. */
  terms(): string[];
  /** Length of a term's flat [doc, tf, …] list (2 × document frequency), 0 when absent. */
  length(term: string): number;
  /** A term's flat list (same content as the in-memory one). */
  list(term: string): ArrayLike<number> | undefined;
  /** The head of `size` stored at build for a long list (see LexicalIndex.headsOf), if there is one. */
  head(term: string, size: number): ArrayLike<number> | undefined;
}

/**
 * The collection BM25 averages over: chunks with terms. A heading-only chunk is indexed with no
 * terms (its words are its sections'), so it changes neither the average length nor the idf.
 */
function collection(docLengths: ArrayLike<number>): { avgLength: number; n: number } {
  let total = 0;
  let n = 0;
  for (let i = 0; i < docLengths.length; i++) {
    total += docLengths[i]!;
    if (docLengths[i]! > 0) n++;
  }
  return { avgLength: total / Math.max(1, n), n };
}

export class LexicalIndex implements LexicalSearch {
  private readonly avgLength: number;
  /** Chunks with terms: the N of idf. */
  private readonly searchable: number;

  private constructor(private readonly data: SerializedLexicalIndex, private readonly source?: PostingSource) {
    ({ avgLength: this.avgLength, n: this.searchable } = collection(data.docLengths));
  }

  /** An index whose postings are read on demand from `source` (index-files.ts openLexical). */
  static fromSource(params: { k1: number; b: number; docLengths: number[] }, source: PostingSource): LexicalIndex {
    return new LexicalIndex({ ...params, postings: Object.create(null) }, source);
  }

  /** A term's flat posting list (read from the source on demand), or undefined. */
  private listOf(term: string): ArrayLike<number> | undefined {
    return this.source ? this.source.list(term) : this.data.postings[term];
  }

  /** Length of a term's flat list without reading it. */
  private lengthOf(term: string): number {
    return this.source ? this.source.length(term) : (this.data.postings[term]?.length ?? 0);
  }

  private termList(): string[] {
    return this.source ? this.source.terms() : Object.keys(this.data.postings);
  }

  static build(termsPerDoc: string[][], k1 = 1.2, b = 0.75): LexicalIndex {
    // A Map while building: a null-prototype object with 100k+ keys is slow to grow.
    const lists = new Map<string, number[]>();
    const docLengths = termsPerDoc.map((terms, doc) => {
      const counts = new Map<string, number>();
      let aliases = 0;
      for (const term of terms) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        if (term.includes(ALIAS)) aliases++;
      }
      for (const [term, tf] of counts) {
        const list = lists.get(term);
        if (list) list.push(doc, tf);
        else lists.set(term, [doc, tf]);
      }
      // Alias terms are notes on the text, not words of it.
      return terms.length - aliases;
    });
    const postings: Record<string, ArrayLike<number>> = Object.create(null);
    for (const [term, list] of lists) postings[term] = list;
    return new LexicalIndex({ k1, b, docLengths, postings });
  }

  static fromJSON(data: SerializedLexicalIndex): LexicalIndex {
    const postings: Record<string, ArrayLike<number>> = Object.assign(Object.create(null), data.postings);
    const { heads, ...rest } = data;
    const index = new LexicalIndex({ ...rest, postings });
    if (heads) for (const term of Object.keys(heads.lists)) index.heads.set(term, heads.lists[term]!);
    return index;
  }

  /**
   * The head of every list longer than `size` postings, as search would
   * compute it on first use: stored at build so that no question pays for
   * selecting them (1.5 s over the 2,300 long lists of a 1000× corpus).
   */
  headsOf(size = HEAD_SIZE): Record<string, Int32Array> {
    const norms = this.normsOf();
    const heads: Record<string, Int32Array> = Object.create(null);
    for (const term of this.termList()) {
      if (this.lengthOf(term) <= 2 * size) continue;
      heads[term] = selectHead(this.listOf(term)!, norms, size);
    }
    return heads;
  }

  private normsOf(): Float64Array {
    const { k1, b, docLengths } = this.data;
    return (this.norms ??= Float64Array.from(docLengths, (len) => k1 * (1 - b + (b * len) / this.avgLength)));
  }

  private readonly neighbours = new TermNeighbours(() => this.termList());

  /**
   * OCR variants of a query term, for expansion (see TermNeighbours). On a
   * large corpus a variant in more than a hundredth of the chunks (and over
   * VARIANT_DF_FLOOR) is a common word in its own right, not a misreading of
   * the term: expanding to it only adds long posting lists. At 1000× a tenth
   * kept 37 variants per dev question, half of the BM25 postings; a hundredth
   * keeps 10 (45% fewer postings) and the eval sets find 289 instead of 285
   * of 597 expected phrases, refusing as before (scripts/dump-answers.ts).
   * Below VARIANT_DF_FLOOR chunks nothing is dropped, so small corpora (the
   * shipped one, 10×) expand as before.
   */
  similarTerms(term: string): string[] {
    const variants = this.neighbours.similar(term);
    const max = Math.max(VARIANT_DF_FLOOR, this.size * VARIANT_DF_SHARE);
    return variants.some((v) => this.documentFrequency(v) > max) ? variants.filter((v) => this.documentFrequency(v) <= max) : variants;
  }

  /** OCR variants of a term for sentence matching (3-letter terms included) and the spellings the reading read as it (TermNeighbours.near). */
  nearTerms(term: string): string[] {
    return this.neighbours.near(term);
  }

  toJSON(): SerializedLexicalIndex {
    if (this.source) {
      // Read every list (exports and tools only; serving never serialises the index).
      const postings: Record<string, ArrayLike<number>> = Object.create(null);
      for (const term of this.source.terms()) postings[term] = this.source.list(term)!;
      return { ...this.data, postings };
    }
    return this.data;
  }

  get size(): number {
    return this.data.docLengths.length;
  }

  /** Inverse document frequency (BM25+ style, never negative). */
  idf(term: string): number {
    const df = this.lengthOf(term) / 2;
    const n = this.searchable;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  documentFrequency(term: string): number {
    return this.lengthOf(term) / 2;
  }

  /** Per-document length normalisation and a reusable score buffer (search is synchronous, so one buffer is safe). */
  private norms?: Float64Array;
  private scores?: Float64Array;
  /** Chunks scored by the current search, in the order first scored (ties keep that order). */
  private touched?: Int32Array;
  /** 1 for the chunks of the current search's ranges, once a term needed it (see search); cleared after. */
  private mask?: Uint8Array;
  private masked?: ArrayLike<number>;

  private maskOf(within: ArrayLike<number>): Uint8Array {
    this.mask ??= new Uint8Array(this.data.docLengths.length);
    if (this.masked !== within) {
      for (let r = 0; r < within.length; r += 2) this.mask.fill(1, within[r]!, within[r + 1]!);
      this.masked = within;
    }
    return this.mask;
  }

  /**
   * Impact-ordered heads of long posting lists, stored at build (headsOf) or built on first use: for a term
   * in more than HEAD_SIZE chunks, the HEAD_SIZE postings with the largest
   * BM25 term weight tf / (tf + norm). A term that common has a low idf, so the
   * chunks beyond its head add little; scanning only the head keeps a query
   * with dozens of common syllables cheap on a corpus of 100k+ chunks. Lists no
   * longer than HEAD_SIZE (every list of a small corpus) are scanned whole, so
   * their scores and order are exact.
   */
  private heads = new Map<string, ArrayLike<number>>();
  /** Longest list scanned whole (tests and the bench compare against HEAD_SIZE = Infinity, the exact scan). */
  headSize = HEAD_SIZE;

  private head(term: string, full: () => ArrayLike<number>, length: number, norms: Float64Array): ArrayLike<number> {
    const size = this.headSize;
    if (length <= 2 * size) return full();
    let head = this.heads.get(term);
    if (!head || head.length !== 2 * size) {
      head = this.source?.head(term, size) ?? selectHead(full(), norms, size);
      this.heads.set(term, head);
    }
    return head;
  }

  /** Per term: the list scanned and its BM25 denominators (see denominators), while their postings fit DENOMINATORS_MAX. */
  private dens = new Map<string, { list: ArrayLike<number>; den: Float64Array }>();
  private densPostings = 0;

  /**
   * tf + norm of each posting of a list, in list order: the same doubles the
   * score divides by, read in sequence instead of looking up the norm of a
   * random chunk per posting (a cache miss on a large corpus; half the cost of
   * a scan). Cached per term, up to DENOMINATORS_MAX postings in all (first in, first out).
   */
  private denominators(term: string, list: ArrayLike<number>, norms: Float64Array): Float64Array {
    const cached = this.dens.get(term);
    if (cached && cached.list === list) return cached.den;
    const den = new Float64Array(list.length / 2);
    for (let i = 0, j = 0; i < list.length; i += 2, j++) den[j] = list[i + 1]! + norms[list[i]!]!;
    if (cached) {
      this.dens.delete(term);
      this.densPostings -= cached.den.length;
    }
    // Over the cap, the terms cached first go first.
    for (const [old, entry] of this.dens) {
      if (this.densPostings + den.length <= DENOMINATORS_MAX) break;
      this.dens.delete(old);
      this.densPostings -= entry.den.length;
    }
    this.dens.set(term, { list, den });
    this.densPostings += den.length;
    return den;
  }

  /**
   * BM25 of groups of chunks, each scored as one text: term frequencies summed over its chunks, its length
   * the sum of theirs, normalised by `avgLength` (the mean length of such groups over the corpus). A long
   * article split at its clauses then competes as a whole, as it would in an index of whole articles.
   * `groups` are half-open chunk ranges [start, end]; postings found by binary search, a long list's in its head.
   */
  groupScores(query: WeightedTerm[], groups: Array<[number, number]>, avgLength: number): number[] {
    const { k1, b, docLengths } = this.data;
    const lengths = groups.map(([start, end]) => {
      let total = 0;
      for (let i = start; i < end; i++) total += docLengths[i]!;
      return total;
    });
    const scores = new Array<number>(groups.length).fill(0);
    const norms = this.normsOf();
    for (const { term, weight } of query) {
      const length = this.lengthOf(term);
      if (!length) continue;
      // A list longer than a head is read by its head, as search reads it (exact on a corpus under HEAD_SIZE chunks).
      const list = this.head(term, () => this.listOf(term)!, length, norms);
      const idf = this.idf(term) * weight * (k1 + 1);
      groups.forEach(([start, end], g) => {
        let tf = 0;
        for (let i = lowerBound(list, start, 0); i < list.length && list[i]! < end; i += 2) tf += list[i + 1]!;
        if (tf) scores[g] = scores[g]! + (idf * tf) / (tf + k1 * (1 - b + (b * lengths[g]!) / Math.max(1, avgLength)));
      });
    }
    return scores;
  }

  /** BM25 of the given chunks, each exactly as search scores it, however far down its ranking they fall. */
  scoresOf(query: WeightedTerm[], indices: number[]): number[] {
    return this.groupScores(query, indices.map((i): [number, number] => [i, i + 1]), this.avgLength);
  }

  /** Summed length of every chunk (in terms): with a count of groups, their mean length (groupScores). */
  get totalLength(): number {
    if (this.total === undefined) {
      let total = 0;
      for (let i = 0; i < this.data.docLengths.length; i++) total += this.data.docLengths[i]!;
      this.total = total;
    }
    return this.total;
  }

  private total?: number;

  /**
   * BM25 top `limit`. Without `accept`, long lists are scanned by their heads
   * (see head). With `accept` alone the scan is exact. `within` (sorted
   * half-open chunk ranges holding every accepted chunk) limits it to those
   * ranges by binary search, visiting the same postings in the same order as a
   * full scan filtered by `accept`, so scores and tie order are unchanged;
   * only a term expected to have more than HEAD_SIZE postings in the ranges
   * (never on a corpus whose lists are all within HEAD_SIZE) is read from its
   * head instead.
   */
  search(query: WeightedTerm[], limit: number, accept?: (index: number) => boolean, within?: ArrayLike<number>): LexicalHit[] {
    const { k1, docLengths } = this.data;
    const norms = this.normsOf();
    if (!this.scores) {
      this.scores = new Float64Array(docLengths.length);
      this.touched = new Int32Array(docLengths.length);
    }
    const scores = this.scores!;
    const touched = this.touched!;
    let count = 0;
    let inRanges = 0;
    if (within) for (let r = 0; r < within.length; r += 2) inRanges += within[r + 1]! - within[r]!;
    for (const { term, weight } of query) {
      const length = this.lengthOf(term);
      if (!length) continue;
      // The whole list is read only when scanned whole or by ranges (a long list's head is stored apart).
      const whole = () => this.listOf(term)!;
      const idf = this.idf(term) * weight * (k1 + 1);
      // Ranges holding many chunks (a place named by a fifth of a large corpus) expect more than a head's
      // worth of this term's postings: such a term is scanned by its head, filtered, like an unfiltered search.
      const ranged = accept && within && (length <= 2 * this.headSize || (length / 2) * (inRanges / docLengths.length) <= this.headSize);
      if (ranged && length / 2 < (within!.length / 2) * Math.log2(length)) {
        const full = whole();
        // Many ranges (thousands of documents) and a short list: one pass over the list, each chunk
        // looked up in a mask of the ranges, is cheaper than a binary search per gap.
        const mask = this.maskOf(within!);
        for (let i = 0; i < full.length; i += 2) {
          const doc = full[i]!;
          if (mask[doc] === 0) continue;
          const tf = full[i + 1]!;
          if (scores[doc] === 0) touched[count++] = doc;
          scores[doc] = scores[doc]! + (idf * tf) / (tf + norms[doc]!);
        }
        continue;
      }
      if (ranged) {
        // One pass over the list with a cursor into the ranges; a gap jumps by binary search from where it is.
        const full = whole();
        let r = 0;
        let end = within[1] ?? 0;
        for (let i = lowerBound(full, within[0] ?? 0, 0); i < full.length && r < within.length; ) {
          const doc = full[i]!;
          if (doc >= end) {
            r += 2;
            if (r >= within.length) break;
            end = within[r + 1]!;
            if (doc < within[r]!) i = lowerBound(full, within[r]!, i);
            continue;
          }
          const tf = full[i + 1]!;
          if (scores[doc] === 0) touched[count++] = doc;
          scores[doc] = scores[doc]! + (idf * tf) / (tf + norms[doc]!);
          i += 2;
        }
        continue;
      }
      // A filtered search without ranges stays exact: its chunks need not be in any head.
      const list = accept && !within ? whole() : this.head(term, whole, length, norms);
      const den = this.denominators(term, list, norms);
      for (let i = 0, j = 0; i < list.length; i += 2, j++) {
        const doc = list[i]!;
        if (scores[doc] === 0) touched[count++] = doc;
        scores[doc] = scores[doc]! + (idf * list[i + 1]!) / den[j]!;
      }
    }
    if (this.masked) {
      this.masked = undefined;
      this.mask!.fill(0);
    }
    // Top `limit` by insertion into a short sorted list: the touched set can be most of a large corpus.
    const top: LexicalHit[] = [];
    for (let t = 0; t < count; t++) {
      const index = touched[t]!;
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
}

/**
 * The `size` postings of a list with the largest BM25 term weight
 * tf / (tf + norm), in document order; ties at the cut are kept in document order.
 */
function selectHead(list: ArrayLike<number>, norms: Float64Array, size: number): Int32Array {
  const n = list.length / 2;
  const impact = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const tf = list[2 * i + 1]!;
    impact[i] = tf / (tf + norms[list[2 * i]!]!);
  }
  // The size-th largest impact.
  const cut = kthLargest(Float64Array.from(impact), size);
  let above = 0;
  for (let i = 0; i < n; i++) if (impact[i]! > cut) above++;
  let room = size - above;
  const head = new Int32Array(2 * size);
  let at = 0;
  for (let i = 0; i < n && at < head.length; i++) {
    if (impact[i]! > cut || (impact[i] === cut && room-- > 0)) {
      head[at++] = list[2 * i]!;
      head[at++] = list[2 * i + 1]!;
    }
  }
  return head;
}

/** Position (even, from `from` on) of the first posting of a flat [doc, tf, …] list whose doc is ≥ `doc` (lists are in document order). */
function lowerBound(list: ArrayLike<number>, doc: number, from: number): number {
  let lo = from / 2;
  let hi = list.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[2 * mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/** The k-th largest value (1-based) by quickselect, O(n) on average: sorting long lists made first use of a term slow. Reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}
