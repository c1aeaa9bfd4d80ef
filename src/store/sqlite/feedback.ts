/** 👍/👎 feedback in SQLite (the FeedbackStore port of src/http/feedback.ts). */
import type { Feedback, FeedbackStore } from '../../http/feedback.js';
import type { Db } from './database.js';

interface Row {
  id: string;
  rating: 'up' | 'down';
  conversation_id: string | null;
  question: string | null;
  answer: string | null;
  comment: string | null;
  sources: string | null;
  created_at: string;
}

export function sqliteFeedback(db: Db): FeedbackStore {
  const insert = db.prepare(
    'INSERT INTO feedback (id, rating, conversation_id, question, answer, comment, sources, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const latest = db.prepare('SELECT * FROM feedback ORDER BY created_at DESC, rowid DESC LIMIT ?');
  return {
    async add(f) {
      insert.run(f.id, f.rating, f.conversationId ?? null, f.question ?? null, f.answer ?? null, f.comment ?? null, f.sources ? JSON.stringify(f.sources) : null, f.createdAt);
    },
    async list(limit = 100) {
      return (latest.all(limit) as Row[]).map((r): Feedback => ({
        id: r.id,
        rating: r.rating,
        createdAt: r.created_at,
        ...(r.conversation_id ? { conversationId: r.conversation_id } : {}),
        ...(r.question ? { question: r.question } : {}),
        ...(r.answer ? { answer: r.answer } : {}),
        ...(r.comment ? { comment: r.comment } : {}),
        ...(r.sources ? { sources: JSON.parse(r.sources) as string[] } : {}),
      }));
    },
  };
}
