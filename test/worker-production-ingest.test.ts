/**
 * The production ingest path (`npm run ingest:worker -- --production`) against
 * a local server that speaks Cloudflare's Workers AI REST protocol.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkerData } from '../ingest/worker-export.js';
import { WorkersAiRestEmbeddings } from '../ingest/workers-ai-rest.js';
import { WorkersAiEmbeddings } from '../src/worker/workers-ai.js';
import { corpusDir } from './helpers/runtime.js';

let server: Server;
let apiBase = '';
const requests: Array<{ url: string; auth: string | undefined; texts: string[] }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const texts = (JSON.parse(body) as { text: string[] }).text;
      requests.push({ url: req.url!, auth: req.headers.authorization, texts });
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== 'Bearer good-token') {
        res.statusCode = 401;
        res.end(JSON.stringify({ success: false, errors: [{ code: 10000, message: 'Authentication error' }], result: null }));
        return;
      }
      // Deterministic 8-dimension vectors from the text length.
      const data = texts.map((t) => Array.from({ length: 8 }, (_, i) => ((t.length * (i + 1)) % 17) / 17 + 0.01));
      res.end(JSON.stringify({ success: true, errors: [], messages: [], result: { shape: [texts.length, 8], data } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(server.address() as { port: number }).port}/client/v4`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Workers AI embeddings', () => {
  it('embeds documents over REST in batches and writes Vectorize NDJSON', async () => {
    const embeddings = new WorkersAiRestEmbeddings({ accountId: 'acc123', apiToken: 'good-token', apiBase, batchSize: 40 });
    const out = await exportWorkerData({ outDir: mkdtempSync(join(tmpdir(), 'vanban-prod-')), inputs: [corpusDir], embeddings, vectorize: true });
    expect(out.dimensions).toBe(8);
    expect(requests.length).toBe(Math.ceil(out.chunks / 40));
    expect(requests[0]).toMatchObject({ url: '/client/v4/accounts/acc123/ai/run/@cf/baai/bge-m3', auth: 'Bearer good-token' });
    const lines = readFileSync(out.vectorizeFiles[0]!, 'utf8').trim().split('\n');
    expect(lines.length).toBe(out.chunks);
    expect(JSON.parse(lines[0]!).values).toHaveLength(8);
    expect(readFileSync(out.seedFile, 'utf8')).toContain("('embedder', 'workers-ai:@cf/baai/bge-m3')");
  }, 60_000);

  it('reports Cloudflare errors', async () => {
    const embeddings = new WorkersAiRestEmbeddings({ accountId: 'acc123', apiToken: 'bad', apiBase });
    await expect(embeddings.embedDocuments(['xin chào'])).rejects.toThrow(/401: Authentication error/);
  });

  it('embeds queries through the AI binding with the index embedder id', async () => {
    const calls: unknown[] = [];
    const embedder = new WorkersAiEmbeddings({ async run(model, input) { calls.push([model, input]); return { shape: [1, 3], data: [[0.1, 0.2, 0.3]] }; } });
    expect(embedder.id).toBe('workers-ai:@cf/baai/bge-m3');
    expect(await embedder.embedQuery('kết luận')).toEqual([0.1, 0.2, 0.3]);
    expect(calls).toEqual([['@cf/baai/bge-m3', { text: ['kết luận'] }]]);
  });
});
