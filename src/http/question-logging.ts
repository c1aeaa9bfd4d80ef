/**
 * Logs every answered question (POST /api/ask JSON, POST /api/chat's final
 * `done` event) to the question log, without touching those routes: the reply
 * is read from a clone / as the stream passes through. Logging never fails a request.
 */
import type { MiddlewareHandler } from 'hono';
import type { QuestionEvent, QuestionLog } from '../analytics.js';
import type { Logger } from '../logger.js';
import type { AskResponse } from '../types.js';

/** Replies the /api/ask route hands over directly, so logging need not clone and re-parse the body. */
const replies = new WeakMap<Request, AskResponse>();

/** Called by a JSON route with the reply it is about to send. */
export function noteReply(request: Request, reply: AskResponse): void {
  replies.set(request, reply);
}

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

/**
 * Passes an event stream through unchanged and calls `onDone` with the payload of its
 * `done` event. Unlike a tee, a client that goes away cancels the source (and so the
 * upstream model request) instead of leaving a second reader draining it.
 */
function observeDoneEvent(onDone: (reply: AskResponse | undefined) => void): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let buffer = '';
  let found: AskResponse | undefined;
  const scan = () => {
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const lines = buffer.slice(0, end).split(/\r?\n/);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      if (!lines.some((l) => l.trim() === 'event: done' || l.trim() === 'event:done')) continue;
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
      try {
        found = JSON.parse(data) as AskResponse;
      } catch {
        // not JSON: nothing to log
      }
    }
  };
  return new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(chunk);
      buffer += decoder.decode(chunk, { stream: true });
      scan();
    },
    flush() {
      onDone(found);
    },
  });
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
        await record(replies.get(c.req.raw) ?? ((await c.res.clone().json()) as AskResponse));
      } else if (type.includes('text/event-stream') && c.res.body) {
        const observed = c.res.body.pipeThrough(
          observeDoneEvent((reply) => void record(reply).catch((err) => logger.warn({ err }, 'question log failed'))),
        );
        c.res = new Response(observed, c.res);
      }
    } catch (err) {
      logger.warn({ err, requestId: c.get('requestId' as never) }, 'question log failed');
    }
  };
}

export interface BatchedQuestionLog extends QuestionLog {
  /** Writes what is pending now (call before closing the database). */
  flush(): void;
}

/**
 * Question-log writes off the request path: events are queued and written
 * together shortly after (one transaction per batch when `transaction` is
 * given), so a reply never waits for the database. `stats()` and `flush()`
 * write the queue first; nothing is lost on a normal shutdown that flushes.
 */
export function batchedQuestionLog(
  log: QuestionLog,
  options: { transaction?: (write: () => void) => void; delayMs?: number; maxPending?: number; onError?: (err: unknown) => void } = {},
): BatchedQuestionLog {
  const { transaction = (write) => write(), delayMs = 20, maxPending = 200, onError = () => {} } = options;
  let pending: QuestionEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    const events = pending;
    pending = [];
    try {
      transaction(() => {
        for (const event of events) log.record(event).catch(onError);
      });
    } catch (err) {
      onError(err);
    }
  };
  return {
    async record(event) {
      pending.push(event);
      if (pending.length >= maxPending) flush();
      else timer ??= setTimeout(flush, delayMs);
    },
    async stats(query) {
      flush();
      return log.stats(query);
    },
    flush,
  };
}
