/**
 * Question-log writes leave the request path in batches: nothing is lost —
 * stats() and flush() write the queue first, and closing the runtime flushes
 * what the last requests logged.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuestionEvent } from '../src/analytics.js';
import { batchedQuestionLog } from '../src/http/question-logging.js';
import { databasePath, openDatabase } from '../src/store/sqlite/database.js';
import { sqliteQuestionLog } from '../src/store/sqlite/question-log.js';
import { testRuntime } from './helpers/runtime.js';

const event = (question: string): QuestionEvent => ({ question, answered: true, sources: ['a.txt'], mode: 'extractive', latencyMs: 3, channel: 'api' });
const count = (db: ReturnType<typeof openDatabase>) => (db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;

describe('batched question log', () => {
  it('queues records and writes them, in order, on stats() and flush()', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'vanban-qlog-')), 'q.db'));
    const log = batchedQuestionLog(sqliteQuestionLog(db), { transaction: (write) => db.transaction(write)(), delayMs: 60_000 });
    await log.record(event('một'));
    await log.record(event('hai'));
    expect(count(db)).toBe(0);
    expect((await log.stats()).totals.questions).toBe(2);
    await log.record(event('ba'));
    log.flush();
    expect((db.prepare('SELECT question FROM questions ORDER BY id').all() as Array<{ question: string }>).map((r) => r.question)).toEqual(['một', 'hai', 'ba']);
    db.close();
  });

  it('writes a full queue at once', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'vanban-qlog-')), 'q.db'));
    const log = batchedQuestionLog(sqliteQuestionLog(db), { delayMs: 60_000, maxPending: 3 });
    for (const q of ['a', 'b', 'c', 'd']) await log.record(event(q));
    expect(count(db)).toBe(3);
    log.flush();
    expect(count(db)).toBe(4);
    db.close();
  });

  it('loses nothing when the runtime closes right after answering', async () => {
    const rt = await testRuntime();
    for (const question of ['Phát biểu kết luận hội nghị không quá bao nhiêu phút?', 'Ai ký Kế hoạch 67-KH/ĐU?']) {
      const res = await rt.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
      expect(res.status).toBe(200);
    }
    rt.close();
    const db = openDatabase(databasePath(rt.config.DATA_DIR));
    expect(count(db)).toBe(2);
    db.close();
  }, 60_000);
});
