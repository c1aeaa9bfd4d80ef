/**
 * The API over a real @hono/node-server socket (not app.request): a declared
 * Content-Length is checked against the body limit without reading the body,
 * answers still log to the question log, and the log survives closing.
 */
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeRuntime } from '../src/node.js';
import { databasePath, openDatabase } from '../src/store/sqlite/database.js';
import { testRuntime } from './helpers/runtime.js';

let rt: NodeRuntime;
let server: ServerType;
let url: string;
beforeAll(async () => {
  rt = await testRuntime({ RATE_LIMIT_PER_MINUTE: 0 });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: rt.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      url = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
}, 60_000);
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('API over a real socket', () => {
  it('answers a question and logs it', async () => {
    const res = await post('/api/ask', JSON.stringify({ question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?' }));
    expect(res.status).toBe(200);
    const reply = await res.json();
    expect(reply.answered).toBe(true);
    const stats = await rt.questionLog.stats();
    expect(stats.totals.questions).toBe(1);
    expect(stats.mostAsked[0]!.question).toBe('Phát biểu kết luận hội nghị không quá bao nhiêu phút?');
  });

  it('rejects a declared Content-Length over the limit with 413 payload_too_large', async () => {
    const big = JSON.stringify({ question: 'abc', padding: 'x'.repeat(1024 * 1024 + 10) });
    const res = await post('/api/ask', big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('still limits a chunked body (no Content-Length)', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ question: 'abc', padding: 'x'.repeat(1024 * 1024 + 10) }));
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const res = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('keeps logged questions when the runtime closes', async () => {
    await post('/api/ask', JSON.stringify({ question: 'Ai ký Kế hoạch 67-KH/ĐU?' }));
    rt.close();
    const db = openDatabase(databasePath(rt.config.DATA_DIR));
    expect((db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n).toBe(2);
    db.close();
  });
});
