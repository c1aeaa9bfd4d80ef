/**
 * Conversation turns and feedback in SQL (D1 on Workers): the Worker has no
 * memory that outlives a request reliably, so both live in the database.
 */
import type { ConversationStore } from '../answer/assistant.js';
import type { Feedback, FeedbackStore } from '../http/feedback.js';
import type { HistoryTurn } from '../types.js';
import type { SqlDatabase } from './sql.js';

export function sqlConversations(db: SqlDatabase, maxTurns = 12): ConversationStore {
  return {
    async history(id) {
      const rows = await db.all<{ role: HistoryTurn['role']; content: string }>(
        'SELECT role, content FROM (SELECT seq, role, content FROM conversation_turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq',
        [id, maxTurns],
      );
      return rows.map(({ role, content }) => ({ role, content }));
    },
    async append(id, turns) {
      if (!turns.length) return;
      const [last] = await db.all<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM conversation_turns WHERE conversation_id = ?', [id]);
      const start = (last?.seq ?? -1) + 1;
      const now = new Date().toISOString();
      const values = turns.map(() => '(?, ?, ?, ?, ?)').join(', ');
      await db.run(
        `INSERT INTO conversation_turns (conversation_id, seq, role, content, created_at) VALUES ${values}`,
        turns.flatMap((t, i) => [id, start + i, t.role, t.content, now]),
      );
      // Older turns are never read again.
      await db.run('DELETE FROM conversation_turns WHERE conversation_id = ? AND seq < ?', [id, start + turns.length - maxTurns]);
    },
  };
}

export function sqlFeedback(db: SqlDatabase): FeedbackStore {
  return {
    async add(feedback) {
      await db.run('INSERT INTO feedback (id, created_at, json) VALUES (?, ?, ?)', [feedback.id, feedback.createdAt, JSON.stringify(feedback)]);
    },
    async list(limit = 100) {
      const rows = await db.all<{ json: string }>('SELECT json FROM feedback ORDER BY created_at DESC, rowid DESC LIMIT ?', [limit]);
      return rows.map((r) => JSON.parse(r.json) as Feedback);
    },
  };
}
