/**
 * Tables as provincial documents write them, on invented tables (no corpus): a row stays its own line and its own
 * sentence in clean text, in a Markdown document and across a chunk boundary, and carries its header row; an answer
 * quoting a row shows the header row above the verbatim row.
 */
import { describe, expect, it } from 'vitest';
import { chunkSections } from '../ingest/chunk.js';
import { cleanText } from '../ingest/clean.js';
import { loadBytes } from '../ingest/load.js';
import { markdownToText } from '../ingest/markdown.js';
import { makeDocx } from './helpers/documents.js';
import { parseSections } from '../ingest/structure.js';
import { headerOf } from '../src/answer/table-rows.js';
import { quoteLines, toCitation } from '../src/answer/format.js';
import { sentenceSpans } from '../src/text/sentences.js';
import { isTableLine } from '../src/text/table-line.js';
import type { Chunk, DocumentMeta } from '../src/types.js';

describe('a line that is a table row', () => {
  it.each([
    ['| 07 giờ 30 | Khai mạc hội nghị | Chủ tịch UBND xã |', true],
    ['2 | Tổng sản lượng lương thực có hạt | tấn | 52.000 | 53.640', true],
    ['Thôn Khe Lim | 42 | 5,5', true],
    // One bar is no table; bars without spaces are a scan's noise or a path.
    ['Ban Chỉ đạo | Tổ giúp việc', false],
    ['Tải biểu mẫu tại mục Văn bản|Biểu mẫu|Hồ sơ', false],
    ['Các thôn hoàn thành rà soát trước ngày 15.', false],
  ])('%s → %s', (line, row) => expect(isTableLine(line)).toBe(row));
});

describe('clean text keeps each row on its line', () => {
  const raw = [
    'Kết quả tiêm phòng đợt 1 như sau:',
    'Thôn | Trâu, bò (con) | Lợn (con) | Tỷ lệ đạt (%)',
    'Thôn Nà Sài | 310 | 1.240 | 93,5',
    'Thôn Khe Lim | 275 | 980 | 91',
    '| Tổng cộng | 585 | 2.220 | 92,3 |',
    'Các thôn chưa đạt tiếp tục tiêm bổ sung trong',
    'tháng 5.',
  ].join('\n');
  const lines = cleanText(raw).text.split('\n');

  it('rows, with or without outer bars, are lines of their own; a wrapped sentence still joins', () => {
    expect(lines).toEqual([
      'Kết quả tiêm phòng đợt 1 như sau:',
      'Thôn | Trâu, bò (con) | Lợn (con) | Tỷ lệ đạt (%)',
      'Thôn Nà Sài | 310 | 1.240 | 93,5',
      'Thôn Khe Lim | 275 | 980 | 91',
      '| Tổng cộng | 585 | 2.220 | 92,3 |',
      'Các thôn chưa đạt tiếp tục tiêm bổ sung trong tháng 5.',
    ]);
  });

  it('a row whose last cell wraps onto the next line is joined whole; the next row stays apart', () => {
    const wrapped = ['Xã, thị trấn | Người chết | Người bị thương | Hộ phải sơ', 'tán', '', 'Xã Tân Bồi | 0 | 1 | 130', '', 'Xã Đông Cát | 0 | 0 | 175'].join('\n');
    expect(cleanText(wrapped).text.split('\n').filter(Boolean)).toEqual(['Xã, thị trấn | Người chết | Người bị thương | Hộ phải sơ tán', 'Xã Tân Bồi | 0 | 1 | 130', 'Xã Đông Cát | 0 | 0 | 175']);
  });

  it('a scan’s stray bars that do not line up reflow as prose', () => {
    const scan = ['Kiém didm, dénh gid | Thuong | Da0& Chmhauysn, | o 0 o o4 1idm dibm/Bio cdo | 11408 995', '2 s A1 an . Mat trén T4 qubc | va x o e 6 thang | hinh thuc hién nhiém vu vu Tinh k&t qua thuc hién'].join('\n');
    expect(cleanText(scan).text.split('\n')).toHaveLength(1);
  });

  it('a row is one sentence even when a cell holds a full stop', () => {
    const row = '| 08 giờ 00 | Khai mạc. Báo cáo kết quả | Văn phòng UBND xã |';
    expect(sentenceSpans(row)).toEqual([{ start: 0, end: row.length }]);
    expect(sentenceSpans('Khai mạc. Báo cáo kết quả.')).toHaveLength(2);
  });
});

describe('a Word table', () => {
  it('of three or more columns is one row a line, cells apart by bars; a two-column layout stays a paragraph per cell', async () => {
    const docx = await makeDocx([
      [['ỦY BAN NHÂN DÂN XÃ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']],
      'Kết quả tiêm phòng như sau:',
      [['Thôn', 'Trâu, bò (con)', 'Tỷ lệ đạt (%)'], ['Thôn Nà Sài', '310', '93,5'], ['Thôn Khe Lim', '', '91']],
      'Các thôn tiếp tục tiêm bổ sung.',
    ]);
    const { text } = await loadBytes(docx, 'kq.docx');
    const lines = cleanText(text).text.split('\n').filter(Boolean);
    expect(lines).toEqual([
      'ỦY BAN NHÂN DÂN XÃ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Kết quả tiêm phòng như sau:',
      'Thôn | Trâu, bò (con) | Tỷ lệ đạt (%)',
      'Thôn Nà Sài | 310 | 93,5',
      'Thôn Khe Lim | - | 91',
      'Các thôn tiếp tục tiêm bổ sung.',
    ]);
  });
});

describe('a Markdown table', () => {
  it('of three or more columns keeps its rows as barred lines, the rule dropped', () => {
    const text = markdownToText(['| Chỉ tiêu | Đơn vị | Kế hoạch |', '|---|:---:|---:|', '| **Trồng rừng mới** | ha | 120 |', '| Khai thác gỗ |  | 45 |'].join('\n'));
    expect(text.split('\n')).toEqual(['Chỉ tiêu | Đơn vị | Kế hoạch', 'Trồng rừng mới | ha | 120', 'Khai thác gỗ | - | 45']);
    expect(text.split('\n').every(isTableLine)).toBe(true);
  });

  it('of two columns (a header or a signature laid out side by side) stays columns apart by spaces', () => {
    const text = markdownToText(['| ỦY BAN NHÂN DÂN XÃ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', '|---|---|', '| Số: 12/KH-UBND | Độc lập - Tự do - Hạnh phúc |'].join('\n'));
    expect(text).not.toContain('|');
    expect(text.split('\n')[0]).toMatch(/XÃ {3,}CỘNG HÒA/);
  });
});

const header = 'Thôn | Số hộ (hộ) | Giếng khoan (cái) | Diện tích ao (ha)';
const rows = Array.from({ length: 40 }, (_, i) => `Thôn số ${i + 1} | ${100 + i} | ${i % 9} | ${(i % 5) + 1},5`);

function tableChunks(): Chunk[] {
  const text = cleanText(['II. KẾT QUẢ', 'Kết quả cụ thể như sau:', header, ...rows, 'Tổng cộng | 4.780 | 160 | 140', 'Các thôn tiếp tục rà soát số liệu.'].join('\n')).text;
  return chunkSections(parseSections(text), { id: 'bc', source: 'bc.txt', ocr: false }, { maxChars: 400 });
}

describe('a table split between chunks', () => {
  const chunks = tableChunks();
  const rowAt = (row: string) => {
    const chunk = chunks.find((c) => c.text.split('\n').includes(row))!;
    const index = chunk.sentences.findIndex((s) => chunk.text.slice(s.start, s.end) === row);
    return { chunk, index };
  };

  it('is split at all (the case is real)', () => {
    expect(chunks.filter((c) => c.text.includes('Thôn số')).length).toBeGreaterThan(2);
  });

  it('every row, in every chunk, is read with the header row of the first', () => {
    for (const row of [...rows, 'Tổng cộng | 4.780 | 160 | 140']) {
      const { chunk, index } = rowAt(row);
      expect(headerOf(chunk, index), row).toBe(header);
    }
  });

  it('the sentence after the table has no header', () => {
    const { chunk, index } = rowAt('Các thôn tiếp tục rà soát số liệu.');
    expect(headerOf(chunk, index)).toBeUndefined();
  });
});

describe('an answer quoting a row', () => {
  const chunks = tableChunks();
  const doc = { id: 'bc', source: 'bc.txt', title: 'Báo cáo kết quả', ocr: false } as DocumentMeta;

  it('shows the header row above the verbatim row; the quote stays the row', () => {
    const row = rows[30]!;
    const chunk = chunks.find((c) => c.text.includes(row))!;
    expect(chunk.text.startsWith(header)).toBe(false);
    const citation = toCitation(1, { chunk, doc, score: 1 }, row, 1);
    expect(citation.quote).toBe(row);
    expect(citation.tableHeader).toBe(header);
    expect(quoteLines(citation)).toBe(`Dòng tiêu đề của bảng: “${header}”\n“${row}” [1]`);
  });

  it('a quote outside a table has no header line', () => {
    const chunk = chunks.find((c) => c.text.includes('Các thôn tiếp tục'))!;
    const citation = toCitation(1, { chunk, doc, score: 1 }, 'Các thôn tiếp tục rà soát số liệu.', 1);
    expect(citation.tableHeader).toBeUndefined();
    expect(quoteLines(citation)).toBe('“Các thôn tiếp tục rà soát số liệu.” [1]');
  });
});
