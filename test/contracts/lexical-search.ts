/**
 * What any LexicalSearch must do, run against each adapter (in-memory BM25 on
 * Node, FTS5 for D1) over the real corpus.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/retrieval/query.js';
import type { LexicalSearch } from '../../src/retrieval/ports.js';
import type { Chunk } from '../../src/types.js';

export interface LexicalFixture {
  search: LexicalSearch;
  chunks: Chunk[];
}

export function lexicalSearchContract(name: string, setup: () => Promise<LexicalFixture>): void {
  describe(`LexicalSearch contract: ${name}`, () => {
    let fx: LexicalFixture;
    const get = async () => (fx ??= await setup());

    it('ranks the KH 22 conclusion-speech section first for the canonical question', async () => {
      const { search, chunks } = await get();
      const hits = await search.search(analyzeQuery('Phát biểu kết luận hội nghị không quá bao nhiêu phút?').terms, 10);
      expect(hits.length).toBe(10);
      const sources = hits.slice(0, 3).map((h) => `${chunks[h.index]!.source} ${chunks[h.index]!.section}`);
      expect(sources).toContain('dien-bien-ke-hoach-22-kh-tu.txt II.2.3.b');
    });

    it('returns positive scores in descending order, within the limit', async () => {
      const { search } = await get();
      const hits = await search.search(analyzeQuery('tuyên truyền kết quả hội nghị trung ương').terms, 7);
      expect(hits.length).toBe(7);
      for (const hit of hits) expect(hit.score).toBeGreaterThan(0);
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    });

    it('honours the accept filter', async () => {
      const { search, chunks } = await get();
      const accept = (i: number) => chunks[i]!.source === 'son-la-ke-hoach-121-kh-btgtu.txt';
      const hits = await search.search(analyzeQuery('tuyên truyền hội nghị').terms, 50, accept);
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(chunks[hit.index]!.source).toBe('son-la-ke-hoach-121-kh-btgtu.txt');
    });

    it('finds nothing for terms no chunk has, and weights scale scores', async () => {
      const { search } = await get();
      expect(await search.search([{ term: 'zzqxj', weight: 1 }], 5)).toEqual([]);
      const [one] = await search.search([{ term: 'phut', weight: 1 }], 1);
      const [two] = await search.search([{ term: 'phut', weight: 2 }], 1);
      expect(two!.index).toBe(one!.index);
      expect(two!.score).toBeCloseTo(one!.score * 2, 9);
    });

    it('gives rarer terms a higher idf, never negative', async () => {
      const { search } = await get();
      expect(search.idf('phut')).toBeGreaterThan(search.idf('va'));
      expect(search.idf('va')).toBeGreaterThanOrEqual(0);
      expect(search.idf('zzqxj')).toBeGreaterThan(search.idf('phut'));
    });

    it('suggests indexed OCR variants within one edit, only for longer words', async () => {
      const { search } = await get();
      const variants = search.similarTerms('luan');
      expect(variants.length).toBeGreaterThan(0);
      for (const v of variants) expect(v).not.toBe('luan');
      expect(search.similarTerms('va')).toEqual([]);
    });
  });
}
