/**
 * A quote runs on over the next sentence of its paragraph when that one carries it on: when it points back at it,
 * or writes a part of the question the quoted sentence does not. Invented text; real sentence splitting and tokens.
 */
import { describe, expect, it } from 'vitest';
import { ADDED_SHARE, continuationEnd } from '../src/answer/continuation.js';
import { tokenizeSentence } from '../src/retrieval/sentence-score.js';
import { sentenceSpans } from '../src/text/sentences.js';
import type { Chunk } from '../src/types.js';

function chunkOf(text: string, ocr = false): Chunk {
  return { id: 'd#0', docId: 'd', source: 'd.txt', section: '1', sectionTitle: '', headings: [], text, sentences: sentenceSpans(text), ocr };
}

const quoted = (chunk: Chunk, index: number, end: number) => chunk.text.slice(chunk.sentences[index]!.start, end);

function endOf(chunk: Chunk, index: number, added: number, maxChars = 600, subject = false): number {
  const sentences = chunk.sentences.map((s) => tokenizeSentence(chunk.text.slice(s.start, s.end)));
  return continuationEnd(chunk, sentences, index, chunk.sentences[index]!.end, { added: () => added, opensWithSubject: () => subject }, maxChars);
}

describe('continuationEnd', () => {
  const paragraph = 'Các thôn rà soát danh sách hộ nghèo trên địa bàn. Đây là căn cứ để xã cấp thẻ bảo hiểm y tế.';

  it('runs on over a sentence that points back at the quoted one', () => {
    const chunk = chunkOf(paragraph);
    expect(quoted(chunk, 0, endOf(chunk, 0, 0))).toBe(paragraph);
  });

  it('runs on over a sentence that writes enough of the question the quoted one does not', () => {
    const chunk = chunkOf('Các thôn rà soát danh sách hộ nghèo trên địa bàn. Hoàn thành trước ngày 15/3/2026.');
    expect(quoted(chunk, 0, endOf(chunk, 0, ADDED_SHARE))).toContain('Hoàn thành trước ngày 15/3/2026.');
    expect(quoted(chunk, 0, endOf(chunk, 0, ADDED_SHARE / 2))).toBe('Các thôn rà soát danh sách hộ nghèo trên địa bàn.');
  });

  it('runs on over a sentence that opens with the body the question asks about', () => {
    const chunk = chunkOf('Đề cao trách nhiệm của trưởng thôn trong rà soát. Trưởng thôn phải công khai danh sách tại nhà văn hóa.');
    expect(quoted(chunk, 0, endOf(chunk, 0, 0, 600, true))).toContain('Trưởng thôn phải công khai');
    expect(quoted(chunk, 0, endOf(chunk, 0, 0, 600, false))).toBe('Đề cao trách nhiệm của trưởng thôn trong rà soát.');
  });

  it('stops at a new list item, a blank line, or the budget', () => {
    const item = chunkOf('- Các thôn rà soát danh sách hộ nghèo.\n- Đây là việc của trưởng thôn.');
    expect(quoted(item, 0, endOf(item, 0, 1))).toBe('- Các thôn rà soát danh sách hộ nghèo.');
    const blank = chunkOf('Các thôn rà soát danh sách hộ nghèo.\n\nĐây là việc của trưởng thôn.');
    expect(quoted(blank, 0, endOf(blank, 0, 1))).toBe('Các thôn rà soát danh sách hộ nghèo.');
    const chunk = chunkOf(paragraph);
    expect(quoted(chunk, 0, endOf(chunk, 0, 1, 60))).toBe('Các thôn rà soát danh sách hộ nghèo trên địa bàn.');
  });

  it('reads a single line break as no paragraph break (a scan wraps lines, chunking cuts long paragraphs at sentences)', () => {
    const chunk = chunkOf('Các thôn rà soát danh sách hộ nghèo trên địa bàn.\nĐây là căn cứ để xã cấp thẻ bảo hiểm y tế.', true);
    expect(quoted(chunk, 0, endOf(chunk, 0, 0))).toContain('Đây là căn cứ');
  });

  it('keeps the last sentence as it is', () => {
    const chunk = chunkOf(paragraph);
    expect(endOf(chunk, 1, 1)).toBe(chunk.sentences[1]!.end);
  });
});
