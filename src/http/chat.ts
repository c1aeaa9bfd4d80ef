/**
 * POST /api/chat: the /api/ask answer as server-sent events —
 * `citations` (candidate excerpts, numbered as the tokens cite them), `token`
 * deltas (verified text only), then `done` with the final /api/ask payload
 * (renumbered to the citations actually used; authoritative), or `error`.
 * A client that disconnects aborts the upstream model request.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Assistant } from '../answer/assistant.js';
import { AppError } from '../errors.js';
import { askRequestSchema, boundQuestion, jsonBody } from './validation.js';

export function chatRoutes(assistant: Assistant, onError?: (err: unknown) => void): Hono {
  const app = new Hono();
  app.post('/chat', async (c) => {
    // Validation errors are plain 400 JSON, before the stream starts.
    const body = await jsonBody(c, askRequestSchema);
    const request = { ...body, question: boundQuestion(body.question) };
    return streamSSE(c, async (stream) => {
      const controller = new AbortController();
      stream.onAbort(() => controller.abort());
      c.req.raw.signal?.addEventListener('abort', () => controller.abort(), { once: true });
      const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
      try {
        const reply = await assistant.stream(
          request,
          { citations: (citations) => send('citations', { citations }), token: (text) => send('token', { text }) },
          { signal: controller.signal },
        );
        await send('done', reply);
      } catch (err) {
        if (controller.signal.aborted) return;
        onError?.(err);
        const error = err instanceof AppError
          ? { code: err.code, message: err.message }
          : { code: 'internal', message: 'Đã có lỗi trong hệ thống, vui lòng thử lại sau.' };
        await send('error', { error });
      }
    });
  });
  return app;
}
