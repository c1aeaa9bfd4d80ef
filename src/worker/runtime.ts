/**
 * Builds the app's dependencies from Worker bindings. Runs once per isolate
 * (on the first request) and is reused: documents, chunks and the lexicon come
 * from D1, dense search from Vectorize when bound, else from the vectors
 * bundled as a static asset; queries are embedded by the embedder the index
 * was built with (local hash in workerd itself, or Workers AI bge-m3).
 */
import { Assistant } from '../answer/assistant.js';
import { createApp } from '../app.js';
import type { DocumentLibrary } from '../http/documents.js';
import { CorpusIndex } from '../retrieval/corpus-index.js';
import { LocalHashEmbeddings } from '../retrieval/local-embeddings.js';
import type { DenseIndex, QueryEmbedder } from '../retrieval/ports.js';
import { Retriever } from '../retrieval/retriever.js';
import { flatIndex, unpackVectors } from '../retrieval/vector-flat.js';
import type { StoredDocument } from '../store/index-files.js';
import type { Chunk } from '../types.js';
import { FtsLexicalSearch } from './fts-lexical.js';
import { consoleLogger } from './logger.js';
import { d1Database, type D1Like, type SqlDatabase } from './sql.js';
import { sqlConversations, sqlFeedback } from './sql-stores.js';
import { vectorizeIndex, type VectorizeLike } from './vectorize.js';
import { WorkersAiEmbeddings, type AiLike } from './workers-ai.js';

/** Bindings and variables (wrangler.toml). */
export interface WorkerEnv {
  DB: D1Like;
  /** Static assets: the bundled dense index (default environment). */
  ASSETS?: { fetch(input: string | Request): Promise<Response> };
  /** Production: dense vectors. */
  VECTORIZE?: VectorizeLike;
  /** Production: Workers AI (query embeddings; chat model by configuration). */
  AI?: AiLike;
  LOG_LEVEL?: string;
  EMBEDDINGS_MODEL?: string;
}

/** Thrown while the data isn't loaded: the app answers 503 until it is. */
export class IndexUnavailable extends Error {}

interface LoadedCorpus {
  index: CorpusIndex;
  meta: Record<string, string>;
}

async function loadCorpus(db: SqlDatabase, env: WorkerEnv): Promise<LoadedCorpus> {
  const [metaRows, documentRows, chunkRows, lexical] = await Promise.all([
    db.all<{ key: string; value: string }>('SELECT key, value FROM index_meta'),
    db.all<{ json: string }>('SELECT json FROM documents ORDER BY id'),
    db.all<{ json: string }>('SELECT json FROM chunks ORDER BY idx'),
    FtsLexicalSearch.load(db),
  ]);
  const meta = Object.fromEntries(metaRows.map((r) => [r.key, r.value]));
  if (!meta.builtAt || !chunkRows.length) throw new IndexUnavailable('D1 has no index rows: run `npm run ingest:worker` and load seed.sql');
  const documents = documentRows.map((r) => JSON.parse(r.json) as StoredDocument);
  const chunks = chunkRows.map((r) => JSON.parse(r.json) as Chunk);
  const dense = await denseIndex(env, meta, chunks);
  return { index: new CorpusIndex(documents, chunks, lexical, dense, meta.builtAt), meta };
}

/** Vectorize holds Workers AI vectors; an index embedded locally is searched in the bundled vectors. */
const usesVectorize = (env: WorkerEnv, meta: Record<string, string>) => Boolean(env.VECTORIZE && meta.embedder?.startsWith('workers-ai:'));

async function denseIndex(env: WorkerEnv, meta: Record<string, string>, chunks: Chunk[]): Promise<DenseIndex> {
  if (usesVectorize(env, meta)) return vectorizeIndex(env.VECTORIZE!, chunks.map((c) => c.id));
  if (!env.ASSETS) throw new IndexUnavailable('no dense index: bind VECTORIZE or ship the index assets');
  const [manifestRes, vectorsRes] = await Promise.all([
    env.ASSETS.fetch('https://assets.local/index/manifest.json'),
    env.ASSETS.fetch('https://assets.local/index/vectors.f32'),
  ]);
  if (!manifestRes.ok || !vectorsRes.ok) throw new IndexUnavailable('index assets missing: run `npm run ingest:worker`');
  const manifest = (await manifestRes.json()) as { builtAt: string; dimensions: number };
  // D1 and the assets come from one export; from two, chunk positions would not line up.
  if (manifest.builtAt !== meta.builtAt) throw new IndexUnavailable(`index assets (${manifest.builtAt}) and D1 rows (${meta.builtAt}) are from different builds`);
  const vectors = unpackVectors(await vectorsRes.arrayBuffer(), manifest.dimensions);
  if (vectors.length !== chunks.length) throw new IndexUnavailable(`index assets hold ${vectors.length} vectors for ${chunks.length} chunks`);
  return flatIndex(vectors);
}

function queryEmbedder(env: WorkerEnv, indexEmbedder: string | undefined): QueryEmbedder {
  const local = new LocalHashEmbeddings();
  if (!indexEmbedder || indexEmbedder === local.id) return local;
  if (indexEmbedder.startsWith('workers-ai:')) {
    if (!env.AI) throw new IndexUnavailable(`the index was embedded with ${indexEmbedder}, but the AI binding is missing`);
    return new WorkersAiEmbeddings(env.AI, indexEmbedder.slice('workers-ai:'.length));
  }
  throw new IndexUnavailable(`no query embedder for index embedder ${indexEmbedder}`);
}

export async function createWorkerApp(env: WorkerEnv) {
  const logger = consoleLogger(env.LOG_LEVEL ?? 'info');
  const db = d1Database(env.DB);
  const { index, meta } = await loadCorpus(db, env);
  const embedder = queryEmbedder(env, meta.embedder);
  const retriever = new Retriever(index, embedder);
  const library: DocumentLibrary = {
    documents: () => index.list(),
    document: (id) => index.documents.get(id),
    chunksOf: (id) => index.chunks.filter((c) => c.docId === id),
  };
  const assistant = new Assistant({ retriever: () => retriever, conversations: sqlConversations(db) });
  const app = createApp({
    assistant,
    library,
    logger,
    feedback: sqlFeedback(db),
    // Cloudflare's edge writes CF-Connecting-IP itself (a client's own value is replaced).
    clientAddress: { addressOf: (c) => c.req.header('cf-connecting-ip') ?? 'unknown' },
    health: () => ({ runtime: 'workers', documents: index.documents.size, chunks: index.chunks.length, indexBuiltAt: meta.builtAt, embedder: embedder.id, dense: usesVectorize(env, meta) ? 'vectorize' : 'bundled' }),
  });
  logger.info({ documents: index.documents.size, chunks: index.chunks.length, embedder: embedder.id }, 'index loaded');
  return app;
}
