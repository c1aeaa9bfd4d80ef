/**
 * EMBEDDINGS=openai: neural embeddings through the configured endpoint (a local
 * server speaking the OpenAI protocol); the manifest records the embedder and
 * a change of embedder rebuilds the index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createEmbeddings } from '../src/embeddings.js';
import { createNodeRuntime } from '../src/node.js';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/openai-server.js';
import { tempDataDir } from './helpers/runtime.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());

const open = (dataDir: string, env: Record<string, string>) =>
  createNodeRuntime(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }), { onProgress: () => {} });

const documentBatches = () => fake.requests.filter((r) => r.path === '/v1/embeddings' && Array.isArray(r.body.input) && r.body.input.length > 1);

describe('EMBEDDINGS=openai', () => {
  it('builds the index through /v1/embeddings, records the embedder, rebuilds when it changes', async () => {
    const dataDir = tempDataDir();
    const a = await open(dataDir, { EMBEDDINGS: 'openai', EMBEDDINGS_MODEL: 'embed-a', OPENAI_BASE_URL: fake.url });
    expect(a.kb.manifest!.embedder).toEqual({ id: 'openai:embed-a', dimensions: 64 });
    expect(documentBatches().length).toBeGreaterThan(0);
    expect(documentBatches()[0]!.body).toMatchObject({ model: 'embed-a', encoding_format: 'float' });

    // Queries are embedded by the same endpoint, and the canonical question still lands on KH 22.
    fake.requests.length = 0;
    const res = await a.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?' }) });
    const reply = await res.json();
    expect(reply.citations[0]).toMatchObject({ source: 'dien-bien-ke-hoach-22-kh-tu.txt', section: 'II.2.3.b' });
    expect(fake.requests.filter((r) => r.path === '/v1/embeddings')).toHaveLength(1);

    // Same embedder: the index is reused, nothing is re-embedded.
    fake.requests.length = 0;
    await open(dataDir, { EMBEDDINGS: 'openai', EMBEDDINGS_MODEL: 'embed-a', OPENAI_BASE_URL: fake.url });
    expect(documentBatches()).toHaveLength(0);

    // Another model (with other dimensions, learnt from the response): rebuilt.
    fake.embeddingDimensions = 32;
    const b = await open(dataDir, { EMBEDDINGS: 'openai', EMBEDDINGS_MODEL: 'embed-b', OPENAI_BASE_URL: fake.url });
    expect(b.kb.manifest!.embedder).toEqual({ id: 'openai:embed-b', dimensions: 32 });
    expect(documentBatches().some((r) => r.body.model === 'embed-b')).toBe(true);

    // Back to local: rebuilt again, offline.
    const local = await open(dataDir, {});
    expect(local.kb.manifest!.embedder.id).toMatch(/^local-hash/);
  }, 60_000);

  it('needs an endpoint', () => {
    expect(() => createEmbeddings({ EMBEDDINGS: 'openai' })).toThrow(/OPENAI_BASE_URL/);
  });
});
