/**
 * The done-when, over real HTTP: an administrator adds a .docx, cadres get
 * answers from it a moment later, it survives a restart (new runtime over the
 * same DATA_DIR), and deleting it removes it from answers. Conversations,
 * feedback and the question log (→ /api/stats) persist too.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type AdminRuntime, adminRuntime, bearer } from './helpers/admin.js';
import { makeDocx, uploadForm } from './helpers/documents.js';
import { tempDataDir } from './helpers/runtime.js';

// Real index builds on a shared 2-core machine: generous time, no timing asserts.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const dataDir = tempDataDir();
let rt: AdminRuntime | undefined;
let server: ServerType | undefined;
let base = '';

async function start(): Promise<void> {
  rt = await adminRuntime({ DATA_DIR: dataDir });
  server = serve({ fetch: rt.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server!.once('listening', resolve));
  base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

async function stop(): Promise<void> {
  await new Promise((resolve) => server?.close(resolve));
  rt?.close();
  rt = undefined;
}
afterAll(stop);

async function http(path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ status: number; body: any }> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const res = await fetch(base + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  return { status: res.status, body: await res.json() };
}
const ask = (question: string, extra: Record<string, unknown> = {}) => http('/api/ask', { method: 'POST', json: { question, ...extra } });

const QUESTION = 'Mỗi huyện ủy cử bao nhiêu báo cáo viên dự hội thi?';
const SOURCE = 'Kế hoạch hội thi báo cáo viên.docx';

describe('documents, conversations and feedback survive restarts', () => {
  let conversationId = '';
  let uploadedAt = '';

  it('adds a .docx through the API; cadres get answers from it a moment later', async () => {
    await start();
    const before = await ask(QUESTION);
    expect(before.body.citations.map((c: any) => c.source)).not.toContain(SOURCE);
    const docx = await makeDocx([
      'BAN TUYÊN GIÁO TỈNH ỦY',
      'KẾ HOẠCH',
      'Tổ chức hội thi báo cáo viên giỏi cấp tỉnh năm 2026',
      'I. THÀNH PHẦN',
      '1. Số lượng: Mỗi huyện ủy cử 02 báo cáo viên tham dự hội thi.',
      'II. THỜI GIAN',
      '1. Vòng chung kết: Tổ chức ngày 15/5/2026 tại Hội trường Tỉnh ủy.',
    ]);
    const up = await http('/api/documents', { method: 'POST', headers: bearer(), body: uploadForm(SOURCE, docx) });
    expect(up.status).toBe(201);
    const { body } = await ask(QUESTION);
    expect(body.answered).toBe(true);
    expect(body.citations[0]).toMatchObject({ source: SOURCE, section: 'I.1' });
    expect(body.answer).toContain('02 báo cáo viên');

    const first = await ask('Phát biểu kết luận hội nghị không quá bao nhiêu phút?');
    conversationId = first.body.conversationId;
    expect((await http('/api/feedback', { method: 'POST', json: { rating: 'up', conversationId, question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?', sources: ['dien-bien-ke-hoach-22-kh-tu.txt'] } })).status).toBe(201);
    expect((await http('/api/feedback', { method: 'POST', json: { rating: 'down', comment: 'Chưa rõ' } })).status).toBe(201);
    await ask('Giá vé máy bay từ Hà Nội đi Đà Nẵng là bao nhiêu?');
    await ask('gia ve may bay tu ha noi di da nang la bao nhieu');
    const reg = await http('/api/admin/documents', { headers: bearer() });
    uploadedAt = reg.body.documents.find((d: any) => d.source === SOURCE).uploadedAt;
    await stop();
  });

  it('after a restart: the document still answers, the conversation continues, stats remember', async () => {
    await start();
    expect(rt!.progress.some((m) => m.startsWith('Chỉ mục sẵn sàng'))).toBe(false); // no rebuild needed
    const { body } = await ask(QUESTION);
    expect(body.citations[0]?.source).toBe(SOURCE);

    // Only the id: the history comes from SQLite.
    const follow = await ask('Còn tham luận thì sao?', { conversationId });
    expect(follow.body.conversationId).toBe(conversationId);
    expect(follow.body.citations[0]?.quote).toContain('tham luén');

    const reg = await http('/api/admin/documents', { headers: bearer() });
    expect(reg.body.documents.find((d: any) => d.source === SOURCE)).toMatchObject({ format: 'docx', uploadedAt });

    const stats = (await http('/api/stats', { headers: bearer() })).body;
    expect(stats.feedback).toEqual({ up: 1, down: 1, total: 2, ratio: 0.5 });
    expect(stats.totals.questions).toBe(7);
    // The two spellings of the flight question are one group, and it went unanswered.
    expect(stats.unanswered[0]).toMatchObject({ count: 2, answered: 0 });
    expect(stats.unanswered[0].question).toMatch(/may bay/i);
    expect(stats.mostAsked[0]).toMatchObject({ question: QUESTION, count: 3 });
    expect(stats.documentHits.find((d: any) => d.source === SOURCE)).toMatchObject({ hits: 2, top: 2, indexed: true });
    expect(stats.documentHits.find((d: any) => d.source === 'son-la-ke-hoach-121-kh-btgtu.txt')).toBeDefined();
    expect(stats.perDay.at(-1).questions).toBe(7);
    expect(stats.modes).toEqual({ extractive: 7 });
  });

  it('deleting it removes it from answers, and it stays deleted after another restart', async () => {
    const id = (await http('/api/documents')).body.documents.find((d: any) => d.source === SOURCE).id;
    expect((await http(`/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE', headers: bearer() })).status).toBe(200);
    const gone = await ask(QUESTION);
    expect(gone.body.citations.map((c: any) => c.source)).not.toContain(SOURCE);
    expect(gone.body.answer).not.toContain('02 báo cáo viên');
    await stop();
    await start();
    const still = await ask(QUESTION);
    expect(still.body.citations.map((c: any) => c.source)).not.toContain(SOURCE);
    expect((await http('/api/admin/documents', { headers: bearer() })).body.documents.map((d: any) => d.source)).not.toContain(SOURCE);
  });
});
