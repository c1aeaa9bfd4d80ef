/**
 * Rebuilds the index from a configuration: what a server process runs in a
 * worker thread (see knowledge-base.ts `build`), so parsing, chunking,
 * embedding and writing a new build never hold up the questions it answers.
 */
import { buildIndex } from '../../ingest/build-index.js';
import type { Config } from '../config.js';
import { createEmbeddings } from '../embeddings.js';
import { runInThread } from '../run-in-thread.js';
import type { Manifest } from './index-files.js';

export async function buildTask(config: Config, onProgress: (message: string) => void): Promise<Manifest> {
  const { manifest } = await buildIndex({ dataDir: config.DATA_DIR, embeddings: createEmbeddings(config), onProgress });
  return manifest;
}

/** The rebuild for a serving process: buildTask in a worker thread. */
export const buildInThread = (config: Config) => (onProgress?: (message: string) => void) =>
  runInThread<Manifest>(new URL('./build-task.ts', import.meta.url), 'buildTask', [config], { onProgress });
