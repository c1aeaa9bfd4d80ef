/**
 * Question-log writes leave the request path in batches: nothing is lost —
 * stats() and flush() write the queue first (closing the runtime flushes:
 * test/http-node-server.test.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuestionEvent } from '../src/analytics.js';
import { batchedQuestionLog } from '../src/http/question-logging.js';
import { openDatabase } from '../src/store/sqlite/database.js';
import { sqliteQuestionLog } from '../src/store/sqlite/question-log.js';

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
});
