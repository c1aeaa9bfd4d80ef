/**
 * The Worker in workerd, offline: `npm run dev:worker` (export → local D1
 * migrations + seed → wrangler dev) on a free port, queried over HTTP, and
 * compared with the Node runtime on the dev question set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeRuntime } from '../src/node.js';
import type { AskResponse } from '../src/types.js';
import { testRuntime } from './helpers/runtime.js';

const root = join(import.meta.dirname, '..');
let child: ChildProcess | undefined;
let base = '';
let output = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn('npm', ['run', 'dev:worker'], {
    cwd: root,
    // Own process group, so the whole tree (npm → tsx → wrangler → workerd) stops together.
    detached: true,
    env: { ...process.env, PORT: String(port), WORKER_STATE_DIR: mkdtempSync(join(tmpdir(), 'vanban-wrangler-')), WRANGLER_SEND_METRICS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 170_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dev:worker exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`dev:worker not ready:\n${output}`);
}, 180_000);

afterAll(async () => {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child!.pid!, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}, 20_000);

async function ask(body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe('Worker (workerd, local D1, bundled index)', () => {
  it('reports health from the Workers runtime', async () => {
    const body = await (await fetch(`${base}/health`)).json();
    expect(body).toMatchObject({ status: 'ok', runtime: 'workers', documents: 5, embedder: 'local-hash-v1-384', dense: 'bundled' });
  });

  it('answers the canonical question with the KH 22 citation', async () => {
    const { status, json } = await ask({ question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?' });
    expect(status).toBe(200);
    const reply = json as AskResponse;
    expect(reply.answered).toBe(true);
    expect(reply.mode).toBe('extractive');
    expect(reply.citations[0]).toMatchObject({ n: 1, source: 'dien-bien-ke-hoach-22-kh-tu.txt', docNumber: '22-KH/TU', section: 'II.2.3.b', ocr: true });
    expect(reply.citations[0]!.quote).toContain('két luén khong qua 50 phut');
    // Same restored display title as on Node; the quote stays the scan.
    expect(reply.citations[0]).toMatchObject({ sectionTitle: 'Đổi mới về công tác tổ chức hội nghị', sectionTitleRaw: 'Déi méi vé cong tdc to chirc hji nghi' });
    // The scan's restored reading rides along from the bundled index.
    expect(reply.citations[0]!.reading).toContain('kết luận không quá 50 phút');
    expect(reply.answer).toContain('[1]');
  });

  it('keeps the conversation in D1 across requests', async () => {
    const first = await ask({ question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?' });
    const { json } = await ask({ question: 'Còn tham luận thì sao?', conversationId: first.json.conversationId });
    expect(json.conversationId).toBe(first.json.conversationId);
    expect(json.citations[0]?.quote).toContain('tham luén');
  });

  it('rejects bad input with a Vietnamese message, and serves documents and feedback', async () => {
    const bad = await ask({ question: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_request');
    expect(bad.json.error.message).toMatch(/[àáảãạăâđêôơư]/);
    const docs = await (await fetch(`${base}/api/documents`)).json();
    expect(docs.documents).toHaveLength(5);
    const doc = await (await fetch(`${base}/api/documents/dien-bien-ke-hoach-22-kh-tu`)).json();
    expect(doc.sections.some((s: any) => s.section === 'II.2.3.b')).toBe(true);
    const feedback = await fetch(`${base}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rating: 'up' }) });
    expect(feedback.status).toBe(201);
  });
});

describe('Worker answers like the Node server', () => {
  let node: NodeRuntime;
  beforeAll(async () => {
    node = await testRuntime();
  }, 120_000);

  it('gives the same answers and citations on the dev question set', async () => {
    const cases = readFileSync(join(root, 'data', 'eval', 'dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; question: string; history?: unknown });
    const strip = (r: AskResponse) => ({ answered: r.answered, answer: r.answer, citations: r.citations.map(({ source, section, quote }) => ({ source, section, quote })) });
    for (const c of cases) {
      const body = { question: c.question, history: c.history };
      const worker = await ask(body);
      const res = await node.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect({ id: c.id, ...strip(worker.json) }).toEqual({ id: c.id, ...strip((await res.json()) as AskResponse) });
    }
  }, 120_000);
});
