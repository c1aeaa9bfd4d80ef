/**
 * Request validation: malformed JSON and schema violations become AppErrors
 * with a Vietnamese message and a stable code.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';

export const historyTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(8000),
});

/** Words of a question that drive the work; past this a "question" is pasted text, and retrieval cost grows with every word. */
export const MAX_QUESTION_WORDS = 100;

/** The question cut after its first `maxWords` words (letters or digits), so a long one costs what a normal one does. */
export function boundQuestion(question: string, maxWords = MAX_QUESTION_WORDS): string {
  let count = 0;
  for (const word of question.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    if (++count > maxWords) return question.slice(0, word.index).trimEnd();
  }
  return question;
}

export const askRequestSchema = z.object({
  question: z
    .string({ error: 'Thiếu câu hỏi (trường "question").' })
    .trim()
    .min(1, 'Câu hỏi không được để trống.')
    .max(2000, 'Câu hỏi quá dài: tối đa 2.000 ký tự.'),
  history: z.array(historyTurnSchema).max(50, 'Lịch sử hội thoại quá dài: tối đa 50 lượt.').optional(),
  conversationId: z.string().min(1).max(100).optional(),
  filters: z.object({ sources: z.array(z.string().max(300)).max(100).optional() }).optional(),
  lang: z.enum(['vi', 'en'], { error: 'Trường "lang" phải là "vi" hoặc "en".' }).optional(),
  /** Return a trace of how the answer was chosen (the Question, candidates with features and scores, the decision). */
  debug: z.boolean().optional(),
});

/** Vietnamese for zod's default messages (schemas' own messages take precedence). */
function vietnameseIssue(issue: { code?: string; path?: PropertyKey[]; maximum?: unknown; minimum?: unknown; origin?: unknown }): string {
  const field = `Trường "${issue.path?.length ? issue.path.join('.') : 'body'}"`;
  const unit = issue.origin === 'string' ? ' ký tự' : issue.origin === 'array' ? ' phần tử' : '';
  if (issue.code === 'too_big') return `${field} quá dài: tối đa ${String(issue.maximum)}${unit}.`;
  if (issue.code === 'too_small') return `${field} quá ngắn: tối thiểu ${String(issue.minimum)}${unit}.`;
  return `${field} không hợp lệ.`;
}

/** `application/json`, or a `+json` type, with any parameters (charset). */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * Parses and validates a JSON body. The body must be declared JSON: a browser sends text/plain or a form
 * to any site without asking (no CORS preflight), but never application/json.
 */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new AppError('unsupported_media_type', 'Nội dung phải là JSON: gửi kèm tiêu đề "Content-Type: application/json".');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('invalid_json', 'Nội dung yêu cầu không phải JSON hợp lệ.');
  }
  const parsed = schema.safeParse(body, { error: vietnameseIssue });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = issue.message.startsWith('Invalid') || issue.message.startsWith('Expected')
      ? `Trường "${issue.path.join('.') || 'body'}" không hợp lệ.`
      : issue.message;
    throw new AppError('invalid_request', message, { details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}
