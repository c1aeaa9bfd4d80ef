/**
 * Who is asking: the address rate limits are keyed by.
 *
 * Forwarding headers are written by whoever sends the request, so they are
 * believed only when TRUST_PROXY names the proxy the connection comes from.
 * Then X-Forwarded-For is read from the right (each proxy appends the address
 * it saw) and the first hop that is not itself a trusted proxy is the client:
 * anything a client writes on the left is ignored. X-Real-IP is read only when
 * a trusted proxy sent no X-Forwarded-For. With TRUST_PROXY off (the default)
 * the socket's address is the client, whatever the headers say.
 */
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/** Named address ranges accepted in TRUST_PROXY besides addresses and CIDRs. */
const RANGES: Record<string, Array<[string, number]>> = {
  loopback: [['127.0.0.0', 8], ['::1', 128]],
  private: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['fc00::', 7]],
};

export interface TrustedProxies {
  has(address: string): boolean;
}

/** An IPv4 address written as IPv6 (`::ffff:1.2.3.4`, as Node reports dual-stack sockets) → `1.2.3.4`. */
export function plainAddress(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

/**
 * TRUST_PROXY="loopback" | "private" | addresses and CIDRs, comma-separated (e.g. "127.0.0.1,10.0.0.0/8").
 * Empty, "false", "off" or "0": no proxy is trusted. Throws on an entry it cannot read.
 */
export function parseTrustProxy(value: string | undefined): TrustedProxies | undefined {
  const entries = (value ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (!entries.length || (entries.length === 1 && ['false', 'off', '0', 'no'].includes(entries[0]!))) return undefined;
  const list = new BlockList();
  const add = (address: string, prefix?: number) => {
    const family = isIP(address);
    if (!family) throw new Error(`TRUST_PROXY: "${address}" is not an IP address, CIDR, "loopback" or "private"`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  };
  for (const entry of entries) {
    if (RANGES[entry]) for (const [address, prefix] of RANGES[entry]) add(address, prefix);
    else if (entry.includes('/')) {
      const [address, prefix] = entry.split('/');
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (isIP(address!) === 6 ? 128 : 32)) throw new Error(`TRUST_PROXY: bad prefix in "${entry}"`);
      add(address!, bits);
    } else add(plainAddress(entry));
  }
  return {
    has(address) {
      const plain = plainAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

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
    return isIP(real) ? real : peer;
  }
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // The right-most untrusted hop was written by a trusted proxy; if that is not an address, nothing further left can be believed.
    if (!trusted.has(hop)) return isIP(hop) ? hop : peer;
  }
  // Every hop is a trusted proxy: the request started inside; the left-most is the origin.
  return isIP(hops[0]!) ? hops[0]! : peer;
}
