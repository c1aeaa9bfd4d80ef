/**
 * `npm run dev:worker`: the Worker on this machine, offline. Exports the corpus
 * for Workers (D1 seed + bundled dense index), applies the D1 migrations to the
 * local simulation, loads the seed, then runs `wrangler dev` on PORT
 * (default 8787) at 127.0.0.1. No Cloudflare login, no network, no telemetry.
 * WORKER_STATE_DIR moves wrangler's local state (default .wrangler/state).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { exportWorkerData } from '../ingest/worker-export.js';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const wranglerBin = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', NO_UPDATE_NOTIFIER: '1', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
const port = process.env.PORT ?? '8787';
const persist = process.env.WORKER_STATE_DIR ? ['--persist-to', process.env.WORKER_STATE_DIR] : [];
const log = (message: string) => console.log(`[dev:worker] ${message}`);

function wrangler(args: string[]): void {
  const result = spawnSync(process.execPath, [wranglerBin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed (${result.status})`);
  }
}

try {
  const exported = await exportWorkerData({
    outDir: join(root, '.worker'),
    inputs: [process.env.DATA_DIR ? join(process.env.DATA_DIR, 'docs') : join(root, 'data', 'docs')],
    embeddings: new LocalHashEmbeddings(),
  });
  log(`index: ${exported.documents} documents, ${exported.chunks} chunks, ${exported.terms} terms`);
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persist]);
  wrangler(['d1', 'execute', 'DB', '--local', '--file', exported.seedFile, ...persist]);
  log(`D1 (local) seeded; starting workerd on http://127.0.0.1:${port}`);
} catch (err) {
  console.error(`[dev:worker] ${(err as Error).message}`);
  process.exit(1);
}

const child = spawn(
  process.execPath,
  [wranglerBin, 'dev', '--local', '--port', port, '--ip', '127.0.0.1', '--show-interactive-dev-session=false', ...persist],
  { cwd: root, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
