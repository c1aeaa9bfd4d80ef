/**
 * Loads the live index from disk (Node): documents, chunks and BM25 (index-files.ts) plus the HNSWLib index.
 */
import { join } from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { CorpusIndex } from '../retrieval/corpus-index.js';
import { loadHnswIndex } from '../retrieval/vector-hnswlib.js';
import { currentBuild, openIndexData, type Manifest } from './index-files.js';

export async function loadCorpusIndex(dataDir: string, embeddings: EmbeddingsInterface): Promise<{ index: CorpusIndex; manifest: Manifest; dir: string } | undefined> {
  const dir = await currentBuild(dataDir);
  if (!dir) return undefined;
  // hnswlib reads its graph off the main thread: overlap it with parsing the rest.
  const [data, dense] = await Promise.all([openIndexData(dir), loadHnswIndex(join(dir, 'hnsw'), embeddings)]);
  return { index: CorpusIndex.from({ ...data, builtAt: data.manifest.builtAt }, dense), manifest: data.manifest, dir };
}
