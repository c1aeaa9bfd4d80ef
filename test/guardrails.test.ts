/**
 * Guardrails on the public API: body limits, malformed input, rate limiting,
 * request ids, secure headers, one error shape, never a 500 for bad input;
 * plus /openapi.json, /docs, /metrics and the /admin page.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../src/http/rate-limit.js';
import { type AdminRuntime, adminRuntime, bearer, call } from './helpers/admin.js';

// Real index builds on a shared 2-core machine: generous time, no timing asserts.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let rt: AdminRuntime;
let ip = 0;
/** Each test its own client address, so the rate limit of one never hits another. */
const client = () => ({ 'x-forwarded-for': `203.0.113.${++ip}` });
beforeAll(async () => {
  rt = await adminRuntime({ RATE_LIMIT_PER_MINUTE: 5, TRUST_PROXY: 'loopback' });
  // Every request arrives as if through a proxy on this machine, which TRUST_PROXY trusts: X-Forwarded-For names the client.
  const request = rt.app.request.bind(rt.app);
  rt.app.request = ((input: string, init?: RequestInit) => request(input, init, { incoming: { socket: { remoteAddress: '127.0.0.1' } } })) as typeof rt.app.request;
});
afterAll(() => rt?.close());

const VIETNAMESE = /[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩị]/;

describe('errors', () => {
  it('malformed JSON → 400 invalid_json with the request id in header and body', async () => {
    const res = await call(rt, '/api/ask', { method: 'POST', headers: { ...client(), 'content-type': 'application/json' }, body: '{"question": "abc",' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(res.body.error.message).toMatch(VIETNAMESE);
    expect(res.body.error.requestId).toBeTruthy();
    expect(res.headers.get('x-request-id')).toBe(res.body.error.requestId);
  });

  it('an unknown route → 404 in the same shape', async () => {
    const res = await call(rt, '/api/khong-co');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('a question over 2,000 characters → 400', async () => {
    const res = await call(rt, '/api/ask', { method: 'POST', headers: client(), json: { question: 'hỏi '.repeat(600) } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('2.000');
  });

  it('a body over the limit → 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ question: 'abc', history: Array.from({ length: 300 }, () => ({ role: 'user', content: 'x'.repeat(7000) })) });
    const res = await call(rt, '/api/ask', { method: 'POST', headers: { ...client(), 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'payload_too_large' });
    expect(res.body.error.message).toMatch(/quá lớn/);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const chunked = await rt.app.request('/api/feedback', { method: 'POST', headers: { ...client(), 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.code).toBe('payload_too_large');
  });

  const BAD_BODIES: Array<[string, string | undefined]> = [
    ['empty', ''],
    ['null', 'null'],
    ['array', '[]'],
    ['string', '"hỏi"'],
    ['number question', '{"question": 123}'],
    ['null question', '{"question": null}'],
    ['object question', '{"question": {"$gt": ""}}'],
    ['whitespace question', '{"question": "   \\n  "}'],
    ['bad history', '{"question": "abc", "history": "x"}'],
    ['bad history turn', '{"question": "abc", "history": [null]}'],
    ['bad filters', '{"question": "abc", "filters": {"sources": "x"}}'],
    ['bad conversationId', '{"question": "abc", "conversationId": 5}'],
    ['long conversationId', `{"question": "abc", "conversationId": "${'x'.repeat(200)}"}`],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['invalid UTF-8 escape', '{"question": "\\ud800"}'],
    ['trailing garbage', '{"question": "abc"} xyz'],
    ['no body', undefined],
  ];
  for (const [path, auth] of [['/api/ask', {}], ['/api/feedback', {}], ['/api/documents', bearer()], ['/api/reindex', {}]] as const) {
    it.each(BAD_BODIES)(`${path}: %s → 4xx in the error shape, never 500`, async (_label, body) => {
      const res = await call(rt, path, { method: 'POST', headers: { ...client(), ...auth, 'content-type': 'application/json' }, body });
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).not.toBeGreaterThanOrEqual(500);
      if (res.status >= 400) {
        expect(Object.keys(res.body)).toEqual(['error']);
        expect(typeof res.body.error.code).toBe('string');
        expect(res.body.error.message).toMatch(VIETNAMESE);
      }
    });
  }
  it('wrong content types and methods are 4xx too', async () => {
    for (const [method, path, type] of [['POST', '/api/ask', 'text/plain'], ['POST', '/api/ask', 'multipart/form-data; boundary=x'], ['PUT', '/api/ask', 'application/json'], ['GET', '/api/ask', '']] as const) {
      const res = await call(rt, path, { method, headers: { ...client(), ...(type ? { 'content-type': type } : {}) }, body: method === 'GET' ? undefined : 'question=abc' });
      expect(res.status, `${method} ${path} ${type}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.message).toMatch(VIETNAMESE);
    }
  });
});

describe('rate limiting', () => {
  it('allows the budget per client, then 429 with Retry-After; other clients are unaffected', async () => {
    const me = client();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(rt, '/api/feedback', { method: 'POST', headers: me, json: { rating: 'up' } })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    const limited = await call(rt, '/api/ask', { method: 'POST', headers: me, json: { question: 'Phát biểu kết luận không quá bao nhiêu phút?' } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.message).toMatch(/quá nhiều yêu cầu/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.error.requestId).toBeTruthy();
    const other = await call(rt, '/api/ask', { method: 'POST', headers: client(), json: { question: 'Phát biểu kết luận không quá bao nhiêu phút?' } });
    expect(other.status).toBe(200);
    // Local callers (scripts, benchmarks; no proxy header) are not limited.
    for (let i = 0; i < 6; i++) expect((await call(rt, '/api/feedback', { method: 'POST', json: { rating: 'up' } })).status).toBe(201);
    // Reading is not limited.
    expect((await call(rt, '/api/documents', { headers: me })).status).toBe(200);
  });

  it('limits by the socket address over real HTTP', async () => {
    const { serve } = await import('@hono/node-server');
    const limited = await adminRuntime({ DATA_DIR: rt.config.DATA_DIR, RATE_LIMIT_PER_MINUTE: 2 });
    // Pretend the socket is remote: the node-server passes it as c.env.incoming.
    const server = serve({ fetch: (req, env) => limited.app.fetch(req, { ...((env as object) ?? {}), incoming: { socket: { remoteAddress: '198.51.100.7' } } } as never), port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/feedback`;
      const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"rating":"up"}' });
      expect([(await post()).status, (await post()).status]).toEqual([201, 201]);
      const third = await post();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      limited.close();
    }
  });

  it('the bucket refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 2, now: () => now });
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 0]);
    expect(limiter.take('a')).toBe(30);
    now += 30_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('b')).toBe(0);
  });

  it('keeps a bounded number of clients', () => {
    const limiter = new RateLimiter({ perMinute: 1, maxClients: 3 });
    for (const k of ['a', 'b', 'c', 'd']) limiter.take(k);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('d')).toBeGreaterThan(0);
  });
});

describe('headers', () => {
  it('sets secure headers and a request id; keeps the widget loadable cross-origin', async () => {
    const res = await rt.app.request('/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toContain('max-age');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('/openapi.json, /docs, /metrics, /admin', () => {
  it('describes every route from the zod schemas', async () => {
    const { status, body } = await call(rt, '/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const path of ['/api/ask', '/api/chat', '/api/documents', '/api/documents/{id}', '/api/feedback', '/api/reindex', '/api/stats', '/health', '/metrics']) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    const ask = body.paths['/api/ask'].post.requestBody.content['application/json'].schema;
    expect(ask.properties.question).toMatchObject({ type: 'string', maxLength: 2000 });
    expect(ask.required).toEqual(['question']);
    expect(body.paths['/api/feedback'].post.requestBody.content['application/json'].schema.properties.rating.enum).toEqual(['up', 'down']);
    expect(body.paths['/api/documents'].post.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(body.paths['/api/documents'].post.requestBody.content)).toEqual(['multipart/form-data', 'application/json']);
  });

  it('serves the Swagger UI at /docs pointing at /openapi.json', async () => {
    const res = await rt.app.request('/docs');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/openapi.json');
  });

  it('exposes Prometheus metrics: requests by route/status, ask latency, index size', async () => {
    await call(rt, '/api/ask', { method: 'POST', headers: client(), json: { question: 'Phát biểu kết luận không quá bao nhiêu phút?' } });
    await call(rt, '/api/documents/khong-co');
    const res = await rt.app.request('/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^vanban_http_requests_total\{method="POST",route="\/api\/ask",status="200"\} \d+$/m);
    expect(text).toMatch(/^vanban_http_requests_total\{method="GET",route="\/api\/documents\/:id",status="404"\} 1$/m);
    expect(text).toMatch(/^vanban_ask_duration_seconds_bucket\{route="\/api\/ask",le="\+Inf"\} \d+$/m);
    expect(text).toMatch(/^vanban_ask_duration_seconds_count\{route="\/api\/ask"\} \d+$/m);
    expect(text).toMatch(/^vanban_index_documents 5$/m);
    expect(text).toMatch(/^vanban_index_chunks [1-9]\d*$/m);
    // Every sample line is name{labels} value.
    for (const line of text.trim().split('\n').filter((l) => !l.startsWith('#'))) expect(line).toMatch(/^[a-z_]+(\{[^}]*\})? [-+0-9.eInf]+$/);
  });

  it('serves the admin page: Vietnamese, asks for the token, strict CSP with a nonce, no innerHTML', async () => {
    const res = await rt.app.request('/admin');
    expect(res.status).toBe(200);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(html).toContain('lang="vi"');
    expect(html).toContain('Mã quản trị');
    expect(html).toContain('/api/stats');
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
