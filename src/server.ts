/**
 * Node entry: `npm start`. Builds the index if missing or stale, then serves.
 *
 * One Node process answers one request at a time, so on a multi-core machine
 * the server runs as a cluster: WEB_CONCURRENCY workers (default: available
 * cores) share the listening port. The primary builds the index once before
 * forking, so workers only load it. State that must be one for the whole
 * server lives in SQLite (conversations, seen Zalo deliveries) or in the
 * primary (rate-limit buckets, the admin lock, which index each worker
 * serves: cluster/primary.ts), so an admin change is acknowledged only once
 * every worker answers from it. WEB_CONCURRENCY=1 serves from a single
 * process, as before.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createEmbeddings } from './embeddings.js';
import { createNodeRuntime } from './node.js';
import { coordinateWorkers } from './cluster/primary.js';
import { KnowledgeBase } from './store/knowledge-base.js';
import { databasePath, openDatabase } from './store/sqlite/database.js';

const config = loadConfig();
const requested = Number.parseInt(process.env.WEB_CONCURRENCY ?? '', 10);
const workers = Number.isFinite(requested) && requested > 0 ? requested : availableParallelism();

if (cluster.isPrimary && workers > 1) await runPrimary();
else await runWorker();

async function runPrimary(): Promise<void> {
  await KnowledgeBase.ensureBuilt({ dataDir: config.DATA_DIR, embeddings: createEmbeddings(config), onProgress: (m) => console.log(m) });
  openDatabase(databasePath(config.DATA_DIR)).close(); // migrate once, before workers race to
  coordinateWorkers({ log: (m) => console.error(m) });
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); restarting`);
    setTimeout(fork, 1000).unref();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const alive = Object.values(cluster.workers ?? {});
      if (alive.length === 0) process.exit(0);
      for (const worker of alive) worker?.process.kill('SIGTERM');
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}

async function runWorker(): Promise<void> {
  const runtime = await createNodeRuntime(config, { onProgress: (m) => console.log(m), buildOffThread: true });
  const server = serve({ fetch: runtime.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    if (cluster.isPrimary || cluster.worker?.id === 1) runtime.logger.info(`vanban đang phục vụ tại http://${info.address}:${info.port}` + (cluster.isWorker ? ` (${workers} tiến trình)` : ''));
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () =>
      server.close(() => {
        runtime.close();
        process.exit(0);
      }),
    );
  }
}
