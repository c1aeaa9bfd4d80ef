/**
 * 👍/👎 on an answer. The store is a port: memory by default, SQLite on a server.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { jsonBody } from './validation.js';

export const feedbackSchema = z.object({
  rating: z.enum(['up', 'down'], { error: 'Đánh giá phải là "up" (hữu ích) hoặc "down" (chưa đúng).' }),
  conversationId: z.string().max(100).optional(),
  question: z.string().max(2000).optional(),
  answer: z.string().max(20000).optional(),
  comment: z.string().max(2000, 'Góp ý quá dài: tối đa 2.000 ký tự.').optional(),
  sources: z.array(z.string().max(300)).max(20).optional(),
});

export type Feedback = z.infer<typeof feedbackSchema> & { id: string; createdAt: string };

export interface FeedbackStore {
  add(feedback: Feedback): Promise<void>;
  list(limit?: number): Promise<Feedback[]>;
}

export function memoryFeedback(): FeedbackStore {
  const items: Feedback[] = [];
  return {
    async add(feedback) {
      items.push(feedback);
    },
    async list(limit = 100) {
      return items.slice(-limit).reverse();
    },
  };
}

export function feedbackRoutes(store: FeedbackStore): Hono {
  const app = new Hono();
  app.post('/feedback', async (c) => {
    const body = await jsonBody(c, feedbackSchema);
    const feedback: Feedback = { ...body, id: crypto.randomUUID(), createdAt: new Date().toISOString() };
    await store.add(feedback);
    return c.json({ ok: true, id: feedback.id }, 201);
  });
  return app;
}
