/**
 * Dense index on HNSWLib (@langchain/community + hnswlib-node). The docstore
 * holds only the chunk position (the label itself); chunk texts live in the text store.
 */
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;
import type { DenseHit, DenseIndex } from './ports.js';

/** Graph construction effort: hnswlib's default (200) doubles build time for no recall we can measure here. */
const EF_CONSTRUCTION = 100;
const M = 16;

/** `searchable(i)` false leaves chunk i out of the graph (a heading-only chunk: found through the sections under it). */
export async function buildHnswIndex(vectors: number[][], embeddings: EmbeddingsInterface, dir: string, searchable: (i: number) => boolean = () => true): Promise<void> {
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
    if (!searchable(i)) return;
    index.addPoint(vector, i);
    docs[i] = new Document({ pageContent: String(i), metadata: {} });
  });
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions, index });
  store.docstore.add(docs);
  await store.save(dir);
}

/**
 * Reads the graph with hnswlib-node directly. The files stay LangChain's
 * (HNSWLib.load still reads them), but its docstore.json is skipped: every
 * label we write is the chunk position itself (see buildHnswIndex), and
 * parsing that JSON was most of the load time on large corpora.
 */
export async function loadHnswIndex(dir: string, _embeddings: EmbeddingsInterface): Promise<DenseIndex> {
  const args = JSON.parse(await readFile(join(dir, 'args.json'), 'utf8')) as { space: 'cosine' | 'l2' | 'ip'; numDimensions: number };
  const index = new HierarchicalNSW(args.space, args.numDimensions);
  await index.readIndex(join(dir, 'hnswlib.index'));
  const size = index.getCurrentCount();
  return {
    async search(vector, limit) {
      const k = Math.min(limit, size);
      if (!k) return [];
      if (vector.length !== args.numDimensions) throw new Error(`Query vector must have the same length as the number of dimensions (${args.numDimensions})`);
      const result = index.searchKnn(Array.from(vector), k);
      // Cosine distance; the label is the chunk position.
      return result.neighbors.map((label, i): DenseHit => ({ index: label, score: 1 - result.distances[i]! }));
    },
  };
}

/** Moved to vector-flat.ts (no native module); re-exported for existing imports. */
export { flatIndex } from './vector-flat.js';
