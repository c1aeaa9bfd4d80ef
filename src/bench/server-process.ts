/**
 * The real `npm start` as a child process (the cluster, 2 workers by default)
 * for tests and the soak run: an ephemeral port, its own process group so
 * every process it forks can be killed at once, and requests that each open a
 * new connection (so the cluster spreads them over its workers, as separate
 * clients would be).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed. */
  output(): string;
  /** SIGTERM, then SIGKILL to the whole group after `graceMs`; resolves with the primary's exit code. */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL to every process of the server at once. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever happens to the caller, no server outlives it.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

export async function startServer(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', WEB_CONCURRENCY: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (running.delete(child), resolve(code))));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL'); // any worker left behind
      return code;
    },
    async kill() {
      killGroup(child, 'SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  // Ready when every worker serves: /health lists them all with an index version.
  const want = Number(env.WEB_CONCURRENCY ?? 2);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`server not ready in time:\n${output}`);
    }
    const health = await send(url, '/health').catch(() => undefined);
    const workers = (health?.json as { workers?: Array<{ indexVersion?: string }> } | undefined)?.workers ?? [];
    if (health?.status === 200 && workers.filter((w) => w.indexVersion).length >= want) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json?: unknown;
  ms: number;
}

export interface SendInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
  /** Connect from this address (e.g. 127.0.0.2: another machine, as far as the server can tell). */
  localAddress?: string;
}

/** One request on a new connection. */
export function send(base: string, path: string, init: SendInit = {}): Promise<Sent> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: init.method ?? 'GET', headers: init.headers, agent: false, timeout: init.timeoutMs ?? 60_000, localAddress: init.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, ms: performance.now() - started });
      });
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

export const postJson = (base: string, path: string, body: unknown, headers: Record<string, string> = {}, init: SendInit = {}) =>
  send(base, path, { ...init, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
