/**
 * Shortcuts of the query path on large corpora must give the answers of the
 * plain computation: BM25 restricted to chunk ranges, chunk ranges of
 * documents, and the reference-number and place indexes over the document list.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLexical, writeLexical } from '../src/store/index-files.js';
import { CorpusIndex } from '../src/retrieval/corpus-index.js';
import { HEAD_SIZE, LexicalIndex } from '../src/retrieval/lexical-index.js';
import { analyzeQuery, documentsNamingPlace, namesPlaceOf, subjectType } from '../src/retrieval/query.js';
import { namedDocuments } from '../src/retrieval/retriever.js';
import { findDocRefs } from '../src/text/doc-refs.js';
import { fold } from '../src/text/fold.js';
import type { Chunk, DocumentMeta } from '../src/types.js';
import { termCorpus, termQuery as query } from './helpers/term-corpus.js';

/** Sorted half-open ranges [start, end, …] and the accept function of the same chunks. */
function ranges(pairs: Array<[number, number]>): { within: number[]; accept: (i: number) => boolean } {
  return { within: pairs.flat(), accept: (i) => pairs.some(([s, e]) => i >= s && i < e) };
}

describe('BM25 within chunk ranges', () => {
  it('returns exactly the filtered full scan (scores and tie order)', () => {
    const index = LexicalIndex.build(termCorpus(600));
    // Many small ranges (a place named by hundreds of documents) take the mask path, a few the binary-search path.
    const many = Array.from({ length: 150 }, (_, k): [number, number] => [4 * k, 4 * k + 2]);
    for (const pairs of [[[0, 1]], [[5, 40], [41, 42], [300, 600]], [[100, 101], [102, 103], [597, 600]], [[0, 600]], many] as Array<Array<[number, number]>>) {
      const { within, accept } = ranges(pairs);
      for (const limit of [1, 14, 40]) expect(index.search(query, limit, accept, within)).toEqual(index.search(query, limit, accept));
    }
    // No ranges, nothing found.
    expect(index.search(query, 10, () => false, [])).toEqual([]);
  });

  it('stays exact on long lists while the ranges are small, and reads heads only for ranges holding many chunks', () => {
    const n = 3 * HEAD_SIZE;
    const index = LexicalIndex.build(termCorpus(n));
    const few = ranges([[10, 60], [2000, 2100], [n - 30, n]]);
    expect(index.search(query, 14, few.accept, few.within)).toEqual(index.search(query, 14, few.accept));
    // Two thirds of the corpus: "common" and "half" are read from their heads, the rest exactly.
    const many = ranges([[0, 2 * HEAD_SIZE]]);
    const pruned = index.search(query, 14, many.accept, many.within);
    const exact = index.search(query, 14, many.accept);
    expect(pruned.every((h) => many.accept(h.index))).toBe(true);
    for (const hit of pruned) {
      const full = exact.find((h) => h.index === hit.index)?.score;
      if (full !== undefined) expect(hit.score).toBeLessThanOrEqual(full + 1e-12);
    }
    index.headSize = Infinity;
    expect(index.search(query, 14, many.accept, many.within)).toEqual(exact);
  });
});

const chunk = (docId: string, i: number): Chunk =>
  ({ id: `${docId}#${i}`, docId, source: `${docId}.txt`, section: String(i), sectionTitle: '', headings: [], text: 'x', sentences: [], ocr: false }) as Chunk;

describe('chunk ranges of documents and sources', () => {
  it('lists each document as its runs of chunks, sorted', () => {
    const chunks = [chunk('a', 0), chunk('a', 1), chunk('b', 0), chunk('c', 0), chunk('a', 2), chunk('b', 1), chunk('b', 2)];
    const index = new CorpusIndex([], chunks, LexicalIndex.build(chunks.map(() => ['x'])), { search: async () => [] }, '');
    expect(index.chunkRanges(['a'])).toEqual([0, 2, 4, 5]);
    expect(index.chunkRanges(['b', 'a'])).toEqual([0, 2, 2, 3, 4, 5, 5, 7]);
    expect(index.chunkRanges(['c.txt'], 'source')).toEqual([3, 4]);
    expect(index.chunkRanges(['zzz'])).toEqual([]);
  });
});

/** The plain loops the indexed lookups replace (retriever.ts and query.ts before). */
function namedNaive(question: string, documents: DocumentMeta[]): Set<string> {
  const analysis = analyzeQuery(question);
  const refKeys = new Set(analysis.refs.flatMap((r) => [r.full, r.short]).filter(Boolean) as string[]);
  const named = new Set<string>();
  if (!refKeys.size) return named;
  const own = (m: DocumentMeta) => {
    const r = m.docNumber ? findDocRefs(m.docNumber)[0] : undefined;
    return r ? ([r.full, r.short].filter(Boolean) as string[]) : [];
  };
  for (const meta of documents) if (own(meta).some((k) => refKeys.has(k))) named.add(meta.id);
  const subject = subjectType(question);
  const ofSubject = (m: DocumentMeta) => !!m.docType && fold(m.docType) === subject;
  if (subject && !documents.some((m) => named.has(m.id) && ofSubject(m))) {
    const implementing = documents.filter((m) => ofSubject(m) && findDocRefs(m.title).some((r) => refKeys.has(r.full!) || refKeys.has(r.short)));
    if (implementing.length) return new Set(implementing.map((m) => m.id));
  }
  return named;
}

describe('document lookups by number and place', () => {
  const doc = (id: string, docType: string, docNumber: string, title: string, place?: string, issuer?: string): DocumentMeta =>
    ({ id, source: `${id}.txt`, docType, docNumber, title, place, issuer, references: [] }) as unknown as DocumentMeta;
  const documents: DocumentMeta[] = [];
  for (let copy = 0; copy < 40; copy++) {
    documents.push(
      doc(`kh22-${copy}`, 'Kế hoạch', `${22 + 100 * copy}-KH/TU`, `Kế hoạch triển khai Kết luận số 226-KL/TW`, copy % 2 ? 'Sơn La' : 'Điện Biên', 'Tỉnh ủy Sơn La'),
      doc(`hd-${copy}`, 'Hướng dẫn', `${7 + copy}-HD/BTGDVTU`, `Hướng dẫn thực hiện Kế hoạch số ${22 + 100 * copy}-KH/TU`, undefined, 'Ban Tuyên giáo và Dân vận Huyện ủy Tam Đường'),
      doc(`kl-${copy}`, 'Kết luận', `${226 + copy}-KL/TW`, 'Kết luận của Bộ Chính trị', undefined, 'Ban Chấp hành Trung ương'),
    );
  }
  const questions = [
    'Kế hoạch 22-KH/TU giao nhiệm vụ gì?',
    'Hướng dẫn triển khai Kế hoạch 122-KH/TU có mấy hình thức?',
    'Kết luận 226-KL/TW nói gì?',
    'Kế hoạch 999-KH/TU là gì?',
    'Hướng dẫn số 9-HD/BTGDVTU ký ngày nào?',
    'Sơn La tuyên truyền thế nào?',
    'Huyện Tam Đường và Điện Biên làm gì?',
    'Hội nghị không quá bao nhiêu phút?',
  ];

  it('names the same documents as reading every one', () => {
    for (const question of questions) {
      const analysis = analyzeQuery(question);
      expect([...namedDocuments(analysis, documents)], question).toEqual([...namedNaive(question, documents)]);
      expect(documentsNamingPlace(analysis, documents), question).toEqual(documents.filter((m) => namesPlaceOf(analysis, m)));
    }
    expect(documentsNamingPlace(analyzeQuery('Sơn La tuyên truyền thế nào?'), documents).length).toBe(40);
    // Kept per set of place names written: a caller changing its copy changes nothing for the next question.
    documentsNamingPlace(analyzeQuery('Sơn La tuyên truyền thế nào?'), documents).pop();
    expect(documentsNamingPlace(analyzeQuery('Kế hoạch của Sơn La?'), documents).length).toBe(40);
  });
});

describe('BM25 heads stored at build (index format 5)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-heads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const built = LexicalIndex.build(termCorpus(3 * HEAD_SIZE));

  it('reads back the heads search would select, and searches the same', async () => {
    await writeLexical(dir, built.toJSON());
    const read = await readLexical(dir);
    expect(read.heads?.size).toBe(HEAD_SIZE);
    // "common", "half" and the fillers in most chunks are long lists; "mid" and "rare" are not.
    const lazy = built.headsOf();
    expect(Object.keys(read.heads!.lists).sort()).toEqual(Object.keys(lazy).sort());
    expect(Object.keys(lazy)).toContain('common');
    expect(Object.keys(lazy)).not.toContain('mid');
    for (const term of Object.keys(lazy)) expect(Array.from(read.heads!.lists[term]!)).toEqual(Array.from(lazy[term]!));
    const loaded = LexicalIndex.fromJSON(read);
    expect(loaded.search(query, 40)).toEqual(built.search(query, 40));
    loaded.headSize = Infinity;
    built.headSize = Infinity;
    expect(loaded.search(query, 40)).toEqual(built.search(query, 40));
    built.headSize = HEAD_SIZE;
  });

  it('reads a format 4 build (no heads file) and says clearly when the heads file is damaged', async () => {
    await writeLexical(dir, built.toJSON());
    unlinkSync(join(dir, 'lexical-heads.bin'));
    const old = await readLexical(dir);
    expect(old.heads).toBeUndefined();
    expect(LexicalIndex.fromJSON(old).search(query, 40)).toEqual(built.search(query, 40));
    writeFileSync(join(dir, 'lexical-heads.bin'), new Uint8Array(new Int32Array([HEAD_SIZE, 5, 1, 2]).buffer));
    await expect(readLexical(dir)).rejects.toThrow(/lexical-heads\.bin/);
  });
});
