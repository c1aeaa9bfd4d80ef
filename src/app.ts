/**
 * The Hono app, runtime-neutral: entries (server.ts for Node, worker.ts for
 * Workers) build the dependencies and call createApp.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
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
import { swaggerUI } from '@hono/swagger-ui';
import type { QuestionLog } from './analytics.js';
import { adminRoutes, type DocumentAdmin } from './http/admin.js';
import { adminPage } from './http/admin-page.js';
import { DEFAULT_LIMITS, errorResponse, installGuardrails, type Limits } from './http/guardrails.js';
import { Metrics, metricsMiddleware } from './http/metrics.js';
import type { ClientAddressSource, Limiter } from './http/rate-limit.js';
import { pageSecurity } from './http/page-security.js';
import { openApiDocument } from './http/openapi.js';
import { questionLogging } from './http/question-logging.js';
import { refusedOriginLog } from './http/refused-origin.js';

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
  /** ADMIN_TOKEN: without it the admin API answers 503. */
  adminToken?: string;
  /** Adds / removes documents and rebuilds (Node: files + index). */
  admin?: DocumentAdmin;
  /** Where questions are logged for /api/stats. */
  questionLog?: QuestionLog;
  limits?: Partial<Limits>;
  /** Shared rate-limit buckets (the cluster primary's); default: this process. */
  limiter?: Limiter;
  /** Who the client is (TRUST_PROXY on Node; CF-Connecting-IP on Workers); default: the socket. */
  clientAddress?: ClientAddressSource;
  metrics?: Metrics;
  /**
   * Gzip pages, scripts and JSON in the app (Node). Off on Workers: the runtime and the edge compress, and a
   * body compressed here would be encoded twice.
   */
  compress?: boolean;
  /** Size of the live index for /metrics (else counted from the library). */
  indexSize?: () => { documents: number; chunks: number };
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  const metrics = deps.metrics ?? new Metrics();
  // Outermost, so every other middleware (question logging reads JSON replies, page security reads markup) sees the plain body; SSE is never compressed.
  if (deps.compress) app.use(compress());
  installGuardrails(app, { logger: deps.logger, limits: { ...DEFAULT_LIMITS, ...deps.limits }, limiter: deps.limiter, clientAddress: deps.clientAddress });
  app.use(pageSecurity());
  app.use(metricsMiddleware(metrics));
  if (deps.questionLog) {
    app.use('/api/ask', questionLogging(deps.questionLog, deps.logger));
    app.use('/api/chat', questionLogging(deps.questionLog, deps.logger));
  }

  app.onError((err, c) => errorResponse(c, err, deps.logger));
  app.notFound((c) => errorResponse(c, new AppError('not_found', 'Không tìm thấy địa chỉ này.'), deps.logger));

  const origins = deps.corsOrigins ?? [];
  app.use('/api/*', refusedOriginLog(origins, deps.logger));
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
  app.route('/api', adminRoutes({ token: deps.adminToken, admin: deps.admin, questionLog: deps.questionLog, library: deps.library }));
  app.route('/', adminPage());
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/docs', swaggerUI({ url: '/openapi.json', title: 'vanban API' }));
  app.get('/metrics', (c) => {
    const docs = deps.indexSize ? undefined : deps.library.documents();
    const gauges = deps.indexSize?.() ?? { documents: docs!.length, chunks: docs!.reduce((n, d) => n + deps.library.chunksOf(d.id).length, 0) };
    return c.text(metrics.render(gauges), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  if (deps.web) app.route('/', webRoutes(deps.web));
  return app;
}
