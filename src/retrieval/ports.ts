/**
 * Ports of the retrieval layer. Adapters: HNSWLib on Node (vector-hnswlib.ts),
 * a flat in-memory scan for small bundles and Workers.
 */
export interface DenseHit {
  /** Index into the chunk list. */
  index: number;
  /** Cosine similarity, higher is better. */
  score: number;
}

export interface DenseIndex {
  search(vector: Float32Array | number[], limit: number): Promise<DenseHit[]>;
}

export interface LexicalHit {
  index: number;
  score: number;
}

/**
 * Lexical search over chunks. In-memory BM25 (LexicalIndex) on Node; a Worker
 * may back it with D1 FTS5. `idf` and `similarTerms` feed reranking and OCR
 * query expansion.
 */
export interface LexicalSearch {
  /**
   * `accept` filters chunks; `within` (optional, same chunks as `accept` or a superset) lists them as
   * sorted, disjoint half-open chunk index ranges [start, end, start, end, …], so an adapter can skip
   * the rest of each posting list. Adapters that ignore `within` still return the same hits.
   */
  search(query: Array<{ term: string; weight: number }>, limit: number, accept?: (index: number) => boolean, within?: ArrayLike<number>): LexicalHit[] | Promise<LexicalHit[]>;
  idf(term: string): number;
  similarTerms(term: string): string[];
  /** BM25 of chunk ranges each scored as one text (see LexicalIndex.groupScores); optional. */
  groupScores?(query: Array<{ term: string; weight: number }>, groups: Array<[number, number]>, avgLength: number): number[];
  /** BM25 of the given chunks as search scores them (the reranker's lexical signal for chunks found otherwise); optional. */
  scoresOf?(query: Array<{ term: string; weight: number }>, indices: number[]): number[];
  /** Summed length of every chunk in terms (with groupScores); optional. */
  readonly totalLength?: number;
  /** Indexed syllables within one OCR error of `term` (see LexicalIndex.nearTerms); optional. */
  nearTerms?(term: string): string[];
}

/** What the query path needs from an embedder (LangChain's Embeddings satisfies it). */
export interface QueryEmbedder {
  readonly id: string;
  embedQuery(text: string): Promise<number[]>;
}
