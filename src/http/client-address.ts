/**
 * Who is asking: the address rate limits are keyed by.
 *
 * Forwarding headers are written by whoever sends the request, so they are
 * believed only when TRUST_PROXY names the proxy the connection comes from.
 * Then X-Forwarded-For is read from the right (each proxy appends the address
 * it saw) and the first hop that is not itself a trusted proxy is the client:
 * anything a client writes on the left is ignored. X-Real-IP is read only when
 * a trusted proxy sent no X-Forwarded-For. With TRUST_PROXY off (the default)
 * the socket's address is the client, whatever the headers say. Runtime-neutral;
 * TRUST_PROXY is parsed on Node (trusted-proxies.ts).
 */
import type { Context } from 'hono';

export interface TrustedProxies {
  has(address: string): boolean;
}

/** An IPv4 address written as IPv6 (`::ffff:1.2.3.4`, as Node reports dual-stack sockets) → `1.2.3.4`. */
export function plainAddress(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

/** Shaped like an IPv4 or IPv6 address (a hop that is not is garbage, never a client). */
export const isAddress = (text: string) => /^\d{1,3}(?:\.\d{1,3}){3}$/.test(text) || /^[0-9a-f]*:[0-9a-f:.]*$/i.test(text);

/** The socket's peer address, or undefined (in-process requests through app.request()). */
export function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  return address ? plainAddress(address) : undefined;
}

/** Whether the request says it was forwarded (a proxy sets one of these). */
export function looksForwarded(c: Context): boolean {
  return Boolean(c.req.header('x-forwarded-for') ?? c.req.header('x-real-ip') ?? c.req.header('forwarded') ?? c.req.header('cf-connecting-ip'));
}

/** The client's address as far as it can be trusted; 'unknown' when there is no socket. */
export function clientAddress(c: Context, trusted: TrustedProxies | undefined): string {
  const peer = socketAddress(c) ?? 'unknown';
  if (!trusted || !trusted.has(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => plainAddress(h)).filter(Boolean);
  if (!hops.length) {
    const real = plainAddress(c.req.header('x-real-ip') ?? '');
    return isAddress(real) ? real : peer;
  }
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // The right-most untrusted hop was written by a trusted proxy; if that is not an address, nothing further left can be believed.
    if (!trusted.has(hop)) return isAddress(hop) ? hop : peer;
  }
  // Every hop is a trusted proxy: the request started inside; the left-most is the origin.
  return isAddress(hops[0]!) ? hops[0]! : peer;
}
