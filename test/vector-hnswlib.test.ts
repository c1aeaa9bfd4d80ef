import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { buildHnswIndex, loadHnswIndex } from '../src/retrieval/vector-hnswlib.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('HNSWLib dense index', () => {
  it('loads without the docstore and finds what LangChain loading its files finds', async () => {
    const embeddings = new LocalHashEmbeddings();
    const texts = ['Kế hoạch tổ chức hội nghị', 'thời gian phát biểu không quá 10 phút', 'Ban Tuyên giáo Tỉnh ủy', 'báo cáo kết quả trước ngày 30', 'học tập nghị quyết', 'đảng viên ở chi bộ'];
    const vectors = await embeddings.embedDocuments(texts);
    const dir = mkdtempSync(join(tmpdir(), 'vanban-hnsw-'));
    dirs.push(dir);
    await buildHnswIndex(vectors, embeddings, dir);
    const ours = await loadHnswIndex(dir, embeddings);
    const theirs = await HNSWLib.load(dir, embeddings);
    for (const question of ['phát biểu bao nhiêu phút', 'báo cáo khi nào', 'chi bộ']) {
      const vector = await embeddings.embedQuery(question);
      const hits = await ours.search(vector, 4);
      const expected = await theirs.similaritySearchVectorWithScore(vector, 4);
      expect(hits).toEqual(expected.map(([doc, distance]) => ({ index: Number(doc.pageContent), score: 1 - distance })));
    }
    expect(await ours.search(await embeddings.embedQuery('chi bộ'), 40)).toHaveLength(texts.length);
  });
});
