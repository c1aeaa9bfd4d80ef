import { describe, expect, it } from 'vitest';
import { toCsv, toMarkdown, fileStem, contentDisposition } from '../src/briefing/export.js';
import { readPhrase } from '../src/briefing/read-phrase.js';
import { isNearDuplicate, selectProportional, syllableSet } from '../src/briefing/select.js';
import { classify } from '../src/briefing/clauses.js';
import type { BriefingItem } from '../src/briefing/types.js';
import { loadSyllableReader } from '../src/text/reading-model.js';

const clean = [
  'Phát biểu khai mạc không quá 10 phút; kết luận không quá 50 phút; tham luận không quá 10 phút.',
  'Hội nghị trực tuyến chiếm ít nhất 60% tổng số hội nghị.',
];

describe('OCR phrases as questions read them', () => {
  const { reader } = loadSyllableReader(clean);
  const read = (text: string) => readPhrase(reader, text, 0.6);
  it('reads damaged syllables as the answers are read, from clean text and context', () => {
    expect(read('két luén khong qua 50 phut').text).toBe('kết luận không quá 50 phút');
    expect(read('Héi nghi truc tuyén').text.toLowerCase()).toBe('hội nghị trực tuyến');
  });
  it('keeps document codes, and says how far the reading can be shown', () => {
    expect(read('Két luan sb 226-KL/TW').text).toContain('226-KL/TW');
    expect(read('két luén khong qua 50 phut')).toMatchObject({ known: 1, unresolved: 0 });
    expect(read('xqzt vbnm kkkk').unresolved).toBe(3);
  });
  it('counts scan debris and lone letters as unread, but not a point\'s letter', () => {
    expect(read('toàn x&/mam').unresolved).toBe(1);
    const fragment = read('T chiic quan triét hoan thanh');
    expect(fragment.unresolved).toBe(1);
    expect(fragment.phrase).toBe('chức quán triệt hoàn thành');
    expect(read('theo điểm a khoản 2').unresolved).toBe(0);
  });
  it('names a clause by its longest read phrase, within one clause', () => {
    expect(read('xqzt vbnm; kết luận không quá 50 phút').phrase).toBe('kết luận không quá 50 phút');
    expect(read('"diễn biến", "tự chuyển hóa"').phrase).not.toContain('"');
  });
});

describe('clause kinds', () => {
  it.each([
    ['ket luan khong qua 50 phut', 'limit'],
    ['chiem it nhat 60% tong so hoi nghi', 'limit'],
    ['to chuc quan triet hoan thanh trong quy 1/2026', 'deadline'],
    ['phan dau hoan thanh cac muc tieu', 'content'],
    ['khong doc lai tai lieu', 'prohibition'],
    ['ban tuyen giao chu tri phoi hop voi cac co quan', 'responsibility'],
    ['theo phuong cham “3 hon”', 'definition'],
    ['ke hoach phat trien kinh te 5 nam 2026 - 2030', 'content'],
  ])('%s → %s', (text, kind) => {
    expect(classify(text, '')).toBe(kind);
  });
});

describe('selection', () => {
  const c = (group: string, order: number, question: string, answer: string, kind: 'limit' | 'content' = 'content') => ({ group, order, kind, question, answer });
  it('gives every section a seat, then seats in proportion, in document order', () => {
    const topics = ['văn bản hành chính', 'hội nghị trực tuyến', 'kỷ luật kỷ cương', 'chuyển đổi số', 'báo cáo định kỳ', 'thi đua khen thưởng', 'cải cách hành chính', 'tiếp công dân', 'phòng chống tham nhũng'];
    const many = topics.map((t, i) => c('II', 100 + i, `Quy định về ${t}?`, `Nội dung ${t}`));
    const chosen = selectProportional([c('I', 1, 'Mục đích là gì?', 'Nâng cao nhận thức'), ...many, c('III', 500, 'Hình thức gồm những gì?', 'Khẩu hiệu, băng rôn')], 5);
    expect(chosen.map((x) => x.group)).toEqual(['I', 'II', 'II', 'II', 'III']);
    expect(chosen.map((x) => x.order)).toEqual([...chosen.map((x) => x.order)].sort((a, b) => a - b));
  });
  it('treats two facts with similar wording as distinct, and near-copies as duplicates', () => {
    const key = (q: string, a: string) => ({ q: syllableSet(q), a: syllableSet(a) });
    expect(isNearDuplicate(key('Phát biểu kết luận không quá bao nhiêu phút?', 'kết luận không quá 50 phút'), key('Phát biểu tham luận không quá bao nhiêu phút?', 'tham luận không quá 10 phút'))).toBe(false);
    expect(isNearDuplicate(key('Có được đọc lại tài liệu không?', 'không đọc lại tài liệu'), key('Có được đọc lại tài liệu tại hội nghị không?', 'không đọc lại tài liệu.'))).toBe(true);
  });
});

describe('exports', () => {
  const item: BriefingItem = {
    question: 'Câu hỏi có "ngoặc kép", dấu phẩy; và\nxuống dòng?',
    answer: 'Không quá 50 phút',
    kind: 'limit',
    section: 'II.2.3.b',
    citations: [{ n: 1, source: 'a.txt', title: 'Kế hoạch số 22-KH/TU – x', docNumber: '22-KH/TU', issuer: 'Ban Thường vụ Tỉnh ủy Điện Biên', date: '2026-01-16', section: 'II.2.3.b', sectionTitle: 'Đổi mới', quote: 'Điều hành: kết luận không quá 50 phút', score: 1, docId: 'a' }],
  };
  it('quotes CSV fields per RFC 4180 behind a UTF-8 BOM', () => {
    const csv = toCsv({ title: 't', items: [item] });
    expect(csv.startsWith('\uFEFFSTT,Câu hỏi,')).toBe(true);
    expect(csv).toContain('"Câu hỏi có ""ngoặc kép"", dấu phẩy; và\nxuống dòng?"');
    expect(csv).toContain('Kế hoạch số 22-KH/TU, Ban Thường vụ Tỉnh ủy Điện Biên, 16/01/2026');
  });
  it('writes Markdown with the full citation and section', () => {
    const md = toMarkdown({ title: 'Hỏi – đáp', items: [item] });
    expect(md).toContain('# Hỏi – đáp');
    expect(md).toContain('> Điều hành: kết luận không quá 50 phút');
    expect(md).toContain('mục II.2.3.b – Đổi mới');
  });
  it('names files in ASCII with a UTF-8 fallback header', () => {
    expect(fileStem('Hỏi – đáp: Kế hoạch số 22-KH/TU')).toBe('hoi-dap-ke-hoach-so-22-kh-tu');
    expect(contentDisposition('a.docx')).toBe(`attachment; filename="a.docx"; filename*=UTF-8''a.docx`);
  });
});
