/**
 * Units of retrieval: a section split into chunks for length (an article cut at its clauses) is one unit
 * (CorpusIndex.units), and BM25 can score such a unit as one text (LexicalIndex.groupScores).
 */
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../src/retrieval/corpus-index.js';
import { LexicalIndex } from '../src/retrieval/lexical-index.js';
import { searchTerms } from '../src/text/tokens.js';
import type { Chunk } from '../src/types.js';

const chunk = (n: number, docId: string, section: string, sectionTitle: string, text: string, headingOnly = false): Chunk => ({
  id: `${docId}#${n}`,
  docId,
  source: `${docId}.txt`,
  section,
  sectionTitle,
  headings: [],
  text,
  sentences: [],
  ocr: false,
  ...(headingOnly ? { headingOnly } : {}),
});

describe('CorpusIndex.units', () => {
  it('joins the parts of one split section and nothing else', () => {
    const chunks = [
      chunk(0, 'luat', '5', 'Quyền của viên chức', 'Điều 5. Quyền của viên chức\n1. Được đào tạo.'),
      chunk(1, 'luat', '5.3', 'Quyền của viên chức', '3. Được nghỉ phép năm.'),
      chunk(2, 'luat', '55', 'Khen thưởng', 'Điều 55. Khen thưởng\nViên chức có thành tích được khen thưởng.'),
      chunk(3, 'ke-hoach', 'II', 'NHIỆM VỤ', 'II. NHIỆM VỤ', true),
      chunk(4, 'ke-hoach', 'II.1', 'Tuyên truyền', '1. Tuyên truyền trên loa.'),
      chunk(5, 'ke-hoach', 'II.1', 'Tuyên truyền', 'Tuyên truyền trên mạng xã hội.'),
      chunk(6, 'khac', 'II.1', 'Tuyên truyền', 'Một văn bản khác.'),
    ];
    const index = new CorpusIndex([], chunks, LexicalIndex.build(chunks.map((c) => searchTerms(c.text))), { search: async () => [] }, '');
    const { start, end, count } = index.units();
    expect([...start]).toEqual([0, 0, 2, 3, 4, 4, 6]);
    expect([...end]).toEqual([2, 2, 3, 4, 6, 6, 7]);
    // The heading-only "II. NHIỆM VỤ" has no searchable text.
    expect(count).toBe(4);
  });
});

describe('LexicalIndex.groupScores', () => {
  const texts = ['nghỉ phép năm của viên chức', 'được hưởng nguyên lương', 'viên chức được khen thưởng', 'hợp đồng làm việc'];
  const index = LexicalIndex.build(texts.map((t) => searchTerms(t, { accented: false })));
  const query = searchTerms('viên chức nghỉ phép năm được hưởng nguyên lương', { accented: false }).map((term) => ({ term, weight: 1 }));
  const avgLength = index.totalLength / texts.length;

  it('scores a one-chunk group as BM25 scores the chunk', () => {
    const hits = index.search(query, 10);
    const groups: Array<[number, number]> = hits.map((h) => [h.index, h.index + 1]);
    const scores = index.groupScores(query, groups, avgLength);
    hits.forEach((h, g) => expect(scores[g]).toBeCloseTo(h.score, 9));
  });

  it('scores an article split in two as one text: above either part', () => {
    const [whole, first, second] = index.groupScores(query, [[0, 2], [0, 1], [1, 2]], avgLength);
    expect(whole).toBeGreaterThan(first!);
    expect(whole).toBeGreaterThan(second!);
    expect(index.groupScores(query, [[3, 4]], avgLength)[0]).toBe(0);
  });
});

describe('LexicalIndex.scoresOf', () => {
  // A heading-only chunk (no terms) counts in neither the mean length nor the idf, as in search.
  const texts = ['nghỉ phép năm của viên chức', '', 'được hưởng nguyên lương', 'viên chức được khen thưởng', 'hợp đồng làm việc'];
  const index = LexicalIndex.build(texts.map((t) => searchTerms(t, { accented: false })));
  const query = searchTerms('viên chức được hưởng lương', { accented: false }).map((term) => ({ term, weight: 1 }));

  it('gives each chunk the score search gives it, whether or not it is within the limit asked', () => {
    const all = index.search(query, 10);
    const last = all[all.length - 1]!;
    expect(index.search(query, 1).some((h) => h.index === last.index)).toBe(false);
    const scores = index.scoresOf(query, all.map((h) => h.index));
    all.forEach((h, k) => expect(scores[k]).toBeCloseTo(h.score, 9));
    expect(index.scoresOf(query, [4])[0]).toBe(0);
  });
});
