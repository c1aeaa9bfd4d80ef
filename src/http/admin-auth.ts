/**
 * Admin routes need `Authorization: Bearer $ADMIN_TOKEN`. The comparison is
 * constant-time. Without a
 * configured token the admin API is off: 503, never open.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

/**
 * Compares in time that depends only on the expected token's length. Synchronous
 * on purpose: no thread-pool round trip (WebCrypto) that a busy server could starve.
 */
export function tokensEqual(given: string, expected: string): boolean {
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i] ?? 0) ^ b[i]!;
  return diff === 0;
}

export function adminAuth(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) {
      throw new AppError('admin_disabled', 'Chức năng quản trị chưa được bật: quản trị viên cần đặt biến môi trường ADMIN_TOKEN trên máy chủ.');
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="vanban-admin"');
      throw new AppError('unauthorized', 'Cần mã quản trị: gửi tiêu đề "Authorization: Bearer <ADMIN_TOKEN>".');
    }
    if (!tokensEqual(match[1]!.trim(), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="vanban-admin", error="invalid_token"');
      throw new AppError('unauthorized', 'Mã quản trị không đúng.');
    }
    await next();
  };
}
