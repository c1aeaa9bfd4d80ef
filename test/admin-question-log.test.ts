/**
 * The question log sees answers from /api/ask (JSON) and /api/chat (the `done`
 * event of a text/event-stream), without touching those routes; SQLite
 * migrations are applied once and recorded.
 */
import { streamSSE } from 'hono/streaming';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { questionKey } from '../src/analytics.js';
import { migrate, openDatabase } from '../src/store/sqlite/database.js';
import { type AdminRuntime, adminRuntime, ask } from './helpers/admin.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let rt: AdminRuntime;
beforeAll(async () => {
  rt = await adminRuntime();
  // A streaming route shaped like /api/chat (events citations, token, done).
  rt.app.post('/api/chat', async (c) => {
    const { question } = await c.req.json();
    const reply = await rt.assistant.ask({ question });
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'citations', data: JSON.stringify(reply.citations) });
      for (const word of reply.answer.split(' ').slice(0, 5)) await stream.writeSSE({ event: 'token', data: JSON.stringify(`${word} `) });
      await stream.writeSSE({ event: 'done', data: JSON.stringify(reply) });
    });
  });
});
afterAll(() => rt?.close());

describe('question log', () => {
  it('records /api/ask and /api/chat answers with channel, sources, mode and latency', async () => {
    await ask(rt, 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?');
    const res = await rt.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Còn tham luận thì bao nhiêu phút?' }) });
    const text = await res.text();
    expect(text).toContain('event: done');
    await expect.poll(() => (rt.db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n).toBe(2);
    const rows = rt.db.prepare('SELECT question, answered, top_source, mode, latency_ms, channel FROM questions ORDER BY id').all() as any[];
    expect(rows[0]).toMatchObject({ question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?', answered: 1, top_source: 'dien-bien-ke-hoach-22-kh-tu.txt', mode: 'extractive', channel: 'api' });
    expect(rows[1]).toMatchObject({ answered: 1, channel: 'chat' });
    expect(rows[0].latency_ms).toBeGreaterThan(0);
  });

  it('does not log rejected questions', async () => {
    const before = (rt.db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;
    await ask(rt, '');
    expect((rt.db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n).toBe(before);
  });

  it('groups spellings of a question', () => {
    expect(questionKey('Phát biểu kết luận — không quá bao nhiêu phút?')).toBe(questionKey('phat bieu ket luan khong qua bao nhieu phut'));
  });
});

describe('SQLite', () => {
  it('runs in WAL mode with migrations recorded once', () => {
    expect(rt.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(rt.db)).toBe(2);
    expect(rt.db.prepare('SELECT version, name FROM migrations').all()).toEqual([{ version: 1, name: 'initial' }, { version: 2, name: 'seen-messages' }]);
    const mem = openDatabase(':memory:');
    expect(mem.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r: any) => r.name)).toEqual(
      expect.arrayContaining(['conversations', 'documents', 'feedback', 'messages', 'migrations', 'questions', 'seen_messages']),
    );
    mem.close();
  });
});
