/**
 * Serving reads BM25 postings and heads from lexical.bin / lexical-heads.bin on
 * demand (openLexical): it must search exactly as the index read whole, with
 * heads, exact, filtered and over chunk ranges, and fail clearly on a damaged file.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAD_SIZE, LexicalIndex } from '../src/retrieval/lexical-index.js';
import { openLexical, readLexical, writeLexical } from '../src/store/index-files.js';
import { termCorpus, termQuery } from './helpers/term-corpus.js';

/** The shared query and a term no chunk has. */
const query = [...termQuery, { term: 'absent', weight: 1 }];

describe('BM25 postings read on demand', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-lazy-lexical-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const n = 3 * HEAD_SIZE;
  const built = LexicalIndex.build(termCorpus(n));

  it('searches, weighs terms and lists them like the index read whole', async () => {
    await writeLexical(dir, built.toJSON());
    const whole = LexicalIndex.fromJSON(await readLexical(dir));
    const lazy = await openLexical(dir);
    expect(lazy.size).toBe(n);
    for (const term of ['common', 'half', 'mid', 'rare', 'absent']) {
      expect(lazy.idf(term)).toBe(whole.idf(term));
      expect(lazy.documentFrequency(term)).toBe(whole.documentFrequency(term));
    }
    expect(lazy.search(query, 40)).toEqual(whole.search(query, 40));
    expect(lazy.search(query, 40)).toEqual(built.search(query, 40));
    // Filtered (exact), and over chunk ranges.
    const accept = (i: number) => i % 3 !== 0;
    expect(lazy.search(query, 25, accept)).toEqual(whole.search(query, 25, accept));
    const within = [10, 500, 2000, 2100, 4000, n];
    const inRanges = (i: number) => (i >= 10 && i < 500) || (i >= 2000 && i < 2100) || i >= 4000;
    expect(lazy.search(query, 25, inRanges, within)).toEqual(whole.search(query, 25, inRanges, within));
    // Exact scan, and a head size other than the stored one (computed from the full list).
    for (const size of [Infinity, HEAD_SIZE / 2]) {
      lazy.headSize = size;
      whole.headSize = size;
      expect(lazy.search(query, 40)).toEqual(whole.search(query, 40));
    }
    expect(lazy.toJSON().postings.common).toEqual(Int32Array.from(whole.toJSON().postings.common!));
  });

  it('opens a format 4 build (no heads file) and says clearly when a file is damaged', async () => {
    await writeLexical(dir, built.toJSON());
    unlinkSync(join(dir, 'lexical-heads.bin'));
    expect((await openLexical(dir)).search(query, 40)).toEqual(built.search(query, 40));
    writeFileSync(join(dir, 'lexical-heads.bin'), new Uint8Array(new Int32Array([HEAD_SIZE, 5, 1, 2]).buffer));
    await expect(openLexical(dir)).rejects.toThrow(/lexical-heads\.bin/);
    writeFileSync(join(dir, 'lexical.bin'), new Uint8Array(new Int32Array([n, 3]).buffer));
    await expect(openLexical(dir)).rejects.toThrow(/lexical\.bin/);
  });
});
