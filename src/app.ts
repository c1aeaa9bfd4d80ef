/**
 * The Hono app, runtime-neutral: entries (server.ts for Node, worker.ts for
 * Workers) build the dependencies and call createApp.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Assistant } from './answer/assistant.js';
import { AppError } from './errors.js';
import { askRoutes } from './http/ask.js';
import { chatRoutes } from './http/chat.js';
import type { BriefingService } from './briefing/generate.js';
import { briefingRoutes } from './briefing/routes.js';
import { documentRoutes, type DocumentLibrary } from './http/documents.js';
import { feedbackRoutes, memoryFeedback, type FeedbackStore } from './http/feedback.js';
import type { Logger } from './logger.js';
import { zaloRoutes, type ZaloRoutesDeps } from './channels/zalo/routes.js';

import { webRoutes, type WebRoutesOptions } from './channels/web/routes.js';

export interface AppDeps {
  assistant: Assistant;
  library: DocumentLibrary;
  logger: Logger;
  feedback?: FeedbackStore;
  /** Briefing Q&A sets for trainers (POST /api/briefing, GET /briefing). */
  briefing?: BriefingService;
  /** Extra fields for /health (index build, channel states). */
  health?: () => Record<string, unknown>;
  /** Zalo OA / Bot channels; absent ones answer 503 channel_disabled. */
  zalo?: ZaloRoutesDeps;

  /** Origins allowed to call /api/* from a browser (CORS_ORIGINS); "*" allows any. */
  corsOrigins?: string[];
  /** Chat page, source view and widget (GET /, /documents/:id, /widget.js). */
  web?: WebRoutesOptions;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof AppError) {
      return c.json({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }, err.status as 400);
    }
    deps.logger.error({ err, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'Đã có lỗi trong hệ thống, vui lòng thử lại sau.' } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ này.' } }, 404));

  const origins = deps.corsOrigins ?? [];
  if (origins.length) {
    app.use('/api/*', cors({ origin: origins.includes('*') ? '*' : origins, allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'], allowHeaders: ['Content-Type', 'Authorization'], maxAge: 600 }));
  }

  app.get('/health', (c) => c.json({ status: 'ok', ...deps.health?.() }));
  app.route('/api', askRoutes(deps.assistant));
  app.route('/api', chatRoutes(deps.assistant, (err) => deps.logger.error({ err }, 'chat stream failed')));
  app.route('/api', documentRoutes(deps.library));
  app.route('/api', feedbackRoutes(deps.feedback ?? memoryFeedback()));
  app.route('/webhooks', zaloRoutes(deps.zalo ?? {}));
  if (deps.briefing) app.route('/', briefingRoutes(deps.briefing));

  if (deps.web) app.route('/', webRoutes(deps.web));
  return app;
}
