/**
 * Chooses the embedder from configuration. Local by default (no network);
 * EMBEDDINGS=openai is added by the LLM integration.
 */
import type { Config } from './config.js';
import { LocalHashEmbeddings } from './retrieval/local-embeddings.js';
import type { IndexEmbeddings } from './store/knowledge-base.js';

export function createEmbeddings(config: Pick<Config, 'EMBEDDINGS'>): IndexEmbeddings {
  if (config.EMBEDDINGS === 'openai') {
    throw new Error('EMBEDDINGS=openai chưa được hỗ trợ trong bản này.');
  }
  return new LocalHashEmbeddings();
}
