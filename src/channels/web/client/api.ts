/**
 * HTTP client for the chat surfaces. Streams from POST /api/chat (SSE: citations,
 * token, done, error) and falls back to POST /api/ask where /api/chat is absent.
 */
import type { AskResponse, Citation, HistoryTurn } from '../../../types.js';

export interface AskPayload {
  question: string;
  /** The UI's language: the answer's own words come back in it. */
  lang?: 'vi' | 'en';
  history?: HistoryTurn[];
  conversationId?: string;
}

export interface StreamHandlers {
  onCitations?: (citations: Citation[]) => void;
  onToken?: (text: string) => void;
}

export interface FeedbackPayload {
  rating: 'up' | 'down';
  conversationId?: string;
  question?: string;
  answer?: string;
  sources?: string[];
}

export class ApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export class ApiClient {
  /** Forgotten after the first 404 so later questions go straight to /api/ask. */
  private chatAvailable = true;

  constructor(readonly base: string) {}

  url(path: string): string {
    return this.base.replace(/\/+$/, '') + path;
  }

  async ask(payload: AskPayload, handlers: StreamHandlers = {}, signal?: AbortSignal): Promise<AskResponse> {
    if (this.chatAvailable) {
      let res: Response | undefined;
      try {
        res = await fetch(this.url('/api/chat'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify(payload),
          signal,
        });
      } catch (err) {
        if (signal?.aborted) throw err;
        // Network/CORS failure on the streaming route: try the plain one once.
        this.chatAvailable = false;
      }
      if (res) {
        if (res.status === 404 || res.status === 405) {
          this.chatAvailable = false;
        } else if (!res.ok) {
          throw await errorFrom(res);
        } else if ((res.headers.get('content-type') ?? '').includes('text/event-stream') && res.body) {
          return readStream(res.body, handlers);
        } else {
          return (await res.json()) as AskResponse;
        }
      }
    }
    let res: Response;
    try {
      res = await fetch(this.url('/api/ask'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw await this.unreachable(err);
    }
    if (!res.ok) throw await errorFrom(res);
    return (await res.json()) as AskResponse;
  }

  /**
   * Why a request failed before any response: a server that answers a no-cors request is up, so the
   * browser refused the API's answer to this page's origin (CORS_ORIGINS); otherwise it is unreachable.
   */
  private async unreachable(err: unknown): Promise<unknown> {
    if (typeof location === 'undefined') return err;
    const target = new URL(this.url('/health'), location.href);
    if (target.origin === location.origin) return err;
    try {
      await fetch(target, { mode: 'no-cors' });
      return new ApiError('origin_not_allowed', '');
    } catch {
      return err;
    }
  }

  async feedback(payload: FeedbackPayload): Promise<void> {
    const res = await fetch(this.url('/api/feedback'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    if (!res.ok) throw await errorFrom(res);
  }
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiError(body.error.code ?? 'error', body.error.message);
  } catch {
    // not JSON
  }
  return new ApiError(`http_${res.status}`, '');
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Splits an SSE byte stream into events (WHATWG event-stream framing). */
export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let match: RegExpExecArray | null;
    while ((match = /\r?\n\r?\n/.exec(buffer))) {
      const block = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      const parsed = parseBlock(block);
      if (parsed) yield parsed;
    }
    if (done) {
      const parsed = parseBlock(buffer);
      if (parsed) yield parsed;
      return;
    }
  }
}

function parseBlock(block: string): SseEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length || event !== 'message' ? { event, data: data.join('\n') } : undefined;
}

function json(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** Token payloads may be a bare string or an object carrying the text. */
function tokenText(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  if (payload && typeof payload === 'object') {
    const p = payload as Record<string, unknown>;
    for (const key of ['text', 'token', 'delta', 'content']) if (typeof p[key] === 'string') return p[key] as string;
  }
  return '';
}

async function readStream(body: ReadableStream<Uint8Array>, handlers: StreamHandlers): Promise<AskResponse> {
  for await (const { event, data } of sseEvents(body)) {
    const payload = json(data);
    if (event === 'citations') {
      const list = Array.isArray(payload) ? payload : (payload as { citations?: unknown })?.citations;
      if (Array.isArray(list)) handlers.onCitations?.(list as Citation[]);
    } else if (event === 'token') {
      const text = tokenText(payload);
      if (text) handlers.onToken?.(text);
    } else if (event === 'done') {
      return payload as AskResponse;
    } else if (event === 'error') {
      const p = payload as { code?: string; message?: string; error?: { code?: string; message?: string } };
      const err = p?.error ?? p;
      throw new ApiError(err?.code ?? 'error', typeof err?.message === 'string' ? err.message : '');
    }
  }
  throw new ApiError('stream_ended', '');
}
