/**
 * Admin routes need `Authorization: Bearer $ADMIN_TOKEN`. The comparison is
 * constant-time (both sides hashed, then compared in full). Without a
 * configured token the admin API is off: 503, never open.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

export async function tokensEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
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
    if (!(await tokensEqual(match[1]!.trim(), token))) {
      c.header('WWW-Authenticate', 'Bearer realm="vanban-admin", error="invalid_token"');
      throw new AppError('unauthorized', 'Mã quản trị không đúng.');
    }
    await next();
  };
}
