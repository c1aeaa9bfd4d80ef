/**
 * A browser on another site calling /api/* from an origin CORS_ORIGINS does not list: the browser only says
 * "network error", so the server says why — one log line per origin naming it and CORS_ORIGINS — and answers
 * the preflight 403 with a stable code instead of a bare 404.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

export function refusedOriginLog(allowed: string[], logger: Logger): MiddlewareHandler {
  const logged = new Set<string>();
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin || allowed.includes('*') || allowed.includes(origin) || sameHost(origin, c.req.header('host'))) return next();
    if (!logged.has(origin)) {
      logged.add(origin);
      logger.warn({ origin, corsOrigins: allowed.join(',') || '(unset)', path: c.req.path }, `CORS: origin ${origin} is not in CORS_ORIGINS; add it (comma-separated) to let its pages use the API`);
    }
    if (c.req.method === 'OPTIONS') throw new AppError('origin_not_allowed', 'Trang web này chưa được phép gọi API (địa chỉ chưa có trong CORS_ORIGINS).');
    return next();
  };
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
