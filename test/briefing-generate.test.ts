import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchKey } from '../ingest/clean.js';
import { BriefingService } from '../src/briefing/generate.js';
import { isNearDuplicate, syllableSet } from '../src/briefing/select.js';
import type { NodeRuntime } from '../src/node.js';
import { corpusDir, testRuntime } from './helpers/runtime.js';

let runtime: NodeRuntime;
let service: BriefingService;
beforeAll(async () => {
  runtime = await testRuntime();
  service = new BriefingService({ library: runtime.kb, assistant: runtime.assistant });
});

const MINIMUM: Record<string, number> = {
  'dien-bien-ke-hoach-22-kh-tu.txt': 8,
  'dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt': 8,
  'dang-uy-phuong-ke-hoach-67-kh-du.txt': 10,
  'son-la-ke-hoach-121-kh-btgtu.txt': 8,
  'tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt': 10,
};

describe('briefing generation for each document', { timeout: 120_000 }, () => {
  it.each(Object.entries(MINIMUM))('%s: enough items, verbatim, cited, round trip passing, in order', async (source, minimum) => {
    const set = await service.generate({ source, count: 50 });
    expect(set.items.length).toBeGreaterThanOrEqual(minimum);
    const file = matchKey(readFileSync(join(corpusDir, source), 'utf8'));
    const chunks = runtime.kb.chunksOf(source.replace(/\.txt$/, ''));
    let lastChunk = -1;
    for (const item of set.items) {
      expect(item.question).toMatch(/\?$/);
      expect(item.question).toMatch(/[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ]/i);
      expect(file).toContain(matchKey(item.answer));
      expect(item.roundTrip).toBe(true);
      const [citation] = item.citations;
      expect(citation).toMatchObject({ n: 1, source, section: item.section });
      expect(file).toContain(matchKey(citation!.quote));
      expect(matchKey(citation!.quote)).toContain(matchKey(item.answer));
      // Ordered by section: each item's chunk comes at or after the previous one's.
      const index = chunks.findIndex((c, i) => i >= lastChunk && c.section === item.section && c.text.includes(item.answer));
      expect(index).toBeGreaterThanOrEqual(lastChunk);
      lastChunk = index;
    }
    const keys = set.items.map((i) => ({ q: syllableSet(i.question), a: syllableSet(i.answer) }));
    keys.forEach((k, i) => keys.slice(i + 1).forEach((other) => expect(isNearDuplicate(k, other)).toBe(false)));
    // Sections are covered, not just the first one.
    expect(new Set(set.items.map((i) => i.section.split('.')[0])).size).toBeGreaterThanOrEqual(2);
  });

  it('asks the canonical question of Kế hoạch 22-KH/TU and answers it with the verbatim clause', async () => {
    const set = await service.generate({ source: 'dien-bien-ke-hoach-22-kh-tu.txt', count: 50 });
    // The question's words are read (as answers are) from the clean documents and the shipped syllable model ("két luén" → "kết luận").
    const item = set.items.find((i) => /kết luận.*không quá bao nhiêu phút\?$/i.test(i.question));
    expect(item?.question).toMatch(/^(Phát biểu )?kết luận tại hội nghị không quá bao nhiêu phút\?$/i);
    expect(item?.answer).toContain('két luén khong qua 50 phut');
    expect(item?.citations[0]).toMatchObject({ section: 'II.2.3.b', docNumber: '22-KH/TU', issuer: 'Ban Thường vụ Tỉnh ủy Điện Biên', date: '2026-01-16', ocr: true });
    expect(item?.ocr).toBe(true);
    expect(set.items.some((i) => i.kind === 'limit')).toBe(true);
    expect(set.items.some((i) => i.kind === 'prohibition')).toBe(true);
  });

  it('covers sections in proportion when asked for few items', async () => {
    const set = await service.generate({ source: 'dang-uy-phuong-ke-hoach-67-kh-du.txt', count: 6 });
    expect(set.items).toHaveLength(6);
    expect(new Set(set.items.map((i) => i.section.split('.')[0])).size).toBeGreaterThanOrEqual(3);
  });

  it('builds a set for a topic across documents', async () => {
    const set = await service.generate({ topic: 'thời lượng hội nghị', count: 10 });
    expect(set.items.length).toBeGreaterThan(0);
    expect(set.title).toContain('thời lượng hội nghị');
    expect(set.items.some((i) => i.citations[0]!.source === 'dien-bien-ke-hoach-22-kh-tu.txt')).toBe(true);
  });

  it('keeps round-trip failures flagged when asked (review page)', async () => {
    const kept = await service.generate({ source: 'son-la-ke-hoach-121-kh-btgtu.txt', count: 50, keepFailures: true });
    const dropped = await service.generate({ source: 'son-la-ke-hoach-121-kh-btgtu.txt', count: 50 });
    expect(kept.items.every((i) => typeof i.roundTrip === 'boolean')).toBe(true);
    expect(dropped.items.every((i) => i.roundTrip === true)).toBe(true);
    expect(kept.items.length).toBeGreaterThanOrEqual(dropped.items.length);
  });
});
