/**
 * How the retriever fuses its signals, over a real index of small documents written here: the rerank
 * score is the fitted weighting of BM25, cosine, rank fusion and the best sentence plus the boosts table,
 * and query expansion reaches only spellings that scans alone write.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { RERANK_BOOSTS, RERANK_WEIGHTS, type CandidateTrace, type Retriever } from '../src/retrieval/retriever.js';
import { KnowledgeBase } from '../src/store/knowledge-base.js';

vi.setConfig({ testTimeout: 120_000 });

const LAW = `QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

LUẬT PHÒNG, CHỐNG THIÊN TAI

Điều 1. Phạm vi điều chỉnh
Luật này quy định về phòng, chống thiên tai; quyền và nghĩa vụ của cơ quan, tổ chức, hộ gia đình, cá nhân.

Điều 2. Trách nhiệm của Bộ Nông nghiệp
1. Tổ chức dự báo lũ, bão và cảnh báo sớm cho nhân dân vùng ven biển.
2. Hướng dẫn xây dựng nhà ở an toàn trước bão.

Điều 3. Trách nhiệm của Ủy ban nhân dân cấp xã
1. Sơ tán nhanh người dân khỏi vùng nguy hiểm.
2. Chuẩn bị lương thực cho người dân trong thời gian sơ tán.
`;

const PLAN = `ỦY BAN NHÂN DÂN XÃ TÂN HÒA
Số: 09/KH-UBND
KẾ HOẠCH
Trồng cây xanh năm 2027

I. MỤC ĐÍCH
Trồng mới 2.000 cây xanh trên các tuyến đường liên thôn.

II. NHIỆM VỤ
1. Đoàn Thanh niên xã chủ trì trồng cây dọc kênh mương.
2. Hội Nông dân xã vận động hội viên chăm sóc cây sau khi trồng.
`;

let retriever: Retriever;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vanban-fusion-'));
  mkdirSync(join(dataDir, 'docs'));
  writeFileSync(join(dataDir, 'docs', 'luat-phong-chong-thien-tai.txt'), LAW);
  writeFileSync(join(dataDir, 'docs', 'xa-tan-hoa-ke-hoach-09-trong-cay.txt'), PLAN);
  const kb = await KnowledgeBase.open({ dataDir, embeddings: new LocalHashEmbeddings(), onProgress: () => {} });
  retriever = kb.retriever();
});

async function traced(question: string): Promise<{ candidates: CandidateTrace[]; texts: string[] }> {
  let candidates: CandidateTrace[] = [];
  const passages = await retriever.retrieve(analyzeQuery(question, undefined, retriever.knows), { trace: (t) => (candidates = t) });
  return { candidates, texts: passages.map((p) => p.chunk.text) };
}

describe('rerank fusion', () => {
  it('scores each candidate as the weighted signals plus its boosts, BM25 and cosine over the best candidate’s', async () => {
    const { candidates } = await traced('Ủy ban nhân dân cấp xã có trách nhiệm sơ tán người dân khỏi vùng nguy hiểm, đúng hay sai?');
    expect(candidates.length).toBeGreaterThan(1);
    for (const c of candidates) {
      const signals = { lexical: c.lexical, dense: c.dense, fused: c.fused, sentence: c.sentence, unit: c.unit };
      let expected = 0;
      for (const key of Object.keys(RERANK_WEIGHTS) as Array<keyof typeof RERANK_WEIGHTS>) expected += RERANK_WEIGHTS[key] * signals[key];
      for (const boost of Object.values(c.boosts)) expected += boost;
      expect(c.score).toBeCloseTo(expected, 9);
      for (const v of [c.lexical, c.dense, c.fused, c.unit, c.title]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    expect(Math.max(...candidates.map((c) => c.lexical))).toBe(1);
    expect(candidates.map((c) => c.score)).toEqual([...candidates.map((c) => c.score)].sort((a, b) => b - a));
  });

  it('puts the article that answers a statement first', async () => {
    const { texts } = await traced('Ủy ban nhân dân cấp xã phải chuẩn bị lương thực cho người dân trong thời gian sơ tán, đúng hay sai?');
    expect(texts[0]).toContain('Chuẩn bị lương thực');
    const plan = await traced('Hội Nông dân xã vận động hội viên làm gì sau khi trồng cây?');
    expect(plan.texts[0]).toContain('chăm sóc cây');
  });
});

describe('section titles', () => {
  it('boosts the section whose title the question writes, by the square of the share it writes', async () => {
    const { candidates } = await traced('Trách nhiệm của Bộ Nông nghiệp gồm cảnh báo sớm cho nhân dân vùng ven biển, đúng hay sai?');
    const titled = (title: string) => candidates.find((c) => retriever.corpus.chunks[c.index]!.sectionTitle === title)!;
    const ministry = titled('Trách nhiệm của Bộ Nông nghiệp');
    const commune = titled('Trách nhiệm của Ủy ban nhân dân cấp xã');
    expect(ministry.title).toBe(1);
    // "Trách nhiệm của" is shared, the body is not.
    expect(commune.title).toBeGreaterThan(0);
    expect(commune.title).toBeLessThan(0.5);
    for (const c of [ministry, commune]) expect(c.boosts.title).toBeCloseTo(RERANK_BOOSTS.title * c.title ** 2, 12);
    expect(candidates[0]!.index).toBe(ministry.index);
  });
});

describe('query expansion', () => {
  it('does not search near spellings that clean text writes as words of their own ("nhanh" for "thanh")', async () => {
    const { candidates } = await traced('Đoàn Thanh niên chủ trì việc gì?');
    // The article saying "Sơ tán nhanh" shares no word with the question, only a near spelling: BM25 must not list it.
    const evacuation = candidates.find((c) => /Sơ tán nhanh/.test(retriever.corpus.chunks[c.index]!.text));
    expect(evacuation?.lexical ?? 0).toBe(0);
    const youth = candidates.find((c) => /Đoàn Thanh niên xã chủ trì/.test(retriever.corpus.chunks[c.index]!.text));
    expect(youth?.lexical).toBe(1);
  });
});
