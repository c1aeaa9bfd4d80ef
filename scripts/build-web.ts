/**
 * `npm run build:web`: writes the client bundles to dist/web/ (git-ignored) for
 * hosts that serve static files or cannot run esbuild (Workers): page.js,
 * source.js, widget.js, chat.css and assets.json (the WebAssets strings).
 * The Node server does not need this step: it builds the same bundles in-process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWebAssets } from '../src/channels/web/assets.js';

const outDir = join(import.meta.dirname, '..', 'dist', 'web');
const assets = await buildWebAssets();
mkdirSync(outDir, { recursive: true });
const files: Record<string, string> = { 'page.js': assets.pageJs, 'source.js': assets.sourceJs, 'widget.js': assets.widgetJs, 'chat.css': assets.css };
for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(outDir, name), text);
  console.log(`${name.padEnd(10)} ${String(Buffer.byteLength(text)).padStart(7)} B  ${String(gzipSync(text).length).padStart(6)} B gzip`);
}
writeFileSync(join(outDir, 'assets.json'), JSON.stringify(assets));
console.log(`→ ${outDir}`);
