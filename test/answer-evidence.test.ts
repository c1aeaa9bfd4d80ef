/**
 * What a quote must show to answer, end to end on two plans written here (two communes, one rubbish-collection
 * plan and one festival plan): the locality the question names, and the time it asks for.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';
import type { AskResponse } from '../src/types.js';

const RUBBISH = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHƯỚC SƠN                      Độc lập - Tự do - Hạnh phúc
Số: 11/PA-UBND                 Phước Sơn, ngày 05 tháng 01 năm 2027

PHƯƠNG ÁN
Thu gom, vận chuyển rác thải sinh hoạt trên địa bàn xã Phước Sơn năm 2027

I. MỤC TIÊU
Phấn đấu 95% hộ gia đình được thu gom rác thải sinh hoạt; tỷ lệ hộ gia đình đăng ký dịch vụ thu gom trực tuyến đạt 60%.

II. TỔ CHỨC THU GOM
1. Tần suất
Các thôn vùng thấp được thu gom 03 lần/tuần; các thôn vùng cao thu gom 01 lần/tuần.
Tổ thu gom rửa xe chuyên dùng ít nhất 06 tháng/lần.
2. Giá dịch vụ
Mỗi hộ gia đình nộp 20.000 đồng/hộ/tháng.
3. Xử lý điểm rác tự phát
Điểm rác tự phát mới phát hiện phải được dọn sạch trong vòng 24 giờ kể từ khi phát hiện.
4. Ban Chỉ đạo thu gom
Ban Chỉ đạo thu gom rác của xã gồm: Phó Chủ tịch Ủy ban nhân dân xã làm Trưởng ban, công chức Địa chính - Xây dựng, trưởng các thôn.

III. ĐÁNH GIÁ
Số tổ thu gom được xếp loại hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số tổ thu gom của xã.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Các thôn;                                          CHỦ TỊCH
- Lưu: VT.                                      Lò Văn Khải
`;

const FESTIVAL = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ HƯNG LỘC                      Độc lập - Tự do - Hạnh phúc
Số: 04/KH-UBND                 Hưng Lộc, ngày 12 tháng 02 năm 2027

KẾ HOẠCH
Tổ chức Ngày hội thể thao các thôn xã Hưng Lộc năm 2027

I. NỘI DUNG
Ngày hội gồm các môn kéo co, bóng chuyền và đẩy gậy, tổ chức tại sân vận động xã.
Mỗi thôn cử một đội, mỗi đội không quá 12 vận động viên.
Ban Tổ chức ngày hội chỉ họp khi có ít nhất 2/3 số đồng chí ủy viên Ban Tổ chức tham dự.
Năm 2026, xã có 14 vận động viên đạt giải tại Hội khỏe Phù Đổng cấp huyện.

II. KINH PHÍ
Kinh phí tổ chức ngày hội là 30 triệu đồng từ ngân sách xã.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Các thôn;                                          CHỦ TỊCH
- Lưu: VT.                                      Đinh Công Bảo
`;

let runtime: NodeRuntime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-evidence-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'xa-phuoc-son-phuong-an-11-thu-gom-rac-2027.txt'), RUBBISH);
  writeFileSync(join(dir, 'docs', 'xa-hung-loc-ke-hoach-04-ngay-hoi-the-thao-2027.txt'), FESTIVAL);
  runtime = await createNodeRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { onProgress: () => {} });
}, 120_000);

const ask = (question: string): Promise<AskResponse> => runtime.assistant.ask({ question });
const quotes = (r: AskResponse) => r.citations.map((c) => c.quote).join('\n');

describe('the locality a question names', () => {
  it('is answered from the plan of that commune', async () => {
    const r = await ask('Ở xã Phước Sơn, mỗi hộ gia đình nộp tiền thu gom rác bao nhiêu một tháng?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('20.000 đồng/hộ/tháng');
  });

  it('is not answered from another commune’s plan, however well its sentence matches', async () => {
    const r = await ask('Ở xã Hưng Lộc, mỗi hộ gia đình nộp tiền thu gom rác bao nhiêu một tháng?');
    expect(r.answered).toBe(false);
  });

  it('is read without diacritics too', async () => {
    const r = await ask('o xa hung loc moi ho gia dinh nop tien thu gom rac bao nhieu mot thang');
    expect(r.answered).toBe(false);
  });
});

describe('the amount a question asks for', () => {
  it('"gồm bao nhiêu thành viên" is not answered by the list of members without their count', async () => {
    const r = await ask('Ban Chỉ đạo thu gom rác của xã Phước Sơn gồm bao nhiêu thành viên?');
    expect(r.answered).toBe(false);
  });

  it('"bao nhiêu ủy viên" is answered by a share of them ("2/3 số đồng chí ủy viên")', async () => {
    const r = await ask('Ở xã Hưng Lộc, Ban Tổ chức ngày hội họp khi có ít nhất bao nhiêu ủy viên tham dự?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('2/3');
  });
});

describe('the coverage a quote needs', () => {
  it('leaves out the words that only say what kind of value is asked ("bao nhiêu tiền") when the quote shows one', async () => {
    const r = await ask('Hộ gia đình ở Phước Sơn phải trả bao nhiêu tiền một tháng cho việc thu gom?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('20.000 đồng/hộ/tháng');
  });

  it('still asks the topic of the sum: another payer’s fee is not stated', async () => {
    const r = await ask('Trường học ở Phước Sơn phải trả bao nhiêu tiền một tháng cho việc thu gom?');
    expect(r.answered).toBe(false);
  });
});

describe('the thing whose amount is asked', () => {
  it('may be written as a synonym ("qua mạng" as "trực tuyến")', async () => {
    const r = await ask('Ở Phước Sơn, tỷ lệ hộ gia đình đăng ký dịch vụ thu gom qua mạng là bao nhiêu phần trăm?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('60%');
  });
});

describe('the thing a count question counts', () => {
  it('is answered by the count of those things', async () => {
    const r = await ask('Năm 2026 xã Hưng Lộc có bao nhiêu vận động viên đạt giải tại Hội khỏe Phù Đổng?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('14 vận động viên');
  });

  it('is not answered by a count of the same things without the qualifier the question turns on', async () => {
    const r = await ask('Năm 2026 xã Hưng Lộc có bao nhiêu vận động viên đạt giải bóng chuyền bãi biển?');
    expect(r.answered).toBe(false);
  });
});

describe('the time a question asks for', () => {
  it('"thời hạn bao lâu" is shown by a length of time, not only by a date', async () => {
    const r = await ask('Ở xã Phước Sơn, điểm rác tự phát mới phát hiện phải được dọn trong thời hạn bao lâu?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('24 giờ');
  });

  it('"bao lâu một lần" is shown by a rate written with a slash', async () => {
    const r = await ask('Tổ thu gom ở Phước Sơn phải rửa xe chuyên dùng bao lâu một lần?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('06 tháng/lần');
  });

  it('a topic word that sounds like a time ("hoàn thành") asks no date: the share answers', async () => {
    const r = await ask('Ở Phước Sơn, tỷ lệ tổ được xếp loại hoàn thành xuất sắc nhiệm vụ tối đa là bao nhiêu?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('20%');
  });
});
