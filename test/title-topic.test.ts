/**
 * A document's title names what every sentence of it is about: a question that names the title's topic and asks
 * one thing is answered by the sentence saying that thing, under its heading, not by the sentence repeating the
 * title; and the title lets nothing through that the document does not say. The document is invented here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeRuntime } from '../src/node.js';
import { scoreSentence } from '../src/retrieval/sentence-score.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { runtimeOver } from './helpers/runtime.js';

const GUIDE = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN TÂN HÀ                      Độc lập - Tự do - Hạnh phúc
Số: 12/HD-UBND                 Tân Hà, ngày 05 tháng 3 năm 2026

HƯỚNG DẪN
Thủ tục cấp phép hoạt động bể bơi công cộng trên địa bàn huyện Tân Hà

I. PHẠM VI ÁP DỤNG
Hướng dẫn này áp dụng đối với tổ chức, cá nhân đề nghị cấp phép hoạt động bể bơi công cộng trên địa bàn huyện Tân Hà.

II. ĐIỀU KIỆN
1. Có nhân viên cứu hộ được tập huấn, mỗi ca trực ít nhất 02 người.
2. Nước trong bể được thay hoặc xử lý bảo đảm vệ sinh theo quy chuẩn.

III. NỘP HỒ SƠ
Hồ sơ đề nghị cấp phép gửi trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân huyện hoặc qua dịch vụ bưu chính.

IV. THỜI HẠN GIẢI QUYẾT
Trong thời hạn 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, Phòng Văn hóa và Thông tin thẩm định và trình cấp phép.
`;

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await runtimeOver({ 'huyen-tan-ha-huong-dan-12-cap-phep-be-boi.txt': GUIDE });
}, 120_000);

describe("the document's title as the topic of its sentences", () => {
  it('scores the words only the title says apart from the coverage', () => {
    const analysis = analyzeQuery('Xin cấp phép bể bơi thì gửi hồ sơ ở đâu?');
    const sentence = 'Tổ chức, cá nhân gửi trực tiếp tại Bộ phận Một cửa.';
    const idf = () => 1;
    const plain = scoreSentence(sentence, analysis, idf);
    const titled = scoreSentence(sentence, analysis, idf, { title: new Set(['cap', 'phep', 'be', 'boi']) });
    expect(titled.coverage).toBe(plain.coverage);
    expect(titled.titled).toBeGreaterThan(0);
    expect(plain.titled).toBe(0);
  });

  it('answers under the heading that says what is asked, not with the sentence repeating the title', async () => {
    const reply = await runtime.assistant.ask({ question: 'Xin cấp phép bể bơi ở Tân Hà thì gửi hồ sơ ở đâu?' });
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toContain('Bộ phận Một cửa');
  });

  it('still refuses what the document does not say, however much of the title the question names', async () => {
    const reply = await runtime.assistant.ask({ question: 'Lệ phí cấp phép hoạt động bể bơi công cộng ở Tân Hà là bao nhiêu tiền?' });
    expect(reply.answered).toBe(false);
  });
});
