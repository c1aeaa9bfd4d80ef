/**
 * Guardrails on the public API: a request id on every request (header, logs,
 * error bodies), secure headers, body-size limits, per-client rate limits on
 * the endpoints that cost work, and one error shape for everything.
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { AppError, type ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { RateLimiter, rateLimit, type ClientAddressSource, type Limiter } from './rate-limit.js';

export interface Limits {
  /** Largest JSON body (bytes) on public routes. */
  bodyBytes: number;
  /** Largest document upload (bytes). */
  uploadBytes: number;
  /** Requests per minute per client on /api/ask, /api/chat, /api/feedback, /api/briefing; 0 = off. */
  ratePerMinute: number;
}

export const DEFAULT_LIMITS: Limits = { bodyBytes: 1024 * 1024, uploadBytes: 20 * 1024 * 1024, ratePerMinute: 60 };

/** Routes a single client can make us work hard on. */
export const RATE_LIMITED = ['/api/ask', '/api/chat', '/api/feedback', '/api/briefing'];

const STATUS_CODES: Record<number, ErrorCode> = { 400: 'invalid_request', 401: 'unauthorized', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' };

/** `{ error: { code, message, requestId } }` for any error. */
export function errorResponse(c: Context, err: unknown, logger: Logger): Response {
  const id = c.get('requestId' as never) as string | undefined;
  let error: AppError;
  if (err instanceof AppError) error = err;
  else if (err instanceof HTTPException && err.status < 500) {
    error = new AppError(STATUS_CODES[err.status] ?? 'invalid_request', err.status === 413 ? 'Nội dung gửi lên quá lớn.' : 'Yêu cầu không hợp lệ.', { cause: err });
  } else {
    logger.error({ err, path: c.req.path, requestId: id }, 'unhandled error');
    error = new AppError('internal', 'Đã có lỗi trong hệ thống, vui lòng thử lại sau.');
  }
  if (error.status >= 500 && error.code !== 'internal') logger.warn({ err: error, path: c.req.path, requestId: id }, error.message);
  return c.json(
    { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}), ...(id ? { requestId: id } : {}) } },
    error.status as 400,
  );
}

export interface GuardrailOptions {
  logger: Logger;
  limits: Limits;
  /** Where the buckets live (default: this process); a cluster passes the primary's. */
  limiter?: Limiter;
  /** Who the client is: TRUST_PROXY's proxies (none by default), or the platform's own header. */
  clientAddress?: ClientAddressSource;
}

export function installGuardrails(app: Hono, options: GuardrailOptions): void {
  const { logger, limits } = options;
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      { requestId: c.get('requestId' as never), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  // Cross-origin resource policy must allow the embeddable widget on portals;
  // framing is decided per page (the admin page forbids it).
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin', crossOriginOpenerPolicy: false, xFrameOptions: false }));
  const tooLarge = (max: number) => () => {
    throw new AppError('payload_too_large', `Nội dung gửi lên quá lớn: tối đa ${max >= 1024 * 1024 ? `${Math.floor(max / 1024 / 1024)} MB` : `${Math.floor(max / 1024)} KB`}.`);
  };
  // Uploads: the file limit plus room for the multipart envelope.
  const uploadLimit = bodyLimit({ maxSize: limits.uploadBytes + 64 * 1024, onError: tooLarge(limits.uploadBytes) });
  const json = bodyLimit({ maxSize: limits.bodyBytes, onError: tooLarge(limits.bodyBytes) });
  app.use(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const upload = c.req.path === '/api/documents';
    // A declared length is checked as bodyLimit would, without it wrapping the body in a web stream
    // (on @hono/node-server that materialises a full Request: measurable on every question).
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      const max = upload ? limits.uploadBytes + 64 * 1024 : limits.bodyBytes;
      return Number.parseInt(declared || '0', 10) > max ? tooLarge(upload ? limits.uploadBytes : limits.bodyBytes)() : next();
    }
    return (upload ? uploadLimit : json)(c, next);
  });
  if (limits.ratePerMinute > 0) {
    const limited = rateLimit(options.limiter ?? new RateLimiter({ perMinute: limits.ratePerMinute }), options.clientAddress);
    app.use(async (c, next) => (c.req.method === 'POST' && RATE_LIMITED.includes(c.req.path) ? limited(c, next) : next()));
  }
}
