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

/** What the query path needs from an embedder (LangChain's Embeddings satisfies it). */
export interface QueryEmbedder {
  readonly id: string;
  embedQuery(text: string): Promise<number[]>;
}
