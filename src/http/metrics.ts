/**
 * Prometheus metrics, hand-written text format: requests by route and status,
 * a histogram of answer latency, and the size of the live index.
 */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';

const BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const label = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, { buckets: number[]; sum: number; count: number }>();
  readonly startedAt = Date.now();

  countRequest(method: string, route: string, status: number): void {
    const key = `method="${label(method)}",route="${label(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  observeAnswer(route: string, seconds: number): void {
    const h = this.latency.get(route) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((le, i) => {
      if (seconds <= le) h.buckets[i]! += 1;
    });
    h.sum += seconds;
    h.count += 1;
    this.latency.set(route, h);
  }

  render(gauges: { documents: number; chunks: number; builtAt?: string }): string {
    const lines = [
      '# HELP vanban_http_requests_total HTTP requests by method, route and status.',
      '# TYPE vanban_http_requests_total counter',
      ...[...this.requests].map(([k, v]) => `vanban_http_requests_total{${k}} ${v}`),
      '# HELP vanban_ask_duration_seconds Time to answer a question (POST /api/ask, /api/chat).',
      '# TYPE vanban_ask_duration_seconds histogram',
    ];
    for (const [route, h] of this.latency) {
      const r = `route="${label(route)}"`;
      BUCKETS.forEach((le, i) => lines.push(`vanban_ask_duration_seconds_bucket{${r},le="${le}"} ${h.buckets[i]}`));
      lines.push(`vanban_ask_duration_seconds_bucket{${r},le="+Inf"} ${h.count}`);
      lines.push(`vanban_ask_duration_seconds_sum{${r}} ${h.sum}`);
      lines.push(`vanban_ask_duration_seconds_count{${r}} ${h.count}`);
    }
    lines.push(
      '# HELP vanban_index_documents Documents in the live index.',
      '# TYPE vanban_index_documents gauge',
      `vanban_index_documents ${gauges.documents}`,
      '# HELP vanban_index_chunks Chunks in the live index.',
      '# TYPE vanban_index_chunks gauge',
      `vanban_index_chunks ${gauges.chunks}`,
      '# HELP vanban_index_built_timestamp_seconds When the live index was built.',
      '# TYPE vanban_index_built_timestamp_seconds gauge',
      `vanban_index_built_timestamp_seconds ${gauges.builtAt ? Date.parse(gauges.builtAt) / 1000 : 0}`,
      '# HELP vanban_process_start_time_seconds Start time of the process.',
      '# TYPE vanban_process_start_time_seconds gauge',
      `vanban_process_start_time_seconds ${this.startedAt / 1000}`,
    );
    return `${lines.join('\n')}\n`;
  }
}

const ANSWER_ROUTES = new Set(['/api/ask', '/api/chat']);

/** Counts every request under its route pattern (not the raw path: bounded label values). */
export function metricsMiddleware(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const routes = matchedRoutes(c).filter((r) => r.method !== 'ALL');
      const route = routes.at(-1)?.path ?? (c.res.status === 404 ? 'unmatched' : c.req.path);
      metrics.countRequest(c.req.method, route, c.res.status);
      if (ANSWER_ROUTES.has(route) && c.res.status === 200) metrics.observeAnswer(route, (performance.now() - started) / 1000);
    }
  };
}
