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

  it('reads the header number of state and Party documents', () => {
    expect(headerNumberOf(twoColumns)?.text).toBe('17/KH-UBND');
    expect(headerNumberOf('ĐẢNG BỘ XÃ MẪU\nSố 04-NQ/ĐU\n')?.text).toBe('04-NQ/ĐU');
    expect(headerNumberOf('Không có số.')).toBeUndefined();
  });
});
