/**
 * Seen webhook deliveries in SQLite: one row per key, inserted or refreshed in
 * a single statement, so two processes receiving the same delivery at the
 * same moment cannot both see it as new. Rows past the longest window are
 * pruned as deliveries come in.
 */
import { SEEN_ID_WINDOW_MS, type SeenMessages } from '../../channels/zalo/seen.js';
import type { Db } from './database.js';

export function sqliteSeenMessages(db: Db, options: { now?: () => number; pruneEvery?: number } = {}): SeenMessages {
  const now = options.now ?? Date.now;
  // A row older than the window is a new delivery: it is taken over (counted as a change), else ignored.
  const record = db.prepare(
    'INSERT INTO seen_messages (key, seen_at) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_messages.seen_at < ?',
  );
  const prune = db.prepare('DELETE FROM seen_messages WHERE seen_at < ?');
  let inserts = 0;
  return {
    async firstTime(key, windowMs = SEEN_ID_WINDOW_MS) {
      const at = now();
      const first = record.run(key, at, at - windowMs).changes === 1;
      if (first && ++inserts % (options.pruneEvery ?? 256) === 0) prune.run(at - SEEN_ID_WINDOW_MS);
      return first;
    },
  };
}
