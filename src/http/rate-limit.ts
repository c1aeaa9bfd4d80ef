/**
 * Per-client rate limiting, in memory (one process; many replicas would use a
 * shared store). A token bucket per client IP: `perMinute` requests, refilled
 * continuously, so bursts are allowed up to the bucket size.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

export interface RateLimitOptions {
  perMinute: number;
  /** Buckets kept at most (oldest dropped): bounds memory under a flood of addresses. */
  maxClients?: number;
  now?: () => number;
}

/** The client address: first X-Forwarded-For hop (behind a proxy), else the socket's. */
export function clientIp(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded;
  const real = c.req.header('x-real-ip') ?? c.req.header('cf-connecting-ip');
  if (real) return real.trim();
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one token; returns seconds to wait when none is left, else 0. */
  take(key: string): number {
    const { perMinute } = this.options;
    const rate = perMinute / 60_000;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > (this.options.maxClients ?? 10_000)) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }
}

/** This machine itself (local scripts, benchmarks, in-process calls): never limited. A proxy sets X-Forwarded-For. */
const LOCAL = new Set(['unknown', '127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function rateLimit(limiter: RateLimiter): MiddlewareHandler {
  return async (c, next) => {
    const ip = clientIp(c);
    if (LOCAL.has(ip)) return next();
    const wait = limiter.take(ip);
    if (wait) {
      c.header('Retry-After', String(wait));
      throw new AppError('rate_limited', `Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${wait} giây.`);
    }
    await next();
  };
}
