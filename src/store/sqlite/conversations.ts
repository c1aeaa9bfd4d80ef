/** Conversation turns in SQLite: `conversationId` carries follow-ups across requests and restarts. */
import type { ConversationStore } from '../../answer/assistant.js';
import type { HistoryTurn } from '../../types.js';
import type { Db } from './database.js';

export function sqliteConversations(db: Db, maxTurns = 12): ConversationStore {
  const recent = db.prepare(
    'SELECT role, content FROM (SELECT id, role, content FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
  );
  const upsert = db.prepare(
    'INSERT INTO conversations (id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at',
  );
  const insert = db.prepare('INSERT INTO messages (conversation_id, role, content, created_at) VALUES (?, ?, ?, ?)');
  const append = db.transaction((id: string, turns: HistoryTurn[]) => {
    const now = new Date().toISOString();
    upsert.run(id, now, now);
    for (const turn of turns) insert.run(id, turn.role, turn.content, now);
  });
  return {
    async history(id) {
      return recent.all(id, maxTurns) as HistoryTurn[];
    },
    async append(id, turns) {
      append(id, turns);
    },
  };
}
