import { describe, expect, it } from 'vitest';
import { fold, normalizeText, normalizeTonePlacement } from '../src/text/fold.js';
import { findDocRefs } from '../src/text/doc-refs.js';
import { searchTerms, syllables } from '../src/text/tokens.js';
import { sentenceSpans } from '../src/text/sentences.js';
import { looksEnglish, stems, translateToVietnamese } from '../src/text/glossary.js';
import { withinOneEdit } from '../src/text/edit-distance.js';

describe('fold', () => {
  it('removes diacritics and maps đ/Đ to d', () => {
    expect(fold('Đảng ủy Điện Biên')).toBe('dang uy dien bien');
    expect(fold('Phát biểu kết luận không quá 50 phút')).toBe('phat bieu ket luan khong qua 50 phut');
  });
});

describe('tone placement', () => {
  it.each([
    ['uỷ', 'ủy'],
    ['hoà', 'hòa'],
    ['thuý', 'thúy'],
    ['qúy', 'quý'],
    ['Tỉnh uỷ', 'Tỉnh ủy'],
    ['hoàng', 'hoàng'],
    ['người', 'người'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
  it('keeps case', () => expect(normalizeTonePlacement('UỶ')).toBe('ỦY'));
});

describe('tokens', () => {
  it('keeps numbers, percentages and fractions whole', () => {
    expect(syllables('ít nhất 60% tổng số; 1/2 ngày; 02 hội nghị')).toEqual(['ít', 'nhất', '60%', 'tổng', 'số', '1/2', 'ngày', '2', 'hội', 'nghị']);
  });
  it('keeps a word pair across a stray scanner dot, not across a sentence end', () => {
    const terms = searchTerms('mang xa. hOi (Facebook) Hết câu. Tiếp theo', { accented: false });
    expect(terms).toContain('xa_hoi');
    expect(terms).not.toContain('cau_tiep');
  });

  it('makes folded unigrams, bigrams, accented unigrams and reference keys', () => {
    const terms = searchTerms('Kết luận số 226-KL/TW');
    expect(terms).toContain('ket');
    expect(terms).toContain('ket_luan');
    expect(terms).toContain('~kết');
    expect(terms).toContain('#226-kl/tw');
    expect(terms).toContain('#kl-226');
  });
  it('makes the same folded terms with and without accents', () => {
    const folded = (t: string) => searchTerms(t).filter((x) => !x.startsWith('~'));
    expect(folded('phát biểu kết luận')).toEqual(folded('phat bieu ket luan'));
  });
});

describe('document references', () => {
  it('normalises full and short references across QĐ/QD and "số"', () => {
    expect(findDocRefs('Quy định 85-QĐ/TW')[0]).toEqual({ full: '85-QD/TW', short: 'QD-85' });
    expect(findDocRefs('quy dinh so 85-QD/TW')[0]).toEqual({ full: '85-QD/TW', short: 'QD-85' });
    expect(findDocRefs('KH 22 và Kết luận 226').map((r) => r.short)).toEqual(['KH-22', 'KL-226']);
  });

  it('hands out fresh results from its cache, so a caller changing one does not change the next', () => {
    const first = findDocRefs('Kế hoạch 22-KH/TU và KH 23');
    first[0]!.full = 'changed';
    first.pop();
    expect(findDocRefs('Kế hoạch 22-KH/TU và KH 23')).toEqual([{ full: '22-KH/TU', short: 'KH-22' }, { short: 'KH-23' }]);
  });
});

describe('sentences', () => {
  it('splits on sentence ends followed by a capital, keeping exact offsets', () => {
    const text = 'Tép trung thao ludn. Khong doc lai tai liéu.\n- Thoi lwong: 1/2 ngay.';
    const spans = sentenceSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Tép trung thao ludn.', 'Khong doc lai tai liéu.', '- Thoi lwong: 1/2 ngay.']);
  });
});

describe('English questions', () => {
  it('detects English and translates with the glossary', () => {
    expect(looksEnglish('How long can a conclusion speech be?')).toBe(true);
    expect(looksEnglish('phat bieu ket luan khong qua bao nhieu phut')).toBe(false);
    expect(translateToVietnamese('How long can a conclusion speech be?')).toContain('kết luận');
  });

  it('keeps place names written without diacritics, translates numbers and hyphenated phrases', () => {
    expect(translateToVietnamese('Which social networks does Son La use?')).toMatch(/^son la /);
    expect(translateToVietnamese("What is Dien Bien's plan?")).toContain('dien bien');
    expect(translateToVietnamese('What are the four core principles for double-digit growth?')).toMatch(/nguyên tắc cốt lõi.*hai con số|hai con số.*nguyên tắc cốt lõi/);
    expect(translateToVietnamese('the two-level local government model', { primary: true })).toContain('2 cấp');
    // Capitalised glossary words are not a name.
    expect(translateToVietnamese('What does the Central Committee decide?')).toContain('ban chấp hành trung ương');
  });
});

describe('English glossary coverage', () => {
  it('falls back to the stem of an inflected word the glossary lacks', () => {
    expect(stems('broadcasters')).toContain('broadcast');
    expect(stems('handled')).toContain('handle');
    expect(stems('boards')).toContain('board');
    expect(stems('parties')).toContain('party');
    expect(stems('trimmed')).toContain('trim');
    expect(stems('handling')).toContain('handle');
    expect(stems('processes')).toContain('process');
    // Too short a stem is never tried ("news" is a word of its own, "uses" → "use", not "us").
    expect(stems('uses')).not.toContain('us');
    expect(translateToVietnamese('How was the wrongdoing handled?', { primary: true })).toBe('sai phạm xử lý');
    expect(translateToVietnamese('Which boards coordinate?', { primary: true })).toBe('nào ban phối hợp');
    // A word whose stem is generic ("mentioning" → "mention") is dropped, not kept untranslated.
    expect(translateToVietnamese('the plan mentioning exceptions', { primary: true })).toBe('kế hoạch ngoại lệ');
  });

  it('drops words that ask about a document without naming a topic', () => {
    expect(translateToVietnamese('What does the plan state regarding press awards, as cited?', { primary: true })).toBe('gì kế hoạch báo chí giải');
    expect(translateToVietnamese('the number of meetings', { primary: true })).toBe('số lượng hội nghị');
  });

  it('translates the corpus\'s bodies, propaganda forms, discipline and administration phrases', () => {
    const broadcasters = translateToVietnamese('Which state broadcasters become public service units?');
    for (const body of ['đài truyền hình việt nam', 'đài tiếng nói việt nam', 'thông tấn xã', 'đơn vị sự nghiệp']) expect(broadcasters).toContain(body);
    expect(translateToVietnamese('no forbidden zones, no exceptions', { primary: true })).toBe('không có vùng cấm không có ngoại lệ');
    expect(translateToVietnamese('What visual propaganda is used?')).toContain('cổ động trực quan');
    expect(translateToVietnamese('Who is on the distribution list?')).toContain('nơi nhận');
    expect(translateToVietnamese('What party members must not do', { primary: true })).toContain('những điều đảng viên không được làm');
    expect(translateToVietnamese("the People's Committee", { primary: true })).toBe('ủy ban nhân dân');
    expect(translateToVietnamese('mobile information teams and loudspeakers', { primary: true })).toBe('đội thông tin lưu động loa phát thanh');
  });
});

describe('edit distance', () => {
  it('accepts one edit, rejects two', () => {
    expect(withinOneEdit('luan', 'luen')).toBe(true);
    expect(withinOneEdit('phut', 'pht')).toBe(true);
    expect(withinOneEdit('phut', 'phiet')).toBe(false);
  });
});
