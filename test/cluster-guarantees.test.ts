/**
 * The guarantees of one server made of several processes, tried on the real
 * `npm start` cluster (2 workers) over HTTP, every request on a new connection
 * so the cluster spreads them over its workers: read-your-writes for admin
 * changes, one Zalo reply per message however often it is delivered, a rate
 * limit forged headers cannot lift, a zip bomb refused while questions keep
 * being answered, browser-facing headers and content types. SIGTERM stops
 * every process (afterAll).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../src/channels/zalo/signature.js';
import { boundQuestion } from '../src/http/validation.js';
import { postJson, send, startServer, type ServerProcess } from '../src/bench/server-process.js';
import { makeZipBomb, uploadForm } from './helpers/documents.js';
import { FakeZalo } from './helpers/fake-zalo.js';
import { tempDataDir } from './helpers/runtime.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const TOKEN = 'cum-may-chu-0123456789';
const OA_SECRET_KEY = 'oa-secret-key-cluster';
const BOT_SECRET = 'bot-webhook-secret-cluster-0123';
const RATE = 10;
const PROXY = '127.0.0.2';
const QUESTION = 'Kế hoạch 67-KH/ĐU do ai ban hành?';

let server: ServerProcess;
let fake: FakeZalo;
let dataDir: string;
let buildsAtStart: string[];

beforeAll(async () => {
  fake = await new FakeZalo().start();
  dataDir = tempDataDir();
  server = await startServer({
    DATA_DIR: dataDir,
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_PER_MINUTE: String(RATE),
    // A proxy at 127.0.0.2: its forwarding headers are believed; this test's own address (127.0.0.1) is a client's.
    TRUST_PROXY: PROXY,
    ...fake.serverEnv(OA_SECRET_KEY, BOT_SECRET),
  });
  buildsAtStart = readdirSync(join(dataDir, 'index', 'builds'));
});

afterAll(async () => {
  const code = await server?.stop();
  await fake?.close();
  expect(code, server.output().slice(-3000)).toBe(0);
  expect(server.output()).not.toMatch(/worker \d+ exited/); // no worker crashed and was restarted
});

const bearer = { authorization: `Bearer ${TOKEN}` };
const sources = (body: unknown) => ((body as { citations?: Array<{ source: string }> }).citations ?? []).map((c) => c.source);
const times = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)));

describe('one server', () => {
  it('the primary builds once, workers only load; a conversation continues whichever worker answers', async () => {
    expect(buildsAtStart).toHaveLength(1);
    let conversationId: string | undefined;
    for (let i = 0; i < 6; i++) {
      const res = await postJson(server.url, '/api/ask', { question: QUESTION, ...(conversationId ? { conversationId } : {}) });
      expect(res.status).toBe(200);
      conversationId ??= (res.json as { conversationId: string }).conversationId;
      expect((res.json as { conversationId: string }).conversationId).toBe(conversationId);
    }
  });
});

describe('read-your-writes', () => {
  const SOURCE = 'quy-che-lam-viec-co-quan-thu-nghiem.txt';
  const TEXT = 'QUY CHẾ LÀM VIỆC\n1. Giờ làm việc: Cơ quan thử nghiệm Hòa Mỹ làm việc buổi sáng từ 7 giờ 15 phút, buổi chiều từ 13 giờ 30 phút.';
  const ASK = 'Cơ quan thử nghiệm Hòa Mỹ làm việc buổi sáng từ mấy giờ?';

  it('an upload is answered from by every worker as soon as it is acknowledged; a delete likewise', async () => {
    const added = await postJson(server.url, '/api/documents', { source: SOURCE, text: TEXT }, bearer);
    expect(added.status, added.text).toBe(201);
    const answers = await times(8, () => postJson(server.url, '/api/ask', { question: ASK }));
    for (const answer of answers) expect(sources(answer.json)).toContain(SOURCE);

    const health = (await send(server.url, '/health')).json as { indexVersion: string; workers: Array<{ indexVersion: string }> };
    expect(health.workers).toHaveLength(2);
    for (const worker of health.workers) expect(worker.indexVersion).toBe(health.indexVersion);

    const removed = await send(server.url, `/api/documents/${SOURCE.replace(/\.txt$/, '')}`, { method: 'DELETE', headers: bearer });
    expect(removed.status, removed.text).toBe(200);
    const after = await times(8, () => postJson(server.url, '/api/ask', { question: ASK }));
    for (const answer of after) expect(sources(answer.json)).not.toContain(SOURCE);
  });
});

describe('one Zalo message, one reply', () => {
  const oaEvent = (user: string, msgId: string) => ({
    event_name: 'user_send_image',
    app_id: fake.appId,
    sender: { id: user },
    recipient: { id: '388613280878808645' },
    message: { msg_id: msgId, attachments: [] },
    timestamp: String(Date.now()),
  });
  const deliverOa = async (raw: string) => {
    const signature = `mac=${await sha256Hex(fake.appId, new TextEncoder().encode(raw), String(JSON.parse(raw).timestamp), OA_SECRET_KEY)}`;
    return send(server.url, '/webhooks/zalo-oa', { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': signature }, body: raw });
  };
  const deliverBot = (update: unknown) =>
    send(server.url, '/webhooks/zalo-bot', { method: 'POST', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': BOT_SECRET }, body: JSON.stringify(update) });
  const statuses = (replies: Array<{ json?: unknown }>) => replies.map((r) => (r.json as { status?: string }).status);
  /** Lets any second (wrong) reply arrive before counting. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

  it('the same signed OA msg_id delivered 4 times in a row and 10 at once → one reply', async () => {
    const raw = JSON.stringify(oaEvent('oa-user-1', `oa-msg-${Date.now()}`));
    const sequential = [];
    for (let i = 0; i < 4; i++) sequential.push(await deliverOa(raw));
    const concurrent = await times(10, () => deliverOa(raw));
    const all = [...sequential, ...concurrent];
    expect(all.map((r) => r.status)).toEqual(Array(14).fill(200));
    expect(statuses(all).filter((s) => s === 'accepted')).toHaveLength(1);
    await fake.waitFor((r) => r.json?.recipient?.user_id === 'oa-user-1');
    await settle();
    expect(fake.sends().filter((r) => r.json?.recipient?.user_id === 'oa-user-1')).toHaveLength(1);
  });

  it('a bot update with a message_id, or without one, delivered 10 times at once → one reply', async () => {
    const withId = { event_name: 'message.sticker.received', message: { message_id: `bot-${Date.now()}`, chat: { id: 'chat-with-id' }, from: { id: 'u1' } } };
    const withoutId = { event_name: 'message.text.received', message: { chat: { id: 'chat-without-id' }, from: { id: 'u2' }, text: QUESTION } };
    const replies = [...(await times(10, () => deliverBot(withId))), ...(await times(10, () => deliverBot(withoutId)))];
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(statuses(replies).filter((s) => s === 'accepted')).toHaveLength(2);
    await fake.waitFor((r) => r.json?.chat_id === 'chat-without-id' && r.path.endsWith('/sendMessage'));
    await settle();
    const calls = (chat: string, method: string) => fake.botCalls(method).filter((r) => r.json?.chat_id === chat);
    expect(calls('chat-with-id', 'sendMessage')).toHaveLength(1);
    expect(calls('chat-without-id', 'sendChatAction')).toHaveLength(1); // one answer (it may take several messages)
  });
});

describe('rate limit', () => {
  it('rotating X-Forwarded-For / X-Real-IP (127.0.0.1, unknown, random) does not lift the limit, and workers share it', async () => {
    const forged = (i: number): Record<string, string> =>
      [{ 'x-forwarded-for': `203.0.113.${i}` }, { 'x-real-ip': '127.0.0.1' }, { 'x-forwarded-for': 'unknown' }, { 'x-forwarded-for': `10.0.${i}.1, 127.0.0.1` }][i % 4]!;
    const replies = [];
    for (let i = 0; i < 4 * RATE; i++) replies.push(await postJson(server.url, '/api/feedback', { rating: 'up' }, forged(i)));
    const accepted = replies.filter((r) => r.status === 201).length;
    // One bucket for the whole server: the budget (plus what refills while the loop runs), not once per worker.
    expect(accepted).toBeGreaterThanOrEqual(RATE);
    expect(accepted).toBeLessThan(RATE + 4);
    const limited = replies.find((r) => r.status === 429)!;
    expect((limited.json as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    // The machine itself, without forwarding headers, is not limited.
    for (let i = 0; i < 3; i++) expect((await postJson(server.url, '/api/feedback', { rating: 'up' })).status).toBe(201);
  });

  it('behind the trusted proxy: the hop it appended is the client, whatever the client wrote on the left', async () => {
    const viaProxy = (forwardedFor: string) => postJson(server.url, '/api/feedback', { rating: 'up' }, { 'x-forwarded-for': forwardedFor, 'x-real-ip': '127.0.0.1' }, { localAddress: PROXY });
    let accepted = 0;
    for (let i = 0; i < 3 * RATE; i++) if ((await viaProxy(`203.0.113.${i}, 127.0.0.1, 198.51.100.9`)).status === 201) accepted++;
    expect(accepted).toBeGreaterThanOrEqual(RATE);
    expect(accepted).toBeLessThan(RATE + 4);
    // Other clients of the same proxy keep their own budget.
    for (let i = 0; i < 3; i++) expect((await viaProxy(`198.51.100.${100 + i}`)).status).toBe(201);
  });
});

describe('uploads that cannot hurt', () => {
  it('a zip bomb is refused (413, Vietnamese) while questions keep being answered; nothing is written', async () => {
    const docsBefore = readdirSync(join(dataDir, 'docs')).sort();
    const bomb = makeZipBomb(200);
    const upload = fetch(`${server.url}/api/documents`, { method: 'POST', headers: bearer, body: uploadForm('bao-cao.docx', bomb) });
    const questions = await times(6, () => postJson(server.url, '/api/ask', { question: QUESTION }));
    for (const q of questions) expect(q.status).toBe(200);
    const res = await upload;
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toMatch(/giải nén/);
    expect(readdirSync(join(dataDir, 'docs')).sort()).toEqual(docsBefore);
  });
});

describe('browsers', () => {
  it('public JSON POSTs refuse text/plain and forms (415); JSON is accepted', async () => {
    for (const path of ['/api/ask', '/api/chat', '/api/feedback', '/api/briefing']) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await send(server.url, path, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ question: QUESTION, rating: 'up', topic: 'hội nghị' }) });
        expect(res.status, `${path} ${type}`).toBe(415);
        expect((res.json as { error: { code: string } }).error.code).toBe('unsupported_media_type');
      }
    }
    expect((await postJson(server.url, '/api/ask', { question: QUESTION })).status).toBe(200);
  });

  it('every HTML page carries a CSP with frame-ancestors and framing protection', async () => {
    for (const path of ['/', '/briefing', '/admin', '/docs', '/documents/dang-uy-phuong-ke-hoach-67-kh-du']) {
      const res = await send(server.url, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.headers['content-security-policy'], path).toMatch(/frame-ancestors '(self|none)'/);
      expect(res.headers['content-security-policy'], path).toMatch(/script-src/);
      expect(res.headers['content-security-policy'], path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(res.headers['x-frame-options'], path).toMatch(/^(SAMEORIGIN|DENY)$/);
    }
  });

  it('a 2,000-character question does the work of its first words: answered as they are', async () => {
    const long = `${QUESTION} ${'Xin cho biết thêm chi tiết về việc triển khai nội dung này ở cơ sở. '.repeat(40)}`.slice(0, 2000);
    const [whole, head] = await Promise.all([postJson(server.url, '/api/ask', { question: long }), postJson(server.url, '/api/ask', { question: boundQuestion(long) })]);
    expect(whole.status).toBe(200);
    const { tookMs: _a, conversationId: _b, ...wholeAnswer } = whole.json as Record<string, unknown>;
    const { tookMs: _c, conversationId: _d, ...headAnswer } = head.json as Record<string, unknown>;
    expect(wholeAnswer).toEqual(headAnswer);
  });
});
