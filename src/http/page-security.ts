/**
 * A Content-Security-Policy and framing protection on every HTML page, so no
 * page can be framed by another site (clickjacking) or run script it did not
 * ship. Pages that set their own policy (the chat page, the admin page) keep
 * it; any other HTML page gets one derived from its own markup: its inline
 * scripts by hash, the hosts of the scripts and stylesheets it links, and
 * nothing else.
 */
import type { MiddlewareHandler } from 'hono';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const LINKED = /<(?:script|link)\b[^>]*\b(?:src|href)="(https:\/\/[^/"]+)\//gi;

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

/** The policy a page's own markup needs. */
export async function policyFor(html: string): Promise<string> {
  const hashes = await Promise.all([...html.matchAll(INLINE_SCRIPT)].map(async (m) => `'sha256-${await sha256Base64(m[1]!)}'`));
  const hosts = [...new Set([...html.matchAll(LINKED)].map((m) => m[1]!))];
  return [
    "default-src 'self'",
    `script-src 'self' ${[...hashes, ...hosts].join(' ')}`.trim(),
    // Styles cannot run code; pages keep their inline <style> and style attributes.
    `style-src 'self' 'unsafe-inline' ${hosts.join(' ')}`.trim(),
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export function pageSecurity(): MiddlewareHandler {
  // Pages are few and their markup is fixed: hash each distinct page once.
  const policies = new Map<string, Promise<string>>();
  return async (c, next) => {
    await next();
    if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
    if (!c.res.headers.has('x-frame-options')) c.res.headers.set('x-frame-options', 'SAMEORIGIN');
    if (c.res.headers.has('content-security-policy')) return;
    const html = await c.res.clone().text();
    if (!policies.has(html) && policies.size > 100) policies.clear();
    const policy = policies.get(html) ?? policyFor(html);
    policies.set(html, policy);
    c.res.headers.set('content-security-policy', await policy);
  };
}
