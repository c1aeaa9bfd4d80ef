/**
 * The Worker's adapters against the same contracts as their Node counterparts,
 * on real SQLite FTS5 (better-sqlite3) loaded with the very seed.sql that
 * `npm run ingest:worker` writes for D1.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, chunkTerms } from '../ingest/build-index.js';
import { exportWorkerData, type WorkerExport } from '../ingest/worker-export.js';
import { memoryConversations } from '../src/answer/assistant.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { LexicalIndex } from '../src/retrieval/lexical-index.js';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { readIndexData } from '../src/store/index-files.js';
import { unpackVectors, flatIndex } from '../src/retrieval/vector-flat.js';
import { buildHnswIndex, loadHnswIndex } from '../src/retrieval/vector-hnswlib.js';
import type { Chunk } from '../src/types.js';
import { FtsLexicalSearch } from '../src/worker/fts-lexical.js';
import { sqlConversations, sqlFeedback } from '../src/worker/sql-stores.js';
import { vectorId, vectorizeIndex } from '../src/worker/vectorize.js';
import { conversationStoreContract } from './contracts/conversation-store.js';
import { denseIndexContract } from './contracts/dense-index.js';
import { lexicalSearchContract } from './contracts/lexical-search.js';
import { corpusDir } from './helpers/runtime.js';
import { workerSqlite } from './helpers/sqlite-sql.js';

let exported: WorkerExport;
let exportReady: Promise<WorkerExport> | undefined;
/** One export for the whole file, into its own directory. */
function exportOnce(): Promise<WorkerExport> {
  exportReady ??= exportWorkerData({ outDir: mkdtempSync(join(tmpdir(), 'vanban-worker-')), inputs: [corpusDir], embeddings: new LocalHashEmbeddings(), vectorize: true }).then((e) => (exported = e));
  return exportReady;
}

// The export runs the whole ingest pipeline once (a few seconds on a busy machine).
beforeAll(() => exportOnce(), 120_000);

async function seededChunks(): Promise<{ chunks: Chunk[]; fts: FtsLexicalSearch }> {
  const { seedFile } = await exportOnce();
  const { db } = workerSqlite(seedFile);
  const chunks = (await db.all<{ json: string }>('SELECT json FROM chunks ORDER BY idx')).map((r) => JSON.parse(r.json) as Chunk);
  return { chunks, fts: await FtsLexicalSearch.load(db) };
}

lexicalSearchContract('LexicalIndex (in-memory BM25, Node)', async () => {
  const { chunks } = await seededChunks();
  return { search: LexicalIndex.build(chunks.map(chunkTerms)), chunks };
});

lexicalSearchContract('FtsLexicalSearch (SQLite FTS5, as on D1)', async () => {
  const { chunks, fts } = await seededChunks();
  return { search: fts, chunks };
});

describe('FtsLexicalSearch matches the in-memory BM25', () => {
  it('same hits and scores, same idf and OCR variants', async () => {
    const { fts } = await seededChunks();
    // The Node index of the same corpus: text, headings and, for scans, their readings.
    const node = await buildIndex({ dataDir: mkdtempSync(join(tmpdir(), 'vanban-node-')), inputs: [corpusDir], embeddings: new LocalHashEmbeddings(), cacheDir: false });
    const bm25 = LexicalIndex.fromJSON((await readIndexData(node.dir)).lexical);
    for (const question of ['Phát biểu kết luận hội nghị không quá bao nhiêu phút?', 'Ai chủ trì tuyên truyền Nghị quyết?', 'KH 22 thời gian tham luận']) {
      const terms = analyzeQuery(question).terms;
      const expected = bm25.search(terms, 20);
      const actual = await fts.search(terms, 20);
      expect(actual.map((h) => h.score)).toEqual(expected.map((h) => expect.closeTo(h.score, 9)));
      // Ties may order differently; the set per score must agree.
      const key = (hs: Array<{ index: number; score: number }>) => hs.map((h) => `${h.score.toFixed(9)}:${h.index}`).sort();
      expect(key(actual)).toEqual(key(expected));
      for (const { term } of terms) {
        expect(fts.idf(term)).toBeCloseTo(bm25.idf(term), 12);
        expect(fts.similarTerms(term).sort()).toEqual(bm25.similarTerms(term).sort());
      }
    }
  });

  it("offers the readings of scanned words as near spellings, as Node does (\"iy\" for \"lý\")", async () => {
    const { fts } = await seededChunks();
    expect(fts.nearTerms('li')).toContain('iy');
    expect(fts.nearTerms('ho')).toContain('hd');
    // Never as search variants: aliases are notes, not words of the text.
    expect(fts.similarTerms('li')).toEqual([]);
  });
});

denseIndexContract('HNSWLib (Node)', async () => {
  await exportOnce();
  const vectors = unpackVectors(readFileSync(join(exported.assetsDir, 'index', 'vectors.f32')).buffer.slice(0) as ArrayBuffer, exported.dimensions);
  const dir = mkdtempSync(join(tmpdir(), 'vanban-hnsw-'));
  const embeddings = new LocalHashEmbeddings();
  await buildHnswIndex(vectors.map((v) => Array.from(v)), embeddings, dir);
  return { index: await loadHnswIndex(dir, embeddings), vectors };
});

denseIndexContract('flat scan over the bundled vectors (Workers)', async () => {
  await exportOnce();
  const file = readFileSync(join(exported.assetsDir, 'index', 'vectors.f32'));
  const vectors = unpackVectors(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer, exported.dimensions);
  return { index: flatIndex(vectors), vectors };
});

conversationStoreContract('memory (Node)', async (maxTurns) => memoryConversations(maxTurns));
conversationStoreContract('SQL (D1 schema on SQLite)', async (maxTurns) => sqlConversations(workerSqlite().db, maxTurns));

describe('Workers export', () => {
  it('carries the restored display titles of OCR documents, scanned titles kept for retrieval', async () => {
    const { chunks } = await seededChunks();
    const chunk = chunks.find((c) => c.docId === 'dien-bien-ke-hoach-22-kh-tu' && c.section === 'II.2.3.b')!;
    expect(chunk).toMatchObject({ sectionTitle: 'Déi méi vé cong tdc to chirc hji nghi', sectionDisplay: 'Đổi mới về công tác tổ chức hội nghị' });
    expect(chunks.filter((c) => c.sectionDisplay && !c.ocr)).toEqual([]);
  });

  it('writes D1 statements under the 100 KB limit and Vectorize NDJSON keyed by chunk', async () => {
    await exportOnce();
    for (const statement of readFileSync(exported.seedFile, 'utf8').split(/;\n/)) expect(Buffer.byteLength(statement)).toBeLessThan(100_000);
    expect(exported.vectorizeFiles.length).toBe(1);
    const lines = readFileSync(exported.vectorizeFiles[0]!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; values: number[]; metadata: { chunk: string } });
    expect(lines.length).toBe(exported.chunks);
    for (const line of lines) {
      expect(Buffer.byteLength(line.id)).toBeLessThanOrEqual(64);
      expect(line.id).toBe(vectorId(line.metadata.chunk));
      expect(line.values.length).toBe(exported.dimensions);
    }
  });

  it('maps Vectorize matches back to chunk positions, ignoring unknown ids and capping topK', async () => {
    const ids = ['doc-a#0', 'doc-a#1', `${'very-long-document-name-'.repeat(3)}#12`];
    let asked = 0;
    const index = vectorizeIndex(
      {
        async query(_vector, options) {
          asked = options.topK;
          return { matches: [{ id: vectorId(ids[2]!), score: 0.9 }, { id: 'removed#3', score: 0.8 }, { id: 'doc-a#0', score: 0.7 }] };
        },
      },
      ids,
    );
    expect(await index.search([0.1, 0.2], 160)).toEqual([{ index: 2, score: 0.9 }, { index: 0, score: 0.7 }]);
    expect(asked).toBe(100);
    expect(Buffer.byteLength(vectorId(ids[2]!))).toBeLessThanOrEqual(64);
  });

  it('stores feedback in SQL', async () => {
    const store = sqlFeedback(workerSqlite().db);
    await store.add({ id: 'f1', createdAt: '2026-01-01T00:00:00.000Z', rating: 'up', comment: 'Rất hữu ích' });
    await store.add({ id: 'f2', createdAt: '2026-01-02T00:00:00.000Z', rating: 'down' });
    expect((await store.list()).map((f) => f.id)).toEqual(['f2', 'f1']);
  });
});
