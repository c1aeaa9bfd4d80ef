/**
 * Readings of OCR-damaged text: the restorer brings back what a scanner damaged
 * ("két luén khong qua 50 phut" → "kết luận không quá 50 phút"), never changes a
 * number or a document reference, leaves what it cannot support as scanned
 * (marked uncertain), and keeps the scan's words one for one, line for line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../src/text/fold.js';
import { damage, NO_KEEP_COSTS, SyllableReader } from '../src/text/reading.js';
import { loadSyllableReader, SYLLABLE_MODEL_PATH } from '../src/text/reading-model.js';
import { SyllableModel } from '../src/text/syllable-model.js';
import { readingOfQuote, sliceReading } from '../src/text/reading-slice.js';

const { reader } = loadSyllableReader();

describe('SyllableReader', () => {
  it('restores heavy OCR damage of tone and vowel marks from the context', () => {
    const scanned = 'két luén khong qua 50 phut; tham luén khong qua 10 phit.';
    expect(reader.read(scanned).text).toContain('kết luận không quá 50 phút');
  });

  it('never changes a number, a date or a document reference', () => {
    const scanned = 'Thuc hién Két luén s6 226-KL/TW ngay 11/12/2025, Ké hoach 22-KH/TU; chi phi 1.250.000 déng, 6 thang.';
    const { text, words } = reader.read(scanned);
    for (const kept of ['226-KL/TW', '11/12/2025', '22-KH/TU', '1.250.000', ' 6 ']) expect(text).toContain(kept);
    expect(words.filter((w) => /\d/.test(w.scanned) && !/\p{L}/u.test(w.scanned)).every((w) => w.read === w.scanned)).toBe(true);
  });

  it('leaves a word no syllable explains as scanned, and marks it uncertain', () => {
    const { text, words } = reader.read('Hội nghị xqzvwk tổ chức trực tuyến.');
    expect(text).toContain('xqzvwk');
    expect(words.find((w) => w.scanned === 'xqzvwk')).toMatchObject({ read: 'xqzvwk', uncertain: true });
  });

  it('keeps clean text as it is', () => {
    const clean = 'Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng tập trung thực hiện tốt các nội dung sau.';
    expect(reader.read(clean).text).toBe(clean);
  });

  it('reads word for word and line for line', () => {
    const scanned = 'UY BAN NHAN DAN\nHUYEN MINH KHE\n\nTheo béo céo ca Trung tam Y té huy€n, toan huyén ghi\nnhan 312 trudng hop vi pham.';
    const { text } = reader.read(scanned);
    expect(text.split('\n')).toHaveLength(scanned.split('\n').length);
    expect(text.split(/\s+/)).toHaveLength(scanned.split(/\s+/).length);
    expect(text).toMatch(/^ỦY BAN NHÂN DÂN\nHUYỆN /);
    expect(text).toContain('ghi\nnhận 312 trường hợp vi phạm');
  });

  it("learns the corpus's own clean documents: the names its scans damage", () => {
    const scanned = 'UY BAN NHAN DAN\nHUYEN MUONG KHUONG';
    const own = ['Ủy ban nhân dân huyện Mường Khương ban hành kế hoạch.', 'Các xã của huyện Mường Khương thực hiện.'];
    const learned = loadSyllableReader(own);
    expect(learned.reader.read(scanned).text).toBe('ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG KHƯƠNG');
    expect(learned.version).not.toBe(loadSyllableReader().version);
  });

  it('keeps a word that is already a syllable unless the context asks for another, and offers one spelling of a syllable', () => {
    const keeping = new SyllableReader(SyllableModel.parse(readFileSync(SYLLABLE_MODEL_PATH)), [], { valid: { light: 4, heavy: 4 }, name: { light: 8, heavy: 8 } });
    const free = new SyllableReader(SyllableModel.parse(readFileSync(SYLLABLE_MODEL_PATH)), [], NO_KEEP_COSTS);
    // "Thanh" inside a sentence is a name: as scanned, however much "thành" pairs with its neighbours.
    const scanned = 'Ong Le Van Thanh pho trach cong tac.';
    expect(keeping.read(scanned).words.find((w) => w.scanned === 'Thanh')!.read).toBe('Thanh');
    // Damage the pair model clearly reads still changes.
    expect(keeping.read('két luén khong qua 50 phut').text).toBe(free.read('két luén khong qua 50 phut').text);
    // "uỷ" and "ủy" are one syllable: a scan reads in one spelling only.
    const spellings = new Set(free.read('Dang uy xa, Tinh uy, Huyen uy, uy ban, Uy ban nhan dan').words.map((w) => w.read.toLowerCase()).filter((w) => fold(w) === 'uy' && w !== 'uy'));
    expect(spellings.size).toBeLessThanOrEqual(1);
  });

  it('learns a scan\'s own words for that scan only: the model is left exactly as it was', () => {
    const model = SyllableModel.parse(readFileSync(SYLLABLE_MODEL_PATH));
    const before = model.serialize().toString();
    const seen = model.learning('Xã Phìn Hồ và Phìn Hồ. Thôn Nậm Khao', 0.7, () => [model.count('phìn'), model.pair('phìn', 'hồ')]);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[1]).toBeGreaterThan(0);
    expect(model.serialize().toString()).toBe(before);
    expect(model.cost('xã', 'phìn')).toBe(SyllableModel.parse(readFileSync(SYLLABLE_MODEL_PATH)).cost('xã', 'phìn'));
  });

  it('measures damage: clean text light, text without marks heavy', () => {
    expect(damage('Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tập trung thực hiện tốt các nội dung sau')).toBe(0);
    expect(damage('Ban Thuong vu Tinh uy yeu cau cac cap uy tap trung thuc hien tot cac noi dung sau')).toBe(1);
  });
});

describe('readings of quotes', () => {
  const text = 'Pidu hanh: Phét biéu khai mac khéng qué 10 pht;\nkét luén khong qua 50 phut.';
  const reading = 'Điều hành: Phát biểu khai mạc không quá 10 phút;\nkết luận không quá 50 phút.';

  it('takes the same words of the reading, with the scan’s spacing', () => {
    const start = text.indexOf('két');
    expect(sliceReading(text, reading, start, text.length)).toBe('kết luận không quá 50 phút.');
    expect(readingOfQuote(text, reading, 'khéng qué 10 pht;\nkét luén')).toBe('không quá 10 phút;\nkết luận');
  });

  it('gives nothing for a quote not in the text, or a reading that does not match it', () => {
    expect(readingOfQuote(text, reading, 'không có trong văn bản')).toBeUndefined();
    expect(sliceReading(text, 'một hai', 0, 5)).toBeUndefined();
  });
});

const PAIRS = ['../../shared/ocr-pairs', '../../../shared/ocr-pairs'].map((p) => join(import.meta.dirname, p)).find(existsSync);

describe.skipIf(!PAIRS)('restoration on scanned pages beside their clean text (../shared/ocr-pairs)', () => {
  it('heavy damage (no Vietnamese model) is mostly restored; light damage is improved', () => {
    const name = 'huyen-yen-hoa-cong-van-870-phong-chong-sot-xuat-huyet-ban-scan';
    const clean = new Set(readFileSync(join(PAIRS!, `${name}.clean.txt`), 'utf8').split(/\s+/));
    const share = (text: string) => {
      const words = text.split(/\s+/).filter(Boolean);
      return words.filter((w) => clean.has(w)).length / words.length;
    };
    const heavy = readFileSync(join(PAIRS!, `${name}.ocr-eng.txt`), 'utf8');
    const light = readFileSync(join(PAIRS!, `${name}.ocr.txt`), 'utf8');
    expect(share(heavy)).toBeLessThan(0.4);
    expect(share(reader.read(heavy).text)).toBeGreaterThan(0.8);
    expect(share(reader.read(light).text)).toBeGreaterThan(share(light));
  });
});
