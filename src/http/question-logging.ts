/**
 * Logs every answered question (POST /api/ask JSON, POST /api/chat's final
 * `done` event) to the question log, without touching those routes: the reply
 * is read from a clone / a tee of the stream. Logging never fails a request.
 */
import type { MiddlewareHandler } from 'hono';
import type { QuestionLog } from '../analytics.js';
import type { Logger } from '../logger.js';
import type { AskResponse } from '../types.js';

function eventFrom(question: string, reply: AskResponse, channel: string) {
  return {
    question,
    answered: reply.answered,
    sources: [...new Set((reply.citations ?? []).map((c) => c.source))],
    mode: reply.mode,
    latencyMs: reply.tookMs,
    conversationId: reply.conversationId,
    channel,
  };
}

/** The payload of the `done` event in a text/event-stream body. */
async function doneEvent(stream: ReadableStream<Uint8Array>): Promise<AskResponse | undefined> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let found: AskResponse | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const lines = block.split(/\r?\n/);
      if (lines.some((l) => l.trim() === 'event: done' || l.trim() === 'event:done')) {
        const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
        try {
          found = JSON.parse(data) as AskResponse;
        } catch {
          // not JSON: nothing to log
        }
      }
    }
  }
  return found;
}

export function questionLogging(log: QuestionLog, logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'POST' || c.res.status !== 200) return;
    const channel = c.req.path.endsWith('/chat') ? 'chat' : 'api';
    const record = async (reply: AskResponse | undefined) => {
      if (!reply || typeof reply.answered !== 'boolean') return;
      const body = (await c.req.json().catch(() => undefined)) as { question?: unknown } | undefined;
      if (typeof body?.question !== 'string') return;
      await log.record(eventFrom(body.question.trim(), reply, channel));
    };
    const type = c.res.headers.get('content-type') ?? '';
    try {
      if (type.includes('application/json')) {
        await record((await c.res.clone().json()) as AskResponse);
      } else if (type.includes('text/event-stream') && c.res.body) {
        const [client, copy] = c.res.body.tee();
        c.res = new Response(client, c.res);
        void doneEvent(copy)
          .then(record)
          .catch((err) => logger.warn({ err }, 'question log failed'));
      }
    } catch (err) {
      logger.warn({ err, requestId: c.get('requestId' as never) }, 'question log failed');
    }
  };
}
