/**
 * Chooses the embedder from configuration: local hashed features by default
 * (no network), or EMBEDDINGS=openai through the configured endpoint.
 */
import type { Config } from './config.js';
import { OpenAICompatibleEmbeddings } from './openai-embeddings.js';
import { LocalHashEmbeddings } from './retrieval/local-embeddings.js';
import type { IndexEmbeddings } from './store/knowledge-base.js';

export function createEmbeddings(config: Pick<Config, 'EMBEDDINGS'> & Partial<Pick<Config, 'EMBEDDINGS_MODEL' | 'OPENAI_BASE_URL' | 'OPENAI_API_KEY'>>): IndexEmbeddings {
  if (config.EMBEDDINGS === 'openai') {
    if (!config.OPENAI_BASE_URL && !config.OPENAI_API_KEY) {
      throw new Error('EMBEDDINGS=openai cần OPENAI_BASE_URL hoặc OPENAI_API_KEY.');
    }
    return new OpenAICompatibleEmbeddings({
      baseURL: config.OPENAI_BASE_URL,
      apiKey: config.OPENAI_API_KEY,
      model: config.EMBEDDINGS_MODEL ?? 'text-embedding-3-small',
    });
  }
  return new LocalHashEmbeddings();
}
