/**
 * Builds the Node dependencies from configuration: embedder, knowledge base
 * (index on disk, rebuilt when stale), assistant and the Hono app.
 */
import { Assistant } from './answer/assistant.js';
import { createApp } from './app.js';
import { BriefingService } from './briefing/generate.js';
import type { Config } from './config.js';
import { createEmbeddings } from './embeddings.js';
import { createLogger, type Logger } from './logger.js';
import { KnowledgeBase } from './store/knowledge-base.js';

export interface NodeRuntime {
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  assistant: Assistant;
  app: ReturnType<typeof createApp>;
}

export async function createNodeRuntime(config: Config, options: { onProgress?: (message: string) => void } = {}): Promise<NodeRuntime> {
  const logger = createLogger(config.LOG_LEVEL);
  const kb = await KnowledgeBase.open({
    dataDir: config.DATA_DIR,
    embeddings: createEmbeddings(config),
    onProgress: options.onProgress ?? ((message) => logger.info(message)),
  });
  const assistant = new Assistant({ retriever: () => kb.retriever() });
  const app = createApp({
    assistant,
    library: kb,
    logger,
    briefing: new BriefingService({ library: kb, assistant }),
    health: () => ({ documents: kb.documents().length, chunks: kb.manifest?.chunks, indexBuiltAt: kb.manifest?.builtAt, embedder: kb.manifest?.embedder.id }),
  });
  return { config, logger, kb, assistant, app };
}
