/** Runtimes with the admin API on, over a DATA_DIR that can outlive them (restart tests). */
import { loadConfig, type Config } from '../../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../../src/node.js';
import { tempDataDir } from './runtime.js';

export const TOKEN = 'kiem-thu-0123456789abcdef';

export interface AdminRuntime extends NodeRuntime {
  progress: string[];
}

export async function adminRuntime(overrides: Partial<Config> & { DATA_DIR?: string } = {}): Promise<AdminRuntime> {
  const config = { ...loadConfig({ DATA_DIR: overrides.DATA_DIR ?? tempDataDir(), LOG_LEVEL: 'silent', ADMIN_TOKEN: TOKEN }), ...overrides };
  const progress: string[] = [];
  const runtime = await createNodeRuntime(config, { onProgress: (m) => progress.push(m) });
  return Object.assign(runtime, { progress });
}

export const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });

export async function call(runtime: NodeRuntime, path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await runtime.app.request(path, { ...init, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export const ask = (runtime: NodeRuntime, question: string, extra: Record<string, unknown> = {}) =>
  call(runtime, '/api/ask', { method: 'POST', json: { question, ...extra } });
