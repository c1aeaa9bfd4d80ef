/**
 * `npm start` as a cluster: the primary builds the index once, two workers
 * share the port and the SQLite conversations, SIGTERM stops them all.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tempDataDir } from './helpers/runtime.js';

const ROOT = join(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('cluster: one build, two workers answer, SIGTERM stops every process', async () => {
  const dataDir = tempDataDir();
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'server.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_CONCURRENCY: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let ready = false; !ready; ) {
      expect(server.exitCode, output).toBeNull();
      ready = await fetch(`${url}/health`).then((r) => r.ok, () => false);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Exactly one build was published: workers loaded the primary's build instead of racing to build.
    expect(readdirSync(join(dataDir, 'index', 'builds'))).toHaveLength(1);
    let conversationId: string | undefined;
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'Kế hoạch 67-KH/ĐU do ai ban hành?', ...(conversationId ? { conversationId } : {}) }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { conversationId?: string };
      conversationId ??= body.conversationId;
    }
  } finally {
    server.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  const children = output.match(/worker (\d+) exited/g) ?? [];
  expect(children).toHaveLength(0); // no worker crashed and was restarted
  expect(alive(server.pid!)).toBe(false);
}, 120_000);
