/**
 * OCR chunks carry their reading's changed words as alias terms ("ly>iy"): not
 * searched, not counted in chunk lengths, but offered by nearTerms so that
 * sentence scoring finds "xử lý hồ sơ" in the scan "Xit Iy hd so" (two-letter
 * syllables included), always below an exact match.
 */
import { describe, expect, it } from 'vitest';
import { chunkTerms, readingAliases, readingTerms } from '../ingest/build-index.js';
import { ALIAS, LexicalIndex } from '../src/retrieval/lexical-index.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { scoreSentence } from '../src/retrieval/sentence-score.js';
import type { Chunk } from '../src/types.js';
import { loadSyllableReader } from '../src/text/reading-model.js';

const CLEAN = ['Tỷ lệ xử lý hồ sơ, thủ tục hành chính trên môi trường số đạt từ 95% trở lên.', 'Ban Bí thư chỉ đạo tinh giản hội nghị.'];
const OCR_TEXT = 'Ty 1€ xir Iy hd so, thu tuc hanh chinh trén moi trudng s6 dat tir 95% tré 18n.';

const { reader } = loadSyllableReader(CLEAN);

/** A chunk as the build leaves it: an OCR chunk carries its reading. */
function chunk(text: string, ocr: boolean, n = 0): Chunk {
  return { id: `d#${n}`, docId: 'd', source: 'd.txt', section: '1', sectionTitle: '', headings: [], text, sentences: [{ start: 0, end: text.length }], ocr, ...(ocr ? { reading: reader.read(text).text } : {}) };
}

describe('readings of OCR chunks in search', () => {
  it('notes each word the reading changed, only for OCR chunks', () => {
    const aliases = readingAliases(chunk(OCR_TEXT, true));
    expect(aliases).toContain(`li${ALIAS}iy`);
    expect(aliases).toContain(`ho${ALIAS}hd`);
    // Words read as written ("thu", "tuc") add nothing.
    expect(aliases.some((a) => a.endsWith(`${ALIAS}thu`) || a.endsWith(`${ALIAS}tuc`))).toBe(false);
    expect(readingAliases(chunk(OCR_TEXT, false))).toEqual([]);
    expect(readingAliases({ ...chunk(OCR_TEXT, true), reading: undefined })).toEqual([]);
    // A reading that does not match the text word for word gives no aliases.
    expect(readingAliases({ ...chunk(OCR_TEXT, true), reading: 'Tỷ lệ' })).toEqual([]);
  });

  it('offers the OCR spellings as near terms without changing lengths or search', () => {
    const ocr = chunk(OCR_TEXT, true, 0);
    const other = chunk('Hồ sơ lưu trữ tại văn phòng.', false, 1);
    const plain = LexicalIndex.build([ocr, other].map(chunkTerms));
    const noted = LexicalIndex.build([ocr, other].map((c) => [...chunkTerms(c), ...readingAliases(c)]));
    expect(noted.toJSON().docLengths).toEqual(plain.toJSON().docLengths);
    expect(noted.nearTerms('li')).toContain('iy');
    expect(plain.nearTerms('li')).toEqual([]);
    const query = [{ term: 'ho', weight: 1 }, { term: 'so', weight: 1 }];
    expect(noted.search(query, 5)).toEqual(plain.search(query, 5));
  });

  it('matches a two-letter term in OCR text at OCR strength, never as exact', () => {
    const ocr = chunk(OCR_TEXT, true);
    const index = LexicalIndex.build([ocr].map((c) => [...chunkTerms(c), ...readingAliases(c)]));
    const analysis = analyzeQuery('Tỷ lệ xử lý hồ sơ trên môi trường số phải đạt bao nhiêu?');
    const idf = () => 1;
    const near = (term: string) => index.nearTerms(term);
    const withAliases = scoreSentence(OCR_TEXT, analysis, idf, { fuzzy: true, near });
    const without = scoreSentence(OCR_TEXT, analysis, idf, { fuzzy: true, near: (term) => near(term).filter((w) => !['iy'].includes(w)) });
    expect(withAliases.coverage).toBeGreaterThan(without.coverage);
    expect(withAliases.coverage).toBeLessThan(1);
    // Clean text is never matched through aliases (no fuzzy matching there).
    expect(scoreSentence(OCR_TEXT, analysis, idf, { near }).coverage).toBeLessThan(withAliases.coverage);
  });

  it('searches an OCR chunk by its reading too, beside what it writes', () => {
    const ocr = chunk(OCR_TEXT, true, 0);
    const other = chunk('Hồ sơ lưu trữ tại văn phòng.', false, 1);
    const read = readingTerms(ocr);
    // "hd so" is read "hồ sơ": the word and the pair become searchable; what the scan writes stays ("so").
    expect(read).toEqual(expect.arrayContaining(['ho', 'ho_so', 'li']));
    expect(read).not.toContain('so');
    expect(readingTerms(chunk(OCR_TEXT, false))).toEqual([]);
    const index = LexicalIndex.build([ocr, other].map((c) => [...chunkTerms(c), ...readingTerms(c)]));
    const plain = LexicalIndex.build([ocr, other].map(chunkTerms));
    const query = [{ term: 'xu', weight: 1 }, { term: 'li', weight: 1 }, { term: 'ho_so', weight: 1 }];
    expect(plain.search(query, 5).map((h) => h.index)).toEqual([1]);
    expect(index.search(query, 5)[0]!.index).toBe(0);
  });
});
