/**
 * A local HTTP server that speaks the OpenAI protocol (POST /v1/chat/completions
 * with and without `stream`, POST /v1/embeddings), scripted per test. Not a
 * mocked SDK: the real openai client talks to it over 127.0.0.1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalHashEmbeddings } from '../../src/retrieval/local-embeddings.js';

export type PromptKind = 'answer' | 'condense' | 'translate' | 'other';

export type ChatReply =
  | string
  | { text: string; delayMs?: number; cutAfterChunks?: number }
  | { status: number; retryAfterMs?: number; message?: string }
  | { hang: true };

export interface RecordedRequest {
  path: string;
  body: any;
  kind: PromptKind;
  headers: IncomingMessage['headers'];
  /** Set when the client went away before the response was complete. */
  abandoned?: boolean;
}

export interface FakeOpenAI {
  /** Base URL to configure as OPENAI_BASE_URL (ends in /v1). */
  url: string;
  requests: RecordedRequest[];
  /** What the next chat completions return (called per request; `n` counts chat requests from 0). */
  chat: (request: RecordedRequest, n: number) => ChatReply;
  embeddingDimensions: number;
  close(): Promise<void>;
}

export function promptKind(body: any): PromptKind {
  const system = String(body?.messages?.find((m: any) => m.role === 'system')?.content ?? '');
  if (system.includes('trích đoạn được đánh số')) return 'answer';
  if (system.includes('câu hỏi tiếp nối')) return 'condense';
  if (system.includes('dịch câu hỏi')) return 'translate';
  return 'other';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Splits text into small deltas, as a real model streams. */
function deltas(text: string): string[] {
  return text.match(/[\s\S]{1,7}/g) ?? [];
}

function completion(model: string, text: string) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function chunk(model: string, content: string | undefined, finish: string | null) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: finish }],
  };
}

async function readBody(req: IncomingMessage): Promise<any> {
  let raw = '';
  for await (const part of req) raw += part;
  return raw ? JSON.parse(raw) : undefined;
}

export async function startFakeOpenAI(chat: FakeOpenAI['chat'] = () => 'Xin chào.'): Promise<FakeOpenAI> {
  let chatCount = 0;
  const embedder = new LocalHashEmbeddings({ dimensions: 64 });
  const fake: FakeOpenAI = { url: '', requests: [], chat, embeddingDimensions: 64, close: async () => {} };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const path = req.url ?? '';
    const recorded: RecordedRequest = { path, body, kind: promptKind(body), headers: req.headers };
    fake.requests.push(recorded);
    res.on('close', () => {
      if (!res.writableFinished) recorded.abandoned = true;
    });
    if (req.method === 'POST' && path === '/v1/embeddings') {
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: Array.from(embedder.vector(text)).slice(0, fake.embeddingDimensions) }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
      return;
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    const reply = fake.chat(recorded, chatCount++);
    if (typeof reply === 'object' && 'hang' in reply) return; // never answers
    if (typeof reply === 'object' && 'status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', 'retry-after-ms': String(reply.retryAfterMs ?? 5) });
      res.end(JSON.stringify({ error: { message: reply.message ?? `scripted ${reply.status}`, type: reply.status < 500 ? 'invalid_request_error' : 'server_error' } }));
      return;
    }
    const { text, delayMs, cutAfterChunks } = typeof reply === 'string' ? { text: reply, delayMs: 0, cutAfterChunks: undefined } : reply;
    if (delayMs) await sleep(delayMs);
    if (res.destroyed) return;
    const model = body.model ?? 'fake';
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(completion(model, text)));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(`data: ${JSON.stringify(chunk(model, '', null))}\n\n`);
    const pieces = deltas(text);
    for (let i = 0; i < pieces.length; i++) {
      if (cutAfterChunks !== undefined && i >= cutAfterChunks) {
        res.socket?.destroy();
        return;
      }
      res.write(`data: ${JSON.stringify(chunk(model, pieces[i], null))}\n\n`);
      await sleep(1);
    }
    res.write(`data: ${JSON.stringify(chunk(model, undefined, 'stop'))}\n\n`);
    res.write('data: [DONE]\n\n');
    res.end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** A base URL where nothing listens (a server started and closed again). */
export async function deadEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

export interface SseEvent {
  event: string;
  data: any;
}

/** Parses a text/event-stream body into events. */
export async function readSse(res: Response): Promise<SseEvent[]> {
  const text = await res.text();
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      return { event, data: JSON.parse(data.join('\n')) };
    });
}
