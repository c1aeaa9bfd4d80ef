/** Node entry: `npm start`. Builds the index if missing or stale, then serves. */
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createNodeRuntime } from './node.js';

const config = loadConfig();
const runtime = await createNodeRuntime(config, { onProgress: (m) => console.log(m) });
const server = serve({ fetch: runtime.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  runtime.logger.info(`vanban đang phục vụ tại http://${info.address}:${info.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () =>
    server.close(() => {
      runtime.close();
      process.exit(0);
    }),
  );
}
