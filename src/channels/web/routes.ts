/** GET / (chat page), GET /documents/:id (source view), GET /widget.js and the page assets. */
import { Hono, type Context } from 'hono';
import type { WebAssets } from './assets.js';
import { chatPage, pageCsp, sourcePage } from './pages.js';

export interface WebRoutesOptions {
  /** The built client bundles (see assets.ts); called per request, so memoise it. */
  assets: () => Promise<WebAssets>;
}

const JS = 'text/javascript; charset=utf-8';

export function webRoutes(options: WebRoutesOptions): Hono {
  const app = new Hono();
  const html = (c: Context, body: string) => {
    c.header('content-security-policy', pageCsp);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    c.header('cache-control', 'no-cache');
    return c.html(body);
  };
  const asset = (c: Context, body: string, type: string) => {
    c.header('content-type', type);
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'public, max-age=300');
    return c.body(body);
  };

  app.get('/', (c) => html(c, chatPage()));
  app.get('/documents/:id', (c) => html(c, sourcePage()));
  app.get('/assets/page.js', async (c) => asset(c, (await options.assets()).pageJs, JS));
  app.get('/assets/source.js', async (c) => asset(c, (await options.assets()).sourceJs, JS));
  app.get('/assets/chat.css', async (c) => asset(c, (await options.assets()).css, 'text/css; charset=utf-8'));
  app.get('/widget.js', async (c) => {
    // Loaded by <script> on other origins; a script tag needs no CORS, but fetch()-based loaders do.
    c.header('access-control-allow-origin', '*');
    c.header('cross-origin-resource-policy', 'cross-origin');
    return asset(c, (await options.assets()).widgetJs, JS);
  });
  return app;
}
