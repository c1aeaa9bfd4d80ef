/** The signing block and the header number read from a document's own text (no metadata, no index). */
import { describe, expect, it } from 'vitest';
import { headerNumberOf, signatureOf } from '../src/answer/signature.js';

const twoColumns = [
  'ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Số: 17/KH-UBND             Xã Mẫu, ngày 02 tháng 3 năm 2026',
  '',
  'I. MỤC ĐÍCH',
  'Nội dung kế hoạch.',
  '',
  'Nơi nhận:                                  TM. ỦY BAN NHÂN DÂN',
  '- UBND huyện (b/c);                                CHỦ TỊCH',
  '- Các thôn;                                        (Đã ký)',
  '- Lưu: VT.                                    Trần Văn Mẫu',
].join('\n');

describe('signature and number from the text', () => {
  it('reads the name under the titles of a two-column block, as a verbatim span', () => {
    const s = signatureOf(twoColumns)!;
    expect(s.name.text).toBe('Trần Văn Mẫu');
    expect(twoColumns.slice(s.name.start, s.name.end)).toBe('Trần Văn Mẫu');
    expect(s.titles).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });

  it('reads it when cleaning collapsed the columns into one line', () => {
    const collapsed = twoColumns.replace(/ {3,}/g, ' ');
    expect(signatureOf(collapsed)?.name.text).toBe('Trần Văn Mẫu');
  });

  it('does not take a numbered heading for a title, nor a list item for a name', () => {
    const text = ['IV. TỔ CHỨC THỰC HIỆN', '- Phòng Nội vụ;', '- Các Ban Ngành;'].join('\n');
    expect(signatureOf(text)).toBeUndefined();
  });

  it('keeps the signer of a decision whose attached rules open with a header and "Chương I"', () => {
    const attached = [
      twoColumns,
      '',
      'ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ MẪU                     Độc lập - Tự do - Hạnh phúc',
      'QUY CHẾ',
      'Làm việc của Ủy ban nhân dân xã',
      '(Ban hành kèm theo Quyết định số 17/QĐ-UBND)',
      'Chương I',
      'QUY ĐỊNH CHUNG',
    ].join('\n');
    expect(signatureOf(attached)?.name.text).toBe('Trần Văn Mẫu');
  });

  it('reads the header number of state and Party documents', () => {
    expect(headerNumberOf(twoColumns)?.text).toBe('17/KH-UBND');
    expect(headerNumberOf('ĐẢNG BỘ XÃ MẪU\nSố 04-NQ/ĐU\n')?.text).toBe('04-NQ/ĐU');
    expect(headerNumberOf('Không có số.')).toBeUndefined();
  });
});

describe('signature blocks of other layouts', () => {
  const block = (lines: string[]) => ['Nơi nhận:', '- Như trên;', '- Lưu: VT.', '', ...lines].join('\n');

  it('reads a Markdown block, the span inside the emphasis', () => {
    const text = block(['**TM. ỦY BAN NHÂN DÂN**', '**CHỦ TỊCH**', '', '*(Đã ký)*', '', '**Hà Văn Sơn**']);
    const s = signatureOf(text)!;
    expect(s.name.text).toBe('Hà Văn Sơn');
    expect(text.slice(s.name.start, s.name.end)).toBe('Hà Văn Sơn');
    expect(s.titles).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    // Markup is not text: the quote is the name, not the lines with their emphasis.
    expect(s.block).toBeUndefined();
  });

  it('quotes a plain block whole, from its first title to the name', () => {
    const text = block(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '(Đã ký)', 'Hà Văn Sơn']);
    const s = signatureOf(text)!;
    expect(text.slice(s.block!.start, s.block!.end)).toBe('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nHà Văn Sơn');
  });

  it('reads a block in a Markdown table beside the recipients', () => {
    const text = ['| Nơi nhận: | T/L BAN THƯỜNG VỤ |', '| - Các chi bộ; | CHÁNH VĂN PHÒNG |', '| - Lưu VP. | |', '| | Lầu Mí Chá |'].join('\n');
    const s = signatureOf(text)!;
    expect(s.name.text).toBe('Lầu Mí Chá');
    expect(s.titles).toEqual(['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG']);
    expect(s.block).toBeUndefined();
  });

  it('keeps a one-letter syllable of a name, sets a rank or degree aside, and tells a capitals name by its surname', () => {
    expect(signatureOf(block(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Giàng A Páo']))?.name.text).toBe('Giàng A Páo');
    expect(signatureOf(block(['CHỈ HUY TRƯỞNG', 'Đại tá Trịnh Quang Vinh']))?.name.text).toBe('Trịnh Quang Vinh');
    expect(signatureOf(block(['Q. GIÁM ĐỐC', 'TS. Phí Thị Hạnh']))?.name.text).toBe('Phí Thị Hạnh');
    expect(signatureOf(block(['T/M ĐẢNG ỦY', 'BÍ THƯ', 'ĐINH CÔNG TUẤN']))?.name.text).toBe('ĐINH CÔNG TUẤN');
  });

  it('takes the name a merged scan put at the end of a recipients line, under the titles beside the list', () => {
    const text = ['Noi nhén: T/M BAN THUONG VU', '- Ban Bi thu (& bdo cdo), BI THU', '- Cac huyen uy,', '- Cac xa, phuong, Hoang Van Tién', '- Luu VP.'].join('\n');
    const s = signatureOf(text)!;
    expect(s.name.text).toBe('Hoang Van Tién');
    expect(s.titles).toEqual(['T/M BAN THUONG VU', 'BI THU']);
    expect(s.block).toBeUndefined();
  });

  it('takes no name from a recipients list without a title above it, and no chapter heading for a title', () => {
    expect(signatureOf(['Nơi nhận:', '- Đồng chí Bí thư;', '- Lưu VT.', 'Trần Văn Hải'].join('\n'))).toBeUndefined();
    const heading = signatureOf(['Chương IV', 'ĐIỀU KHOẢN THI HÀNH', 'Điều 9. Hiệu lực', 'Quy chế có hiệu lực từ ngày ký.', 'CHỦ TỊCH', 'Lò Văn Tâm'].join('\n'))!;
    expect(heading.titles).toEqual(['CHỦ TỊCH']);
  });
});
