/**
 * Cloudflare Workers entry: the same Hono app as on Node, built from Worker
 * bindings (src/worker/runtime.ts). The app is built once per isolate; if the
 * data isn't loaded yet, requests get a 503 and the next one retries.
 */
import { consoleLogger } from './worker/logger.js';
import { createWorkerApp, IndexUnavailable, type WorkerEnv } from './worker/runtime.js';

type WorkerApp = Awaited<ReturnType<typeof createWorkerApp>>;
let app: Promise<WorkerApp> | undefined;

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown): Promise<Response> {
    app ??= createWorkerApp(env);
    let ready: WorkerApp;
    try {
      ready = await app;
    } catch (err) {
      app = undefined;
      consoleLogger(env.LOG_LEVEL).error({ err }, 'index unavailable');
      const detail = err instanceof IndexUnavailable ? err.message : 'load failed';
      return Response.json(
        { status: 'unavailable', error: { code: 'index_unavailable', message: 'Chỉ mục văn bản chưa sẵn sàng, vui lòng thử lại sau.', detail } },
        { status: 503 },
      );
    }
    return ready.fetch(request, env, ctx as never);
  },
};
