/**
 * What keeps large corpora fast: BM25 over impact-ordered heads of long
 * posting lists, capped OCR expansion, and the on-demand text store (index
 * format 3). Small corpora must score exactly as the full scan does.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAD_SIZE, LexicalIndex } from '../src/retrieval/lexical-index.js';
import { readTextStore, writeTextStore } from '../src/store/text-store.js';
import type { StoredDocument } from '../src/store/index-files.js';
import type { Chunk, DocumentMeta } from '../src/types.js';

/** `n` chunks: "common" in every one (tf and length vary), "rare" in every 97th, "luan" in a few. */
function corpus(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const terms = Array.from({ length: 1 + (i % 5) }, () => 'common');
    for (let k = 0; k < 3 + ((i * 7) % 11); k++) terms.push(`filler${k}`);
    if (i % 97 === 0) terms.push('rare');
    if (i % 400 === 3) terms.push('luan');
    if (i % 2 === 0) terms.push('luen');
    return terms;
  });
}

/** The head size of the first builds (HEAD_SIZE is larger now): the shape of these corpora fits it. */
const HEAD = 2048;

describe('BM25 heads', () => {

  it('scores a small corpus exactly (every list shorter than a head)', () => {
    const index = LexicalIndex.build(corpus(500));
    const query = [{ term: 'common', weight: 1 }, { term: 'rare', weight: 1 }];
    const pruned = index.search(query, 20);
    index.headSize = Infinity;
    expect(index.search(query, 20)).toEqual(pruned);
  });

  it('on a long list scans the head: the best chunks by term weight, rare terms still exact', () => {
    // A small head size keeps the corpus small; the rule does not depend on the size.
    const n = 3 * HEAD;
    const index = LexicalIndex.build(corpus(n));
    index.headSize = HEAD;
    const query = [{ term: 'common', weight: 1 }, { term: 'rare', weight: 1 }];
    const pruned = index.search(query, 10);
    index.headSize = Infinity;
    const exact = index.search(query, 10);
    // Every chunk with "rare" is found: the same top chunks, each missing at most the small
    // weight of the common term where that chunk is beyond the term's head.
    expect(pruned.map((h) => h.index).sort()).toEqual(exact.map((h) => h.index).sort());
    for (const hit of pruned) {
      const full = exact.find((h) => h.index === hit.index)!.score;
      expect(hit.score).toBeLessThanOrEqual(full + 1e-12);
      expect(hit.score).toBeCloseTo(full, 3);
    }
    // A query on the common term alone returns the chunks where it weighs most.
    index.headSize = HEAD;
    const common = index.search([{ term: 'common', weight: 1 }], 5);
    index.headSize = Infinity;
    expect(common.map((h) => h.score)).toEqual(index.search([{ term: 'common', weight: 1 }], 5).map((h) => h.score));
  });

  it('a filtered search stays exact', () => {
    const index = LexicalIndex.build(corpus(3 * HEAD));
    index.headSize = HEAD;
    const accept = (i: number) => i % 3 === 1;
    const query = [{ term: 'common', weight: 1 }];
    const pruned = index.search(query, 10, accept);
    index.headSize = Infinity;
    expect(pruned).toEqual(index.search(query, 10, accept));
  });

  it('expands to OCR variants unless a variant is a common word of a large corpus', () => {
    expect(LexicalIndex.build(corpus(500)).similarTerms('luan')).toContain('luen');
    // "luen" is in half of 4000 chunks: above both the floor (1000) and a hundredth of the corpus.
    expect(LexicalIndex.build(corpus(4000)).similarTerms('luan')).not.toContain('luen');
    expect(LexicalIndex.build(corpus(4000)).similarTerms('luen')).toContain('luan');
  });
});

describe('text store (index format 3+)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-text-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const meta = (id: string): DocumentMeta => ({ id, source: `${id}.txt`, title: `Tiêu đề ${id}` }) as DocumentMeta;
  const documents: StoredDocument[] = [
    { meta: { ...meta('a'), outline: [{ path: 'I', title: 'MỤC ĐÍCH, YÊU CẦU', level: 1 }] }, text: 'Văn bản A: Điều 1. Hội nghị không quá 50 phút.\nĐiều 2. …' },
    { meta: meta('b'), text: '' },
    { meta: meta('c'), text: 'Kế hoạch số 22-KH/TU 🙂 tiếng Việt có dấu' },
  ];
  const chunks: Chunk[] = [
    { id: 'a#0', docId: 'a', source: 'a.txt', section: '1', sectionTitle: 'Điều 1', headings: ['Chương I', 'Mục 1'], text: 'Hội nghị không quá 50 phút.', sentences: [{ start: 0, end: 27 }], ocr: false },
    { id: 'a#1', docId: 'a', source: 'a.txt', section: '2', sectionTitle: 'Điều 2', headings: ['Chương I', 'Mục 1'], text: '…', sentences: [], ocr: false },
    { id: 'c#0', docId: 'c', source: 'c.txt', section: '', sectionTitle: 'Déi méi', sectionDisplay: 'Đổi mới', headings: [], text: 'Kế hoạch số 22-KH/TU 🙂', sentences: [{ start: 0, end: 11 }, { start: 12, end: 22 }], ocr: true },
  ];

  it('reads back the same documents and chunks (and the same JSON)', async () => {
    await writeTextStore(dir, documents, chunks);
    const read = await readTextStore(dir);
    expect(JSON.parse(JSON.stringify(read.documents))).toEqual(documents);
    expect(JSON.parse(JSON.stringify(read.chunks))).toEqual(chunks);
    expect(read.chunks[2]!.text).toBe('Kế hoạch số 22-KH/TU 🙂');
    expect(read.documents[2]!.text).toBe(documents[2]!.text);
    expect(read.chunks[0]!.headings).toEqual(['Chương I', 'Mục 1']);
    expect(read.chunks[1]!.sentences).toEqual([]);
    expect(read.chunks[2]!.sectionDisplay).toBe('Đổi mới');
    expect(read.chunks[0]!.sectionDisplay).toBeUndefined();
    // Outlines are read on first use, and look like a plain field to spreading and destructuring.
    expect(readFileSync(join(dir, 'documents.json'), 'utf8')).not.toContain('MỤC ĐÍCH');
    const { outline, ...rest } = read.documents[0]!.meta;
    expect(outline).toEqual([{ path: 'I', title: 'MỤC ĐÍCH, YÊU CẦU', level: 1 }]);
    expect(rest.title).toBe('Tiêu đề a');
    expect({ ...read.documents[0]!.meta }.outline).toBe(outline);
    // Texts are not in the JSON files: they are read from texts.bin on demand.
    expect(readFileSync(join(dir, 'chunks.json'), 'utf8')).not.toContain('50 phút');
  });
});
