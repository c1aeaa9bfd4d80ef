/**
 * Per-client rate limiting: a token bucket per client address, `perMinute`
 * requests refilled continuously, so bursts are allowed up to the bucket size.
 * The buckets live in one place: this process, or the cluster primary (one
 * limiter for all workers, see cluster/), so a client gets the limit once.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import { clientAddress, looksForwarded, socketAddress, type TrustedProxies } from './client-address.js';

export interface RateLimitOptions {
  perMinute: number;
  /** Buckets kept at most (oldest dropped): bounds memory under a flood of addresses. */
  maxClients?: number;
  now?: () => number;
}

/** Takes one token for a client; answers the seconds to wait when none is left, else 0. */
export interface Limiter {
  take(key: string): number | Promise<number>;
}

export class RateLimiter implements Limiter {
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

/** This machine itself (local scripts, benchmarks, in-process calls): never limited. */
const LOCAL = new Set(['unknown', '127.0.0.1', '::1']);

/**
 * Where the client address comes from: the socket, or TRUST_PROXY's proxies (Node); a platform that sets it
 * itself (Workers: CF-Connecting-IP, written by Cloudflare's edge) passes `addressOf`.
 */
export interface ClientAddressSource {
  trusted?: TrustedProxies;
  addressOf?: (c: Context) => string;
}

export function rateLimit(limiter: Limiter, source: ClientAddressSource = {}): MiddlewareHandler {
  return async (c, next) => {
    const ip = source.addressOf?.(c) ?? clientAddress(c, source.trusted);
    // A local peer that carries forwarding headers without being a trusted proxy is a proxy nobody declared (or a
    // forger): its clients share its address and its limit, rather than going unlimited.
    const forwardedByStranger = looksForwarded(c) && !source.trusted?.has(socketAddress(c) ?? 'unknown');
    if (LOCAL.has(ip) && (source.addressOf || !forwardedByStranger)) return next();
    const wait = await limiter.take(ip);
    if (wait) {
      c.header('Retry-After', String(wait));
      throw new AppError('rate_limited', `Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${wait} giây.`);
    }
    await next();
  };
}
