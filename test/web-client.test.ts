/**
 * The browser client's HTTP layer (src/channels/web/client/api.ts) against a
 * local server that speaks the DESIGN §4 protocol: /api/chat as SSE, the
 * /api/ask fallback on 404, error events. Runs in Node (fetch + streams).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '../src/channels/web/client/api.js';
import { findQuote } from '../src/channels/web/client/highlight.js';
import { copyText, formatDate, sourceHref } from '../src/channels/web/client/format.js';
import { strings } from '../src/channels/web/client/i18n.js';
import type { AskResponse, Citation } from '../src/types.js';

const citation: Citation = {
  n: 1, source: 'dien-bien-ke-hoach-22-kh-tu.txt', docId: 'dien-bien-ke-hoach-22-kh-tu', title: 'Kế hoạch số 22-KH/TU – Triển khai', docNumber: '22-KH/TU',
  issuer: 'Ban Thường vụ Tỉnh ủy Điện Biên', date: '2026-01-16', section: 'II.2.3.b', sectionTitle: 'Điều hành', quote: 'kết luận không quá 50 phút', score: 1, ocr: true,
};
const reply: AskResponse = { answered: true, answer: 'Không quá 50 phút [1].', citations: [citation], mode: 'llm', conversationId: 'c-1', tookMs: 5 };

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('ApiClient.ask', { timeout: 30_000 }, () => {
  it('streams citations and tokens from /api/chat and returns the done payload', async () => {
    const seen: string[] = [];
    const base = await start(async (req, res, body) => {
      seen.push(`${req.url} ${JSON.parse(body).question}`);
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      // Split mid-event and mid-character to exercise the framing.
      const stream = `event: citations\ndata: ${JSON.stringify([citation])}\n\n: keep-alive\n\nevent: token\ndata: ${JSON.stringify({ text: 'Không quá ' })}\n\nevent: token\ndata: ${JSON.stringify({ text: '50 phút [1].' })}\n\nevent: done\ndata: ${JSON.stringify(reply)}\n\n`;
      const bytes = Buffer.from(stream);
      for (let i = 0; i < bytes.length; i += 61) {
        res.write(bytes.subarray(i, i + 61));
        await new Promise((r) => setImmediate(r));
      }
      res.end();
    });
    const tokens: string[] = [];
    let cites: Citation[] = [];
    const result = await new ApiClient(base).ask({ question: 'Phát biểu kết luận?' }, { onToken: (t) => tokens.push(t), onCitations: (c) => (cites = c) });
    expect(seen).toEqual(['/api/chat Phát biểu kết luận?']);
    expect(tokens).toEqual(['Không quá ', '50 phút [1].']);
    expect(cites).toEqual([citation]);
    expect(result).toEqual(reply);
  });

  it('falls back to /api/ask when /api/chat answers 404, and remembers it', async () => {
    const seen: string[] = [];
    const base = await start((req, res) => {
      seen.push(req.url!);
      if (req.url === '/api/chat') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ này.' } }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
      }
    });
    const client = new ApiClient(base);
    expect(await client.ask({ question: 'a' })).toEqual(reply);
    expect(await client.ask({ question: 'b' })).toEqual(reply);
    expect(seen).toEqual(['/api/chat', '/api/ask', '/api/ask']);
  });

  it('surfaces the server message of an error event or a 400', async () => {
    const base = await start((req, res) => {
      if (req.url === '/api/chat') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(`event: error\ndata: ${JSON.stringify({ error: { code: 'upstream_error', message: 'Máy chủ mô hình không phản hồi.' } })}\n\n`);
      } else {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'invalid_request', message: 'Câu hỏi không được để trống.' } }));
      }
    });
    const client = new ApiClient(base);
    await expect(client.ask({ question: 'x' })).rejects.toMatchObject({ code: 'upstream_error', message: 'Máy chủ mô hình không phản hồi.' });
    await expect(client.feedback({ rating: 'up' })).rejects.toBeInstanceOf(ApiError);
  });
});

describe('client formatting', () => {
  it('finds a quote despite whitespace differences', () => {
    const text = 'Điều hành:  Phát biểu khai mạc\nkhông quá 10 phút; kết luận không quá 50 phút.';
    const span = findQuote(text, 'Phát biểu khai mạc không quá 10 phút;')!;
    expect(text.slice(span.start, span.end)).toBe('Phát biểu khai mạc\nkhông quá 10 phút;');
    expect(findQuote(text, 'không có trong văn bản')).toBeUndefined();
  });

  it('formats dates, source links and the copied answer', () => {
    expect(formatDate('2026-01-16')).toBe('16/01/2026');
    expect(sourceHref('http://h:1/', citation)).toBe('http://h:1/documents/dien-bien-ke-hoach-22-kh-tu?section=II.2.3.b&quote=k%E1%BA%BFt+lu%E1%BA%ADn+kh%C3%B4ng+qu%C3%A1+50+ph%C3%BAt');
    expect(copyText(reply.answer, reply.citations, strings('vi'))).toBe(
      'Không quá 50 phút [1].\n\nNguồn:\n[1] Kế hoạch số 22-KH/TU – Triển khai — Ban Thường vụ Tỉnh ủy Điện Biên, 16/01/2026; mục II.2.3.b – Điều hành: “kết luận không quá 50 phút”',
    );
  });
});
