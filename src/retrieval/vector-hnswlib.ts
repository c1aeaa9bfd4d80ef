/**
 * Dense index on HNSWLib (@langchain/community + hnswlib-node). The docstore
 * holds only the chunk position; chunk texts live in chunks.json.
 */
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;
import type { DenseHit, DenseIndex } from './ports.js';

/** Graph construction effort: hnswlib's default (200) doubles build time for no recall we can measure here. */
const EF_CONSTRUCTION = 100;
const M = 16;

export async function buildHnswIndex(vectors: number[][], embeddings: EmbeddingsInterface, dir: string): Promise<void> {
  const numDimensions = vectors[0]?.length ?? 1;
  if (!vectors.length) {
    await new HNSWLib(embeddings, { space: 'cosine', numDimensions }).save(dir);
    return;
  }
  // Built directly (LangChain's addVectors always uses the default construction parameters), saved in LangChain's format.
  const index = new HierarchicalNSW('cosine', numDimensions);
  index.initIndex(vectors.length, M, EF_CONSTRUCTION);
  const docs: Record<number, Document> = {};
  vectors.forEach((vector, i) => {
    index.addPoint(vector, i);
    docs[i] = new Document({ pageContent: String(i), metadata: {} });
  });
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions, index });
  store.docstore.add(docs);
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
