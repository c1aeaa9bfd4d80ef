/**
 * Dense index on HNSWLib (@langchain/community + hnswlib-node). The docstore
 * holds only the chunk position; chunk texts live in chunks.json.
 */
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { DenseHit, DenseIndex } from './ports.js';

export async function buildHnswIndex(vectors: number[][], embeddings: EmbeddingsInterface, dir: string): Promise<void> {
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: vectors[0]?.length ?? 1 });
  const documents = vectors.map((_, index) => new Document({ pageContent: String(index), metadata: {} }));
  if (vectors.length) await store.addVectors(vectors, documents);
  await store.save(dir);
}

export async function loadHnswIndex(dir: string, embeddings: EmbeddingsInterface): Promise<DenseIndex> {
  const store = await HNSWLib.load(dir, embeddings);
  const size = store.index.getCurrentCount();
  return {
    async search(vector, limit) {
      const k = Math.min(limit, size);
      if (!k) return [];
      const hits = await store.similaritySearchVectorWithScore(Array.from(vector), k);
      // HNSWLib reports cosine distance.
      return hits.map(([doc, distance]): DenseHit => ({ index: Number(doc.pageContent), score: 1 - distance }));
    },
  };
}

/** Moved to vector-flat.ts (no native module); re-exported for existing imports. */
export { flatIndex } from './vector-flat.js';
