/** Zalo message formatting: compact citations, plain text, splitting. */
import { describe, expect, it } from 'vitest';
import { compactCitation, formatReply, plainText } from '../src/channels/zalo/format.js';
import { SHORTENED_NOTE, splitText, zaloMessages } from '../src/channels/zalo/split.js';
import type { Citation } from '../src/types.js';
import { longAnswer } from './helpers/long-answer.js';

const citation: Citation = {
  n: 1,
  source: 'dien-bien-ke-hoach-22-kh-tu.txt',
  title: 'Kế hoạch số 22-KH/TU – triển khai Kết luận số 226-KL/TW',
  docNumber: '22-KH/TU',
  issuer: 'Ban Thường vụ Tỉnh ủy Điện Biên',
  date: '2026-01-16',
  section: 'II.2.3.b',
  sectionTitle: 'Điều hành',
  quote: 'két luén khong qua 50 phut',
  score: 1,
  docId: 'dien-bien-ke-hoach-22-kh-tu',
};

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('compact citations', () => {
  it('type code, number, date, section', () => {
    expect(compactCitation(citation)).toBe('[1] KH 22-KH/TU (16/01/2026), mục II.2.3.b');
    expect(compactCitation({ ...citation, n: 2, docNumber: '226-KL/TW', date: undefined, section: '' })).toBe('[2] KL 226-KL/TW, phần mở đầu');
    expect(compactCitation({ ...citation, docNumber: undefined, title: 'Hướng dẫn về tổ chức hội nghị' })).toBe('[1] Hướng dẫn về tổ chức hội nghị (16/01/2026), mục II.2.3.b');
  });

  it('formats a reply as plain text with a sources block', () => {
    const [message, ...rest] = formatReply({ answer: '**Không quá 50 phút** theo `mục II.2.3.b` [1].\n\n## Ghi chú\n- một\n- hai', citations: [citation] });
    expect(rest).toHaveLength(0);
    expect(message).toBe('Không quá 50 phút theo mục II.2.3.b [1].\n\nGhi chú\n• một\n• hai\n\nNguồn:\n[1] KH 22-KH/TU (16/01/2026), mục II.2.3.b');
  });

  it('sets off the clause that answers with «…» and names the place as the citation labels it', () => {
    const quote = 'Điều hành: khai mạc không quá 10 phút; kết luận không quá 50 phút; tham luận không quá 10 phút.';
    const cited = { ...citation, quote, span: [67, 94] as [number, number], sectionLabel: 'Điều 29, khoản 1, điểm b' };
    const [message] = formatReply({ answer: `Theo Kế hoạch số 22-KH/TU:\n“${quote}” [1]`, citations: [cited] });
    expect(message).toContain('“Điều hành: khai mạc không quá 10 phút; kết luận không quá 50 phút; «tham luận không quá 10 phút».” [1]');
    expect(message).toContain('[1] KH 22-KH/TU (16/01/2026), Điều 29, khoản 1, điểm b');
    // No span, or a quote the answer does not hold verbatim: the text is unchanged.
    expect(formatReply({ answer: `“${quote}” [1]`, citations: [{ ...citation, quote }] })[0]).not.toContain('«');
  });

  it('plain text keeps links readable and [n] markers', () => {
    expect(plainText('Xem [văn bản](https://vanban.gov.vn/a) [2]')).toBe('Xem văn bản (https://vanban.gov.vn/a) [2]');
  });
});

describe('splitting', () => {
  it('a 4,500-character answer → 3 messages ≤ 2,000 characters, cut at sentence or paragraph ends, in order', () => {
    const answer = longAnswer(4500);
    expect(answer.length).toBeGreaterThan(4400);
    const messages = formatReply({ answer, citations: [citation] });
    expect(messages).toHaveLength(3);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(2000);
      expect(m.length).toBeGreaterThan(400);
    }
    for (const m of messages.slice(0, -1)) expect(m).toMatch(/\.$/);
    expect(squash(messages.join(' '))).toBe(squash(`${answer}\n\nNguồn:\n[1] KH 22-KH/TU (16/01/2026), mục II.2.3.b`));
    expect(messages.at(-1)).toMatch(/Nguồn:\n\[1\] KH 22-KH\/TU/);
  });

  it('prefers paragraph breaks over sentence ends', () => {
    const a = 'Một câu ngắn. '.repeat(60).trim(); // ~840 chars
    const b = 'Câu khác. '.repeat(40).trim();
    expect(splitText(`${a}\n\n${b}`, 1000)).toEqual([a, b]);
  });

  it('a sentence longer than a message is cut at a word boundary', () => {
    const words = Array.from({ length: 600 }, (_, i) => `từ${i}`).join(' ');
    const pieces = splitText(words, 2000);
    expect(pieces.every((p) => p.length <= 2000)).toBe(true);
    expect(pieces.join(' ')).toBe(words);
  });

  it('an answer beyond three messages is shortened at a sentence end and keeps its sources', () => {
    const answer = longAnswer(9000);
    const messages = zaloMessages(answer, 'Nguồn:\n[1] KH 22-KH/TU (16/01/2026), mục II.2.3.b');
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => m.length <= 2000)).toBe(true);
    const joined = messages.join('\n');
    expect(joined).toContain(SHORTENED_NOTE);
    expect(joined.endsWith('mục II.2.3.b')).toBe(true);
    const before = squash(joined.slice(0, joined.indexOf(SHORTENED_NOTE)));
    expect(before).toMatch(/\.$/);
    expect(squash(answer).startsWith(before)).toBe(true);
  });
});
