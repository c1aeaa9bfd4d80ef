/**
 * Client bundles for the chat page, the source view and the widget, built with
 * esbuild. `buildWebAssets()` returns them as strings so any runtime can serve
 * them: Node builds in-process on first request; `npm run build:web` writes the
 * same strings to dist/web/ for hosts that cannot run esbuild (Workers).
 */
import { fileURLToPath } from 'node:url';
import { chatCss, pageCss } from './client/styles.js';

export interface WebAssets {
  /** GET /assets/page.js */
  pageJs: string;
  /** GET /assets/source.js */
  sourceJs: string;
  /** GET /widget.js */
  widgetJs: string;
  /** GET /assets/chat.css */
  css: string;
}

export const entryPoints = {
  pageJs: 'client/page.ts',
  sourceJs: 'client/source.ts',
  widgetJs: 'client/widget.ts',
} as const;

export async function buildWebAssets(): Promise<WebAssets> {
  const { build } = await import('esbuild');
  const out: Partial<WebAssets> = { css: chatCss + pageCss };
  await Promise.all(
    (Object.entries(entryPoints) as [keyof typeof entryPoints, string][]).map(async ([key, entry]) => {
      const result = await build({
        entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
        bundle: true,
        write: false,
        minify: true,
        format: 'iife',
        target: 'es2020',
        charset: 'utf8',
        legalComments: 'none',
        logLevel: 'silent',
      });
      out[key] = result.outputFiles[0]!.text;
    }),
  );
  return out as WebAssets;
}

/**
 * A short fingerprint of the bundles: pages link `?v=<it>`, so a changed bundle is a new URL and a
 * versioned one can be cached for good (FNV-1a; no crypto needed, any runtime).
 */
export function assetVersion(assets: WebAssets): string {
  let hash = 0x811c9dc5;
  for (const text of [assets.pageJs, assets.sourceJs, assets.widgetJs, assets.css]) {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Builds once, on first use; later calls share the same promise. */
export function lazyWebAssets(builder: () => Promise<WebAssets> = buildWebAssets): () => Promise<WebAssets> {
  let pending: Promise<WebAssets> | undefined;
  return () => {
    pending ??= builder().catch((err) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}
