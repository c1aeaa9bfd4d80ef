/**
 * HTTP load against a running server with autocannon (as a library). Latency
 * percentiles come from every response time, so p95 is exact (autocannon's
 * own histogram reports p97.5, not p95).
 */
import autocannon from 'autocannon';
import { percentile } from '../eval/score.js';

export interface LoadResult {
  connections: number;
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export async function loadTest(url: string, questions: string[], connections: number, durationSec: number): Promise<LoadResult> {
  let i = 0;
  const latencies: number[] = [];
  let finish!: (value: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ([finish, fail] = [resolve, reject]));
  const instance = autocannon({
    url,
    connections,
    duration: durationSec,
    requests: [
      {
        method: 'POST',
        path: '/api/ask',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: questions[i++ % questions.length] }) }),
      },
    ],
  }, (error, result) => (error ? fail(error) : finish(result)));
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await done;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    connections,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rps: round(result.requests.total / (result.duration || durationSec)),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(Math.max(0, ...latencies)),
  };
}
