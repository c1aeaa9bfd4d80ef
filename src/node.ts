/**
 * Builds the Node dependencies from configuration: embedder, knowledge base
 * (index on disk, rebuilt when stale), assistant and the Hono app.
 */
import { Assistant } from './answer/assistant.js';
import { createApp } from './app.js';
import { BriefingService } from './briefing/generate.js';
import { lazyWebAssets } from './channels/web/assets.js';
import { corsOrigins, type Config } from './config.js';
import { createEmbeddings } from './embeddings.js';
import { createLlm } from './answer/llm-config.js';
import { loadPrompts } from './answer/prompts-node.js';
import { createLogger, type Logger } from './logger.js';
import { KnowledgeBase } from './store/knowledge-base.js';
import { join } from 'node:path';
import { createZaloChannels, type ZaloChannels } from './channels/zalo/index.js';
import { fileKeyValue } from './channels/zalo/file-kv.js';

export interface NodeRuntime {
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  assistant: Assistant;
  app: ReturnType<typeof createApp>;
  zalo: ZaloChannels;
}

export async function createNodeRuntime(config: Config, options: { onProgress?: (message: string) => void } = {}): Promise<NodeRuntime> {
  const logger = createLogger(config.LOG_LEVEL);
  const kb = await KnowledgeBase.open({
    dataDir: config.DATA_DIR,
    embeddings: createEmbeddings(config),
    onProgress: options.onProgress ?? ((message) => logger.info(message)),
  });
  const llm = createLlm(config, () => loadPrompts(), logger);
  const assistant = new Assistant({ retriever: () => kb.retriever(), ...(llm ? { answerer: llm.answerer, rewriter: llm.rewriter } : {}) });
  const zalo = createZaloChannels(config, { assistant, logger, store: fileKeyValue(join(config.DATA_DIR, 'zalo')) });
  const app = createApp({
    assistant,
    library: kb,
    logger,
    briefing: new BriefingService({ library: kb, assistant }),
    zalo,
    corsOrigins: corsOrigins(config),
    web: { assets: lazyWebAssets() },
    health: () => ({
      documents: kb.documents().length,
      chunks: kb.manifest?.chunks,
      indexBuiltAt: kb.manifest?.builtAt,
      embedder: kb.manifest?.embedder.id,
      answerMode: llm ? `llm:${llm.model.model}` : 'extractive',
      zalo: zalo.health(),
    }),
  });
  return { config, logger, kb, assistant, app, zalo };
}
