/**
 * OA webhook signature: `X-ZEvent-Signature: mac=<hex>` with
 * hex = sha256(app_id + rawBody + timestamp + OA secret key) — a plain hash
 * of the concatenation (not an HMAC), over the exact bytes received.
 * Web Crypto only, so it runs on Node and Workers alike.
 */
const encoder = new TextEncoder();

export async function sha256Hex(...parts: Array<string | Uint8Array>): Promise<string> {
  const bytes = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  const all = new Uint8Array(bytes.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const b of bytes) {
    all.set(b, offset);
    offset += b.byteLength;
  }
  const digest = await crypto.subtle.digest('SHA-256', all);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time independent of where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export async function oaSignature(appId: string, rawBody: Uint8Array, timestamp: string, oaSecretKey: string): Promise<string> {
  return `mac=${await sha256Hex(appId, rawBody, timestamp, oaSecretKey)}`;
}

export async function verifyOaSignature(header: string | undefined, appId: string, rawBody: Uint8Array, timestamp: string, oaSecretKey: string): Promise<boolean> {
  if (!header) return false;
  const expected = await oaSignature(appId, rawBody, timestamp, oaSecretKey);
  return constantTimeEqual(header.trim().toLowerCase(), expected);
}
