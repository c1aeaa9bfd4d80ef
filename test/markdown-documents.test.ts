/** A Markdown document read as the page it renders: header columns, bold articles and a signature block (invented document). */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../ingest/clean.js';
import { markdownToText } from '../ingest/markdown.js';
import { parseDocument } from '../ingest/parse-document.js';
import { signatureOf } from '../src/answer/signature.js';
import { Vocabulary } from '../src/text/vocabulary.js';

const markdown = [
  '| ĐẢNG BỘ XÃ MẪU SƠN | ĐẢNG CỘNG SẢN VIỆT NAM |',
  '|---|---|',
  '| **CHI BỘ THÔN NÀ MÒ** | *Mẫu Sơn, ngày 05 tháng 3 năm 2027* |',
  '| Số 03-QC/CB | |',
  '',
  '# QUY CHẾ',
  '',
  '## Làm việc của Chi bộ thôn Nà Mò nhiệm kỳ 2027 - 2029',
  '',
  '**Điều 1. Phạm vi**',
  '',
  'Quy chế này quy định chế độ làm việc của Chi ủy và Chi bộ thôn Nà Mò.',
  '',
  '**Điều 2. Sinh hoạt chi bộ**',
  '',
  '1. Chi bộ sinh hoạt thường kỳ vào ngày 03 hằng tháng.',
  '',
  '| **Nơi nhận:** | **T/M CHI BỘ** |',
  '|---|---|',
  '| - Đảng ủy xã (b/c); | **BÍ THƯ** |',
  '| - Lưu chi bộ. | *(Đã ký)* |',
  '| | **Vàng Thị Mỷ** |',
].join('\n');

describe('Markdown documents', () => {
  const text = markdownToText(markdown);

  it('drops headings\' marks, emphasis and table bars, keeping a row\'s cells apart as columns', () => {
    expect(text).not.toMatch(/[*#|]/);
    expect(text).toContain('\nQUY CHẾ\n');
    expect(text).toContain('\nĐiều 2. Sinh hoạt chi bộ\n');
    expect(text).toMatch(/Nơi nhận: {3,}T\/M CHI BỘ/);
  });

  it('reads the header, the articles and the signer of the rendered text', () => {
    const parsed = parseDocument('chi-bo-thon-na-mo-quy-che.md', text, Vocabulary.fromTexts([cleanText(text).text]));
    expect(parsed.meta).toMatchObject({ docType: 'Quy chế', docNumber: '3-QC/CB', issuer: 'Chi bộ thôn Nà Mò', place: 'Mẫu Sơn', date: '2027-03-05', signer: 'Vàng Thị Mỷ' });
    expect(parsed.chunks.map((c) => c.sectionLabel)).toEqual(expect.arrayContaining(['Điều 1', 'Điều 2']));
    expect(signatureOf(text)?.titles).toEqual(['T/M CHI BỘ', 'BÍ THƯ']);
  });
  it('keeps a table\'s rows apart and nests a numbered list under its numbered heading', () => {
    const guide = markdownToText(
      [
        '## 3. Thành phần hồ sơ',
        '1. Đơn đề nghị theo mẫu.',
        '2. Bản sao giấy tờ về đất.',
        '## 4. Trình tự giải quyết',
        '| Bước | Nội dung | Thời gian |',
        '|---|---|---|',
        '| Bước 1 | Tiếp nhận hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân xã Mẫu Sơn | 0,5 ngày |',
        '| Bước 2 | Thẩm định hồ sơ và kiểm tra thực địa công trình | 08 ngày |',
      ].join('\n'),
    );
    const cleaned = cleanText(guide).text.split('\n');
    // Each row a line of its own, cells apart by bars, under its header row.
    expect(cleaned).toContain('Bước | Nội dung | Thời gian');
    expect(cleaned).toContain('Bước 1 | Tiếp nhận hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân xã Mẫu Sơn | 0,5 ngày');
    expect(cleaned).toContain('Bước 2 | Thẩm định hồ sơ và kiểm tra thực địa công trình | 08 ngày');
    const parsed = parseDocument('huong-dan-mau.md', guide, Vocabulary.fromTexts([cleanText(guide).text]));
    expect(parsed.meta.outline!.map((s) => s.path)).toEqual(['3', '3.1', '3.2', '4']);
  });
});
