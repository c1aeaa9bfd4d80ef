/** Who the client is: forwarding headers believed only from TRUST_PROXY, read from the right. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, type TrustedProxies } from '../src/http/client-address.js';
import { parseTrustProxy } from '../src/http/trusted-proxies.js';
import { boundQuestion } from '../src/http/validation.js';

async function addressOf(peer: string | undefined, headers: Record<string, string>, trusted: TrustedProxies | undefined): Promise<string> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, trusted)));
  const res = await app.request('/', { headers }, peer ? { incoming: { socket: { remoteAddress: peer } } } : {});
  return res.text();
}

describe('TRUST_PROXY off (the default)', () => {
  it.each([
    [{ 'x-forwarded-for': '198.51.100.1' }],
    [{ 'x-real-ip': '127.0.0.1' }],
    [{ 'x-forwarded-for': 'unknown' }],
    [{ 'cf-connecting-ip': '198.51.100.2', forwarded: 'for=198.51.100.3' }],
  ])('the socket is the client whatever the headers say: %o', async (headers) => {
    expect(await addressOf('203.0.113.9', headers, undefined)).toBe('203.0.113.9');
    expect(await addressOf('::ffff:203.0.113.9', headers, parseTrustProxy('off'))).toBe('203.0.113.9');
  });
});

describe('TRUST_PROXY on', () => {
  const nginx = parseTrustProxy('loopback');
  const twoHops = parseTrustProxy('127.0.0.1, 10.0.0.0/8');

  it('the right-most hop that is not a trusted proxy is the client; what a client writes on the left is ignored', async () => {
    expect(await addressOf('127.0.0.1', { 'x-forwarded-for': '198.51.100.7' }, nginx)).toBe('198.51.100.7');
    expect(await addressOf('127.0.0.1', { 'x-forwarded-for': '127.0.0.1, 6.6.6.6, 198.51.100.7' }, nginx)).toBe('198.51.100.7');
    expect(await addressOf('127.0.0.1', { 'x-forwarded-for': '198.51.100.7, 10.1.2.3' }, twoHops)).toBe('198.51.100.7');
  });

  it('X-Real-IP only without X-Forwarded-For; garbage falls back to the proxy', async () => {
    expect(await addressOf('127.0.0.1', { 'x-real-ip': '198.51.100.8' }, nginx)).toBe('198.51.100.8');
    expect(await addressOf('127.0.0.1', { 'x-real-ip': 'unknown' }, nginx)).toBe('127.0.0.1');
    expect(await addressOf('127.0.0.1', { 'x-forwarded-for': 'evil, unknown' }, nginx)).toBe('127.0.0.1');
  });

  it('headers from a peer that is not a trusted proxy are ignored', async () => {
    expect(await addressOf('203.0.113.5', { 'x-forwarded-for': '198.51.100.7' }, nginx)).toBe('203.0.113.5');
  });

  it('refuses an entry it cannot read', () => {
    expect(() => parseTrustProxy('cloudflare')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/40')).toThrow(/TRUST_PROXY/);
    expect(parseTrustProxy('')).toBeUndefined();
    expect(parseTrustProxy('private')!.has('172.20.1.1')).toBe(true);
    expect(parseTrustProxy('private')!.has('172.32.1.1')).toBe(false);
  });
});

describe('a long question', () => {
  it('keeps only its first words; a normal one is untouched', () => {
    const words = Array.from({ length: 150 }, (_, i) => `từ${i}`).join(' ');
    const bounded = boundQuestion(words, 100);
    expect(bounded.split(' ')).toHaveLength(100);
    expect(bounded.endsWith('từ99')).toBe(true);
    expect(boundQuestion('Kế hoạch này do ai ban hành?', 100)).toBe('Kế hoạch này do ai ban hành?');
  });
});
