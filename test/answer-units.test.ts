/**
 * The units a count is stated in and the tables that state counts, against case tables written here (invented
 * sentences, no corpus): which sentences show an amount in the unit asked, and which do not.
 */
import { describe, expect, it } from 'vitest';
import { countedAs, isCounter, isNotUnit, lexiconUnit, namesUnit, signOnly, statesBySign } from '../src/answer/units.js';
import { asksWhole, countsInColumn, headerOf, isTotalRow, rowAnswers, rowLabel, rowsNamed } from '../src/answer/table-rows.js';
import { cellsOf, isHeaderRow } from '../src/text/table-line.js';
import { fold } from '../src/text/fold.js';
import type { Chunk } from '../src/types.js';

const folded = (s: string) => fold(s).toLowerCase();

describe('a unit stated by its sign', () => {
  const shows: Array<[string, string]> = [
    ['met', 'Kè bờ sông dài 450 m, hoàn thành trong quý III.'],
    ['met vuong', 'Nhà văn hóa thôn có diện tích sàn 240 m2.'],
    ['met vuong', 'Sân phơi rộng 1.200 m² được bê tông hóa.'],
    ['met khoi', 'Nạo vét 3.500 m3 bùn đất kênh mương.'],
    ['ki lo met', 'Cứng hóa 2,5 km đường trục thôn.'],
    ['hec ta', 'Chuyển đổi 35 ha đất lúa kém hiệu quả sang trồng cây ăn quả.'],
    ['do', 'Bảo quản mẫu ở nhiệt độ dưới 4°C.'],
    ['phan', 'Tỷ lệ hộ dùng nước sạch đạt 96,5%.'],
    ['ti dong', 'Tổng vốn đầu tư khoảng 12,3 tỷ đồng.'],
  ];
  const doesNot: Array<[string, string]> = [
    // A letter that is a word's, not a sign after a number.
    ['met', 'Thôn Mới có 2 mô hình trồng nấm.'],
    ['met vuong', 'Kè bờ sông dài 450 m.'],
    ['hec ta', 'Hội nghị có 35 đại biểu tham dự.'],
    ['phan', 'Khởi công 3 công trình, vốn 86 tỷ đồng.'],
    ['do', 'Nhiệt độ tăng cao vào tháng 6.'],
  ];
  it.each(shows)('%s is shown by: %s', (unit, sentence) => expect(statesBySign(unit, folded(sentence))).toBe(true));
  it.each(doesNot)('%s is not shown by: %s', (unit, sentence) => expect(statesBySign(unit, folded(sentence))).toBe(false));

  it('a share is shown by its sign only ("86 tỷ" is no share)', () => {
    expect(signOnly('phan')).toBe(true);
    expect(signOnly('ti')).toBe(true);
    expect(signOnly('met')).toBe(false);
  });
});

describe('the nouns a count of persons may be written in', () => {
  it.each([
    ['uy vien', 'dong chi'],
    ['dai bieu', 'nguoi'],
    ['nguoi', 'dong chi'],
    ['nguoi', 'thanh vien'],
    ['nguoi dan', 'nguoi'],
  ])('a count of %s is answered by a count of %s', (unit, noun) => expect(countedAs(unit)).toContain(noun));

  it.each([
    ['dang vien', 'can bo'],
    ['ho', 'nguoi'],
    ['xa', 'thon'],
    ['giong lua', 'tan'],
  ])('a count of %s is not answered by a count of %s', (unit, noun) => expect(countedAs(unit)).not.toContain(noun));
});

describe('the words after "bao nhiêu / mấy"', () => {
  const words = (q: string) => folded(q).split(/\s+/);
  it.each([
    ['bao nhieu mot ngay', 2],
    ['bao nhieu thi duoc khen', 2],
    ['bao nhieu so voi nam truoc', 2],
    ['moi nguoi nhan bao nhieu moi thang', 5],
  ])('%s: the word at %i says per what or how, not what is counted', (q, at) => expect(isNotUnit(words(q), at)).toBe(true));
  it.each([
    ['bao nhieu so ho', 2],
    ['bao nhieu nguoi', 2],
  ])('%s: the word at %i may be the unit', (q, at) => expect(isNotUnit(words(q), at)).toBe(false));

  it('classifiers are no unit; a unit the lexicon knows is read whole', () => {
    expect(isCounter('can')).toBe(true);
    expect(isCounter('chiec')).toBe(true);
    expect(isCounter('thon')).toBe(false);
    expect(lexiconUnit(['met', 'vuong', 'dat'], 0)).toBe('met vuong');
    expect(lexiconUnit(['bao', 'nhieu', 'ki', 'lo', 'met'], 2)).toBe('ki lo met');
    expect(lexiconUnit(['hec', 'ta', 'lua'], 0)).toBe('hec ta');
    expect(lexiconUnit(['nguoi', 'dan'], 0)).toBe('nguoi dan');
    expect(lexiconUnit(['giong', 'lua'], 0)).toBeUndefined();
  });
});

/** A chunk of the given lines, one sentence each. */
function chunkOf(lines: string[]): Chunk {
  const text = lines.join('\n');
  let at = 0;
  const sentences = lines.map((line) => {
    const span = { start: at, end: at + line.length };
    at += line.length + 1;
    return span;
  });
  return { id: 'd#1', docId: 'd', source: 'd.txt', section: 'II.1', sectionTitle: 'Kết quả', headings: [], text, sentences, ocr: false };
}

describe('a table row read with its header row', () => {
  const table = chunkOf([
    'Kết quả cụ thể như sau:',
    'Thôn | Số hộ (hộ) | Giếng khoan (cái) | Diện tích ao (ha)',
    'Thôn Bình An | 120 | 14 | 3,5',
    'Thôn Đồi Thông | 95 | 9 | 2',
    'Tổng cộng | 215 | 23 | 5,5',
    'Các thôn tiếp tục rà soát số liệu.',
  ]);

  it('a row has the table’s header row; the header and the lines outside have none', () => {
    expect(headerOf(table, 2)).toContain('Giếng khoan (cái)');
    expect(headerOf(table, 4)).toContain('Giếng khoan (cái)');
    expect(headerOf(table, 1)).toBeUndefined();
    expect(headerOf(table, 0)).toBeUndefined();
    expect(headerOf(table, 5)).toBeUndefined();
  });

  it('a table whose first row holds numbers has no header', () => {
    const bare = chunkOf(['1 | 120 | 14', '2 | 95 | 9']);
    expect(headerOf(bare, 1)).toBeUndefined();
  });

  it.each([
    ['Thôn | Số hộ (hộ) | Giếng khoan (cái)', true],
    ['STT | Chỉ tiêu | Đơn vị | Kế hoạch 2027', true],
    ['Thôn Bình An | 120 | 14', false],
    ['1 | 2 | 3', false],
  ])('%s names columns: %s', (row, header) => expect(isHeaderRow(row)).toBe(header));

  it('the header names a unit by its word or its sign in brackets', () => {
    const header = folded('Thôn | Số hộ (hộ) | Giếng khoan (cái) | Diện tích ao (ha)');
    expect(namesUnit('hec ta', header)).toBe(true);
    expect(namesUnit('gieng khoan', header)).toBe(true);
    expect(namesUnit('may bom', header)).toBe(false);
    expect(cellsOf('| 1 | Sâm |  | 600 |')).toEqual(['1', 'Sâm', '600']);
  });

  it.each([
    ['Cả xã có bao nhiêu giếng khoan?', true],
    ['Toàn huyện có mấy trường đạt chuẩn?', true],
    ['Tổng cộng bao nhiêu hộ được hỗ trợ?', true],
    ['Thôn Bình An có bao nhiêu giếng khoan?', false],
    ['Xã có bao nhiêu hộ nghèo?', false],
  ])('%s asks a whole: %s', (q, whole) => expect(asksWhole(folded(q))).toBe(whole));

  it.each([
    ['Tổng cộng | 215 | 23', true],
    ['Tổng số | 40 | 12', true],
    ['Cộng | 7 | 2', true],
    ['Thôn Bình An | 120 | 14', false],
    ['Tổng đàn trâu | 120 | 14', false],
  ])('%s is a total row: %s', (row, total) => expect(isTotalRow(folded(row))).toBe(total));

  describe('the row a question names', () => {
    const communes = chunkOf([
      'Thiệt hại về nhà ở như sau:',
      'STT | Xã, thị trấn | Nhà tốc mái (cái) | Hộ sơ tán (hộ)',
      '1 | Xã Tân Bồi | 187 | 130',
      '2 | Thị trấn Bến Đá | 95 | 60',
      '3 | Xã Bồi Tân Đông | 221 | 175',
      'Tổng cộng | 503 | 365',
    ]);
    it.each([
      ['Xã Tân Bồi có bao nhiêu nhà tốc mái?', [2]],
      // The kind of place may be left out; a longer label holding the name is a row of its own.
      ['Tân Bồi có bao nhiêu hộ sơ tán?', [2]],
      ['thi tran ben da co bao nhieu nha toc mai', [3]],
      ['Bồi Tân Đông có bao nhiêu hộ sơ tán?', [4]],
      // Another kind of place before the name: the district, not the town's row.
      ['Toàn huyện Bến Đá có bao nhiêu hộ sơ tán?', []],
      // No row named: any row may answer (the question asks a column, or a whole).
      ['Có bao nhiêu nhà tốc mái?', []],
      ['Cả huyện có bao nhiêu hộ sơ tán?', []],
    ])('%s names rows %j', (q, rows) => expect(communes.sentences.length && rowsNamed(communes, 2, folded(q))).toEqual(rows));

    it.each([
      ['nha toc mai', '1 | Xã Tân Bồi | 187 | 130', true],
      // The column of names, or the numbering, counts nothing.
      ['xa', '1 | Xã Tân Bồi | 187 | 130', false],
      ['ho', '1 | Xã Tân Bồi | 187 | 130', true],
      // Cells that do not line up with the header's: undecided, read as a whole.
      ['ho', 'Xã Tân Bồi | 187 | 130', undefined],
    ])('%s counted in its column of %s: %s', (unit, row, counts) =>
      expect(countsInColumn(unit, folded('STT | Xã, thị trấn | Nhà tốc mái (cái) | Hộ sơ tán (hộ)'), folded(row))).toBe(counts));

    it.each([
      [2, 'Xã Tân Bồi có bao nhiêu nhà tốc mái?', true],
      [2, 'Tân Bồi có bao nhiêu hộ phải sơ tán?', true],
      // The header's words alone do not make a row the answer: no place named, or another one.
      [2, 'Có bao nhiêu nhà tốc mái?', false],
      [2, 'Xã Hòa Sơn có bao nhiêu nhà tốc mái?', false],
      // The total row answers a whole, and only a whole.
      [5, 'Cả huyện có bao nhiêu nhà tốc mái?', true],
      [5, 'Xã Tân Bồi có bao nhiêu nhà tốc mái?', false],
      // A sentence outside the table is not held to a label.
      [0, 'Có bao nhiêu nhà tốc mái?', true],
    ])('row %i answers %s: %s', (index, q, answers) => expect(rowAnswers(communes, index, folded(q))).toBe(answers));

    it('a sentence outside a table names no row', () => expect(rowsNamed(communes, 0, folded('Xã Tân Bồi có bao nhiêu nhà tốc mái?'))).toEqual([]));
    it.each([
      ['1 | Xã Tân Bồi | 187', 'Xã Tân Bồi'],
      ['II. | Thị trấn Bến Đá | 95', 'Thị trấn Bến Đá'],
      ['Tổng cộng | 503', 'Tổng cộng'],
    ])('%s is labelled %s', (row, label) => expect(rowLabel(row)).toBe(label));
  });
});
