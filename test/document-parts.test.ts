/**
 * Questions about a document's parts, read from invented chunks (no index): which article says something,
 * what an article says, when the document takes effect and what it replaces.
 */
import { describe, expect, it } from 'vitest';
import { articleContent, articleCount, articleQuestion, whichArticle } from '../src/answer/article-lookup.js';
import { validityStatements } from '../src/answer/validity.js';
import { sentenceSpans } from '../src/text/sentences.js';
import type { Chunk, DocumentMeta } from '../src/types.js';

const meta: DocumentMeta = {
  id: 'xa-mau-quyet-dinh-09',
  source: 'xa-mau-quyet-dinh-09.txt',
  title: 'Quyết định số 09/QĐ-UBND – Ban hành Quy chế quản lý chợ xã Mẫu Sơn',
  docType: 'Quyết định',
  docNumber: '09/QĐ-UBND',
  issuer: 'Ủy ban nhân dân xã Mẫu Sơn',
  date: '2027-03-02',
  references: [],
  ocrQuality: 1,
  ocr: false,
  chars: 0,
  outline: [],
};

let n = 0;
function chunk(sectionLabel: string, sectionTitle: string, text: string): Chunk {
  return { id: `${meta.id}#${n++}`, docId: meta.id, source: meta.source, section: String(n), sectionTitle, headings: [], sectionLabel, text, sentences: sentenceSpans(text), ocr: false };
}

const chunks = [
  chunk('Điều 1', 'Ban hành kèm theo Quyết định này Quy chế…', 'Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý chợ xã Mẫu Sơn.'),
  chunk('Điều 2', 'Quyết định này có hiệu lực…', 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 31/QĐ-UBND ngày 10/5/2021 của Ủy ban nhân dân xã.'),
  chunk('Điều 1 của Quy chế kèm theo', 'Phạm vi điều chỉnh', 'Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc quản lý chợ xã Mẫu Sơn.'),
  chunk('Điều 2 của Quy chế kèm theo', 'Giờ họp chợ', 'Điều 2. Giờ họp chợ\n1. Chợ họp từ 5 giờ đến 18 giờ hằng ngày.\n2. Phiên chợ lớn họp vào ngày chủ nhật.'),
  chunk('Điều 3 của Quy chế kèm theo', 'Những hành vi bị cấm', 'Điều 3. Những hành vi bị cấm\n1. Buôn bán hàng giả, hàng cấm.\n2. Lấn chiếm lối đi trong chợ.'),
  chunk('Điều 4 của Quy chế kèm theo', 'Thu gom rác trong chợ', 'Điều 4. Thu gom rác trong chợ\nBan quản lý chợ thu gom rác sau mỗi phiên chợ.\nQuy chế áp dụng từ ngày 15/3/2027.'),
];
const chunksOf = () => chunks;

describe('article questions', () => {
  it('tells "which article" from "what does article N say", and neither from a question about a clause\'s content', () => {
    expect(articleQuestion('Điều nào của quy chế chợ quy định giờ họp chợ?')).toEqual({ mode: 'which' });
    expect(articleQuestion('Which article covers the market hours?')).toEqual({ mode: 'which' });
    expect(articleQuestion('Điều 3 quy chế chợ Mẫu Sơn quy định gì?')).toEqual({ mode: 'content', article: '3' });
    expect(articleQuestion('khoản 2 Điều 2 nói về việc gì')).toEqual({ mode: 'content', article: '2', clause: '2' });
    expect(articleQuestion('Theo Điều 2, chợ họp từ mấy giờ?')).toBeUndefined();
  });

  it('counts the articles of the text asked about: the attached rules or the decision itself', () => {
    expect(articleQuestion('Quy chế chợ gồm bao nhiêu điều?')).toEqual({ mode: 'count' });
    expect(articleCount(meta, chunks, 'Quy chế chợ gồm bao nhiêu điều?')!.fact).toBe('Quy chế gồm 4 điều (Điều 1 – Điều 4); điều cuối:');
    expect(articleCount(meta, chunks, 'Quyết định 09 có mấy điều?')!.fact).toBe('Quyết định gồm 2 điều (Điều 1 – Điều 2); điều cuối:');
  });

  it('names the attached rules\' article whose title holds what is asked, with its heading and first lines', () => {
    const found = whichArticle(meta, chunks, [], 'Điều nào trong Quy chế quản lý chợ xã Mẫu Sơn quy định những hành vi bị cấm?')!;
    expect(found.chunk.sectionLabel).toBe('Điều 3 của Quy chế kèm theo');
    expect(found.chunk.text.slice(found.span.start, found.span.end)).toMatch(/^Điều 3\. Những hành vi bị cấm\n1\. Buôn bán/);
    expect(found.fact).toContain('Điều 3 của Quy chế kèm theo');
  });

  it('does not name an article when none holds what is asked', () => {
    expect(whichArticle(meta, chunks, [], 'Điều nào của quy chế chợ quy định mức phí trông giữ xe máy?')).toBeUndefined();
  });

  it('answers "Điều N quy định gì" with the article of the text asked about, and a clause when one is asked', () => {
    const rules = articleContent({ mode: 'content', article: '2' }, [meta], chunksOf, 'Điều 2 của quy chế chợ quy định gì?')!;
    expect(rules.chunk.text.slice(rules.span.start, rules.span.end)).toMatch(/^Điều 2\. Giờ họp chợ\n1\. Chợ họp/);
    expect(rules.fact).toBe('Điều 2 của Quy chế kèm theo – Giờ họp chợ:');
    const decision = articleContent({ mode: 'content', article: '2' }, [meta], chunksOf, 'Điều 2 của quyết định nói gì?')!;
    expect(decision.chunk.sectionLabel).toBe('Điều 2');
  });
});

describe('validity statements', () => {
  it('reads the document\'s own effect, with the date of signing when it takes effect then', () => {
    const [first] = validityStatements('effective', chunks, meta, 'quyet dinh co hieu luc tu ngay nao');
    expect(first!.itself).toBe(true);
    expect(first!.chunk.sectionLabel).toBe('Điều 2');
    expect(first!.fact).toBe('Có hiệu lực kể từ ngày ký (02/03/2027).');
  });

  it('prefers the "áp dụng" statement when that is what is asked', () => {
    const [first] = validityStatements('effective', chunks, meta, 'quy che ap dung tu ngay nao');
    expect(first!.fact).toBe('Áp dụng từ ngày 15/3/2027.');
  });

  it('reads what the document replaces, never its own number', () => {
    const [first] = validityStatements('replaces', chunks, meta, 'thay the van ban nao');
    expect(first!.fact).toMatch(/^Thay thế Quyết định số 31\/QĐ-UBND ngày 10\/5\/2021/);
    expect(validityStatements('replaces', chunks.slice(2), meta, 'thay the van ban nao')).toEqual([]);
  });
});
