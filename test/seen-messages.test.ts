/** Seen Zalo deliveries in SQLite: one winner across connections, a window for content keys, pruning. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { contentKey } from '../src/channels/zalo/seen.js';
import { openDatabase } from '../src/store/sqlite/database.js';
import { sqliteSeenMessages } from '../src/store/sqlite/seen-messages.js';

it('two processes (two connections to one file) never both see the same id as new', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'vanban-seen-')), 'vanban.db');
  const [a, b] = [sqliteSeenMessages(openDatabase(path)), sqliteSeenMessages(openDatabase(path))];
  const firsts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).firstTime('oa:msg-1')));
  expect(firsts.filter(Boolean)).toHaveLength(1);
});

it('a content key is new again after its window; old rows are pruned', async () => {
  let now = 1_000_000;
  const db = openDatabase(':memory:');
  const seen = sqliteSeenMessages(db, { now: () => now, pruneEvery: 1 });
  const key = await contentKey('bot-content', 'chat-1', 'message.text.received', 'xin chào');
  expect(key).toBe(await contentKey('bot-content', 'chat-1', 'message.text.received', 'xin chào'));
  expect(key).not.toBe(await contentKey('bot-content', 'chat-2', 'message.text.received', 'xin chào'));
  expect([await seen.firstTime(key, 60_000), await seen.firstTime(key, 60_000)]).toEqual([true, false]);
  now += 61_000;
  expect(await seen.firstTime(key, 60_000)).toBe(true);
  now += 2 * 24 * 60 * 60 * 1000;
  await seen.firstTime('bot:other');
  expect((db.prepare('SELECT COUNT(*) AS n FROM seen_messages').get() as { n: number }).n).toBe(1);
});
