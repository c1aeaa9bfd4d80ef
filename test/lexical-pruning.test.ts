/**
 * BM25 top-k pruning (LexicalIndex.searchPruned) must return exactly what the
 * full scan returns: same documents, same scores to the bit, same tie order.
 */
import { expect, test } from 'vitest';
import { LexicalIndex, type WeightedTerm } from '../src/retrieval/lexical-index.js';

function fullScan(index: LexicalIndex, query: WeightedTerm[], limit: number, accept?: (i: number) => boolean) {
  const { k1, b, docLengths, postings } = index.toJSON();
  const avg = docLengths.reduce((a, n) => a + n, 0) / docLengths.length;
  const norms = Float64Array.from(docLengths, (len) => k1 * (1 - b + (b * len) / avg));
  const scores = new Float64Array(docLengths.length);
  const touched: number[] = [];
  for (const { term, weight } of query) {
    const list = postings[term];
    if (!list) continue;
    const idf = index.idf(term) * weight * (k1 + 1);
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i]!;
      const tf = list[i + 1]!;
      if (scores[doc] === 0) touched.push(doc);
      scores[doc] = scores[doc]! + (idf * tf) / (tf + norms[doc]!);
    }
  }
  const ranked = touched.filter((i) => !accept || accept(i)).map((index, order) => ({ index, score: scores[index]!, order }));
  ranked.sort((x, y) => y.score - x.score || x.order - y.order);
  return ranked.slice(0, limit).map(({ index, score }) => ({ index, score }));
}

test('pruned BM25 search equals the full scan on a large skewed corpus', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `t${i}`);
  // Zipf-like: a few very common terms, a long tail; duplicated documents create exact score ties.
  const pick = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  const docs: string[][] = [];
  for (let d = 0; d < 8000; d++) docs.push(d % 10 === 9 ? docs[d - 5]! : Array.from({ length: 20 + Math.floor(random() * 60) }, pick));
  const index = LexicalIndex.build(docs);
  let pruned = 0;
  for (let q = 0; q < 150; q++) {
    const query = Array.from({ length: 3 + (q % 12) }, (_, i) => ({ term: i % 4 === 0 ? vocabulary[Math.floor(random() * 3000)]! : pick(), weight: i % 3 === 2 ? 0.5 : 1 }));
    const accept = q % 4 === 0 ? (i: number) => i % 3 !== 0 : undefined;
    for (const limit of [1, 8, 40]) {
      expect(index.search(query, limit, accept)).toEqual(fullScan(index, query, limit, accept));
      if ((index as unknown as { searchPruned: (...a: unknown[]) => unknown }).searchPruned(query, limit, accept)) pruned++;
    }
  }
  expect(pruned).toBeGreaterThan(50); // the pruned path really ran
});
