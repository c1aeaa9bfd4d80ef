/**
 * How a question is read before anything is retrieved, tested without a corpus: chat shorthand, a scan's
 * digits inside words, spellings that are one, questions about a document rather than its content, the
 * province a question names. The wordings are invented (documents of test/fixtures).
 */
import { describe, expect, it } from 'vitest';
import { metadataKind } from '../src/answer/metadata.js';
import { tokenizeSentence } from '../src/retrieval/sentence-score.js';
import { namedProvinces } from '../src/text/provinces.js';
import { expandShorthand } from '../src/text/shorthand.js';
import { foldedSyllables, searchTerms, syllables } from '../src/text/tokens.js';

describe('chat shorthand', () => {
  it('expands phone shorthand and everyday words into the documents\' words', () => {
    expect(expandShorthand('phi muon nha van hoa dc mien ko?')).toBe('phi muon nha van hoa được mien không?');
    expect(expandShorthand('quy chế có cho tổ chức online ko')).toBe('quy chế có cho tổ chức trực tuyến không');
    expect(expandShorthand('loa mo toi da bn')).toBe('loa mo toi da bao nhiêu');
    expect(expandShorthand('NQ 05 thay bằng gì')).toBe('Nghị quyết 05 thay bằng gì');
  });

  it('leaves words that only look like shorthand: "bn" closing a yes/no question, "xa hoi nao"', () => {
    expect(expandShorthand('co dc hat karaoke ko bn')).toBe('co được hat karaoke không');
    expect(expandShorthand('nha van hoa thon o cho xa hoi nao')).toBe('nha van hoa thon o cho xa hoi nao');
  });
});

describe('spellings', () => {
  it('reads digits a scan put inside words as letters, but leaves numbers and codes alone', () => {
    expect(syllables('clp x4 t6i b9 03 2026 covid19')).toEqual(['clp', 'xa', 'toi', 'bo', '3', '2026', 'covid19']);
    expect(searchTerms('x4 hoi')).toContain('xa_hoi');
  });

  it('reads y and i after a single consonant as one spelling', () => {
    expect(foldedSyllables('tỷ lệ, kỳ họp, lý do')).toEqual(foldedSyllables('tỉ lệ, kì họp, lí do'));
    expect(foldedSyllables('quy định, tuy nhiên')).toEqual(['quy', 'dinh', 'tuy', 'nhien']);
  });

  it('reads a written-out ordinal and a Roman numeral as numbers, not "hai" in a phrase', () => {
    const { set } = tokenizeSentence('Hội nghị lần thứ hai khóa XIV; quý I/2026');
    for (const n of ['2', '14', '1']) expect(set.has(n)).toBe(true);
    expect(tokenizeSentence('hai bên cùng có lợi').set.has('2')).toBe(false);
  });
});

describe('questions about a document, not its content', () => {
  it('tells a signer, a date, a number and a basis question from a content question', () => {
    expect(metadataKind('Ai ký Quy chế 14/QĐ-UBND?')).toBe('signer');
    expect(metadataKind('Họ tên người ký Quy chế 14 là gì?')).toBe('signer');
    expect(metadataKind('Quyết định 14/QĐ-UBND được ban hành ngày nào?')).toBe('date');
    expect(metadataKind('Năm 2027 xã Phìn Hồ ban hành kế hoạch số mấy?')).toBe('number');
    expect(metadataKind('huong dan cua xa phin ho so bao nhieu')).toBe('number');
    expect(metadataKind('Kế hoạch cấp nước căn cứ văn bản nào của huyện?')).toBe('basis');
    expect(metadataKind('Trưởng thôn phải báo cáo xong trước khi nào?')).toBeUndefined();
    expect(metadataKind('Ai báo cáo hằng quý cho Ủy ban nhân dân xã?')).toBeUndefined();
  });

  it('reads who signs a paper the document describes (a permit, a contract) as content, not the signature block', () => {
    expect(metadataKind('Ai là người ký giấy chứng nhận hoàn thành khóa học?')).toBeUndefined();
    expect(metadataKind('Ai ký hợp đồng với người lao động?')).toBeUndefined();
    expect(metadataKind('Người ký quyết định này là ai?')).toBe('signer');
  });

  it('reads "ký" as the verb only: not in "định kỳ", "kỷ luật", "diễn ra", nor a deadline to issue something', () => {
    expect(metadataKind('Hướng dẫn của huyện được ký số vào ngày nào?')).toBe('date');
    expect(metadataKind('Ban Thường vụ họp định kỳ vào ngày nào trong tháng?')).toBeUndefined();
    expect(metadataKind('Ủy ban Kiểm tra gửi thông tin kỷ luật trước ngày nào?')).toBeUndefined();
    expect(metadataKind('Hội thi diễn ra vào những ngày nào?')).toBeUndefined();
    expect(metadataKind('Các xã phải ban hành kế hoạch trước ngày nào?')).toBeUndefined();
  });

  it('tells an effect, a replacement and an issuer question', () => {
    expect(metadataKind('Quy chế nhà văn hóa có hiệu lực từ ngày nào?')).toBe('effective');
    expect(metadataKind('Phương án bắt đầu áp dụng từ khi nào?')).toBe('effective');
    expect(metadataKind('When does the decision take effect?')).toBe('effective');
    expect(metadataKind('Chiến dịch thực hiện từ ngày nào đến ngày nào?')).toBeUndefined();
    expect(metadataKind('Quyết định này thay thế văn bản nào?')).toBe('replaces');
    expect(metadataKind('Quy chế do cơ quan nào ban hành?')).toBe('issuer');
    expect(metadataKind('Ai ban hành kế hoạch cấp nước?')).toBe('issuer');
    expect(metadataKind('Cơ quan nào phải ban hành kế hoạch trước ngày 30/6?')).toBeUndefined();
  });

  it('reads "số mấy" of a Quy chế as its number, as of a Kế hoạch', () => {
    expect(metadataKind('Quy chế của xã Suối Lâm số mấy?')).toBe('number');
  });
});

describe('places', () => {
  it('finds the province a question names, accented or not, and no province in "hòa bình"', () => {
    expect(namedProvinces('Nghệ An quy định phí mượn nhà văn hóa bao nhiêu?')).toEqual(['nghe an']);
    expect(namedProvinces('ke hoach cua tinh uy nghe an')).toEqual(['nghe an']);
    expect(namedProvinces('giữ gìn hòa bình, bao ve hoa binh')).toEqual([]);
  });
});
