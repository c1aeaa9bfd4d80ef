/** GET / (chat page), GET /documents/:id (source view), GET /widget.js, the page assets and the site icon. */
import { Hono, type Context } from 'hono';
import { assetVersion, type WebAssets } from './assets.js';
import { faviconSvg } from './favicon.js';
import { chatPage, pageCsp, sourcePage } from './pages.js';

export interface WebRoutesOptions {
  /** The built client bundles (see assets.ts); called per request, so memoise it. */
  assets: () => Promise<WebAssets>;
}

const JS = 'text/javascript; charset=utf-8';
const YEAR = 31_536_000;

export function webRoutes(options: WebRoutesOptions): Hono {
  const app = new Hono();
  const html = (c: Context, body: string) => {
    c.header('content-security-policy', pageCsp);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    c.header('cache-control', 'no-cache');
    return c.html(body);
  };
  const versions = new WeakMap<WebAssets, string>();
  const version = async () => {
    const assets = await options.assets();
    if (!versions.has(assets)) versions.set(assets, assetVersion(assets));
    return versions.get(assets)!;
  };
  const asset = async (c: Context, body: string, type: string) => {
    c.header('content-type', type);
    c.header('x-content-type-options', 'nosniff');
    // A URL carrying the current fingerprint never changes; anything else (widget.js on other sites) is revalidated soon.
    c.header('cache-control', c.req.query('v') === (await version()) ? `public, max-age=${YEAR}, immutable` : 'public, max-age=300');
    return c.body(body);
  };
  const icon = (c: Context) => {
    c.header('content-type', 'image/svg+xml');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(faviconSvg);
  };

  app.get('/', async (c) => html(c, chatPage(await version())));
  app.get('/documents/:id', async (c) => html(c, sourcePage(await version())));
  app.get('/favicon.svg', icon);
  app.get('/favicon.ico', icon);
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
