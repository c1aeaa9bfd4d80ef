/** The question log and its aggregates in SQLite. */
import { questionKey, type QuestionGroup, type QuestionLog, type Stats } from '../../analytics.js';
import type { Db } from './database.js';

export function sqliteQuestionLog(db: Db): QuestionLog {
  const insert = db.prepare(
    `INSERT INTO questions (question, question_key, answered, top_source, sources, mode, latency_ms, conversation_id, channel, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    async record(e) {
      insert.run(e.question, questionKey(e.question), e.answered ? 1 : 0, e.sources[0] ?? null, JSON.stringify(e.sources), e.mode, e.latencyMs, e.conversationId ?? null, e.channel ?? 'api', new Date().toISOString());
    },
    async stats({ limit = 20, days = 30 } = {}) {
      const totals = db
        .prepare('SELECT COUNT(*) AS questions, COALESCE(SUM(answered), 0) AS answered, AVG(latency_ms) AS avgLatencyMs FROM questions')
        .get() as { questions: number; answered: number; avgLatencyMs: number | null };
      // The most recent spelling stands for its group.
      const groups = (where: string) =>
        db
          .prepare(
            `SELECT (SELECT q2.question FROM questions q2 WHERE q2.question_key = q.question_key ORDER BY q2.id DESC LIMIT 1) AS question,
                    COUNT(*) AS count, SUM(answered) AS answered, MAX(created_at) AS lastAskedAt
             FROM questions q ${where} GROUP BY question_key ORDER BY count DESC, lastAskedAt DESC LIMIT ?`,
          )
          .all(limit) as QuestionGroup[];
      const fb = db.prepare(`SELECT SUM(rating = 'up') AS up, SUM(rating = 'down') AS down FROM feedback`).get() as { up: number | null; down: number | null };
      const up = fb.up ?? 0;
      const down = fb.down ?? 0;
      const hits = db
        .prepare(
          `SELECT j.value AS source, COUNT(*) AS hits, SUM(j.key = 0) AS top
           FROM questions, json_each(questions.sources) AS j GROUP BY j.value ORDER BY hits DESC`,
        )
        .all() as Stats['documentHits'];
      const since = new Date(Date.now() - days * 86_400_000).toISOString();
      const perDay = db
        .prepare(
          `SELECT substr(created_at, 1, 10) AS date, COUNT(*) AS questions, SUM(answered = 0) AS unanswered
           FROM questions WHERE created_at >= ? GROUP BY date ORDER BY date`,
        )
        .all(since) as Stats['perDay'];
      const modes = Object.fromEntries(
        (db.prepare('SELECT mode, COUNT(*) AS n FROM questions GROUP BY mode').all() as Array<{ mode: string; n: number }>).map((r) => [r.mode, r.n]),
      );
      return {
        totals: {
          questions: totals.questions,
          answered: totals.answered,
          unanswered: totals.questions - totals.answered,
          answeredRate: totals.questions ? totals.answered / totals.questions : null,
          avgLatencyMs: totals.avgLatencyMs === null ? null : Math.round(totals.avgLatencyMs * 10) / 10,
        },
        mostAsked: groups(''),
        unanswered: groups('WHERE answered = 0'),
        feedback: { up, down, total: up + down, ratio: up + down ? up / (up + down) : null },
        documentHits: hits,
        perDay,
        modes,
      };
    },
  };
}
