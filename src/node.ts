/**
 * Builds the Node dependencies from configuration: embedder, knowledge base
 * (index on disk, rebuilt when stale), assistant and the Hono app.
 */
import { Assistant } from './answer/assistant.js';
import { warmUp } from './answer/warm-up.js';
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
import { NodeDocumentAdmin } from './admin/document-admin.js';
import type { QuestionLog } from './analytics.js';
import { databasePath, openDatabase, type Db } from './store/sqlite/database.js';
import { sqliteConversations } from './store/sqlite/conversations.js';
import { sqliteDocuments } from './store/sqlite/documents.js';
import { sqliteFeedback } from './store/sqlite/feedback.js';
import { sqliteQuestionLog } from './store/sqlite/question-log.js';
import { sqliteSeenMessages } from './store/sqlite/seen-messages.js';
import { batchedQuestionLog } from './http/question-logging.js';
import { parseTrustProxy } from './http/trusted-proxies.js';
import { workerLink, type ServerLink } from './cluster/worker-link.js';
import { buildInThread } from './store/build-task.js';

export interface NodeRuntime {
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  assistant: Assistant;
  app: ReturnType<typeof createApp>;
  zalo: ZaloChannels;
  /** The server database (DATA_DIR/vanban.db). */
  db: Db;
  admin: NodeDocumentAdmin;
  questionLog: QuestionLog;
  /** Closes the database; call on shutdown. */
  close(): void;
}

export interface NodeRuntimeOptions {
  onProgress?: (message: string) => void;
  /** The other server processes (default: the cluster primary when this is a cluster worker, else none). */
  link?: ServerLink;
  /** Rebuild the index in a worker thread, so questions are answered meanwhile (the server does). */
  buildOffThread?: boolean;
}

export async function createNodeRuntime(config: Config, options: NodeRuntimeOptions = {}): Promise<NodeRuntime> {
  const logger = createLogger(config.LOG_LEVEL);
  const link = options.link ?? workerLink();
  const trustedProxies = parseTrustProxy(config.TRUST_PROXY);
  const kb = await KnowledgeBase.open({
    dataDir: config.DATA_DIR,
    embeddings: createEmbeddings(config),
    onProgress: options.onProgress ?? ((message) => logger.info(message)),
    warm: warmUp,
    ...(options.buildOffThread ? { build: buildInThread(config) } : {}),
  });
  // Said before anything waits on the admin lock: the lock holder may be waiting for this very report.
  link.serving(kb.version);
  // A build published by another server process: load it now, and say so (the publisher waits for it).
  link.onReload(async () => {
    await kb.refresh().catch((err: unknown) => logger.warn({ err }, 'index reload failed'));
    link.serving(kb.version);
  });
  const db = openDatabase(databasePath(config.DATA_DIR));
  const maxBytes = Math.round(config.MAX_UPLOAD_MB * 1024 * 1024);
  const admin = new NodeDocumentAdmin({ dataDir: config.DATA_DIR, kb, registry: sqliteDocuments(db), maxBytes, link });
  await admin.sync();
  // Logged off the request path, a batch per transaction; flushed on close.
  const questionLog = batchedQuestionLog(sqliteQuestionLog(db), {
    transaction: (write) => db.transaction(write)(),
    onError: (err) => logger.warn({ err }, 'question log failed'),
  });
  const llm = createLlm(config, () => loadPrompts(), logger);
  const assistant = new Assistant({
    retriever: () => kb.retriever(),
    conversations: sqliteConversations(db),
    ...(llm ? { answerer: llm.answerer, rewriter: llm.rewriter } : {}),
  });
  const zalo = createZaloChannels(config, {
    assistant,
    logger,
    store: fileKeyValue(join(config.DATA_DIR, 'zalo')),
    seen: sqliteSeenMessages(db),
    lock: (task) => link.exclusive(task, 'zalo-oa-tokens'),
  });
  const app = createApp({
    assistant,
    library: kb,
    logger,
    briefing: new BriefingService({ library: kb, assistant }),
    zalo,
    corsOrigins: corsOrigins(config),
    web: { assets: lazyWebAssets() },
    compress: true,
    feedback: sqliteFeedback(db),
    adminToken: config.ADMIN_TOKEN,
    admin,
    questionLog,
    limits: { uploadBytes: maxBytes, ratePerMinute: config.RATE_LIMIT_PER_MINUTE },
    limiter: link.limiter(config.RATE_LIMIT_PER_MINUTE),
    clientAddress: { trusted: trustedProxies },
    indexSize: () => ({ documents: kb.manifest?.documents ?? 0, chunks: kb.manifest?.chunks ?? 0 }),
    health: () => ({
      documents: kb.documents().length,
      chunks: kb.manifest?.chunks,
      indexBuiltAt: kb.manifest?.builtAt,
      indexVersion: kb.version,
      // Every process of the server and the build it serves (after an admin change they all agree).
      workers: link.versions(),
      embedder: kb.manifest?.embedder.id,
      answerMode: llm ? `llm:${llm.model.model}` : 'extractive',
      zalo: zalo.health(),
    }),
  });
  // Builds published by other programs (the docs CLI, `npm run ingest`) are picked up within seconds.
  const watcher = setInterval(() => {
    kb.refresh()
      .then(async (changed) => {
        if (!changed) return;
        link.serving(kb.version);
        await admin.sync();
        logger.info({ documents: kb.documents().length }, 'đã nạp chỉ mục mới');
      })
      .catch((err) => logger.warn({ err }, 'index refresh failed'));
  }, 5000);
  watcher.unref();
  const close = () => {
    clearInterval(watcher);
    questionLog.flush();
    db.close();
  };
  return { config, logger, kb, assistant, app, zalo, db, admin, questionLog, close };
}
