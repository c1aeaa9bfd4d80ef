/**
 * What a quote must show to answer, end to end on two plans written here (two communes, one clean-water plan and
 * one festival plan): the locality the question names, and the time it asks for.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';
import type { AskResponse } from '../src/types.js';

const WATER = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHƯỚC SƠN                      Độc lập - Tự do - Hạnh phúc
Số: 11/PA-UBND                 Phước Sơn, ngày 05 tháng 01 năm 2027

PHƯƠNG ÁN
Quản lý, vận hành công trình cấp nước sạch xã Phước Sơn năm 2027

I. MỤC TIÊU
Phấn đấu 92% hộ dân được dùng nước sạch; tỷ lệ hộ dân đăng ký sử dụng nước trực tuyến đạt 60%.

II. TỔ CHỨC VẬN HÀNH
1. Kiểm tra đường ống
Tổ vận hành kiểm tra tuyến ống chính 02 lần/tháng; tuyến ống nhánh kiểm tra 01 lần/tháng.
Tổ vận hành thay vật liệu lọc ít nhất 04 tháng/lần.
2. Giá nước
Mỗi hộ dân trả 90.000 đồng/hộ/quý.
3. Sửa chữa sự cố
Đường ống bị vỡ phải được sửa xong trong vòng 12 giờ kể từ khi nhận tin báo.
4. Tổ công tác cấp nước
Tổ công tác cấp nước của xã gồm: Phó Chủ tịch Ủy ban nhân dân xã làm Tổ trưởng, công chức Địa chính - Xây dựng, trưởng các thôn.

III. KHEN THƯỞNG
Số thôn hoàn thành chỉ tiêu được khen thưởng không quá 30% số thôn của xã.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Các thôn;                                          CHỦ TỊCH
- Lưu: VT.                                      Lò Văn Khải
`;

const FESTIVAL = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ HƯNG LỘC                      Độc lập - Tự do - Hạnh phúc
Số: 04/KH-UBND                 Hưng Lộc, ngày 12 tháng 02 năm 2027

KẾ HOẠCH
Tổ chức Ngày hội thể thao các thôn xã Hưng Lộc năm 2027

Thực hiện Kế hoạch số 31/KH-UBND ngày 10/01/2027 của Ủy ban nhân dân huyện về tổ chức Hội khỏe Phù Đổng cấp huyện năm 2027, Ủy ban nhân dân xã xây dựng kế hoạch như sau:

I. NỘI DUNG
Ngày hội gồm các môn kéo co, bóng chuyền và đẩy gậy, tổ chức tại sân vận động xã.
Mỗi thôn cử một đội, mỗi đội không quá 12 vận động viên.
Ban Tổ chức ngày hội chỉ họp khi có ít nhất 3/4 tổng số các thành viên Ban Tổ chức có mặt.
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
  writeFileSync(join(dir, 'docs', 'xa-phuoc-son-phuong-an-11-cap-nuoc-sach-2027.txt'), WATER);
  writeFileSync(join(dir, 'docs', 'xa-hung-loc-ke-hoach-04-ngay-hoi-the-thao-2027.txt'), FESTIVAL);
  runtime = await createNodeRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { onProgress: () => {} });
}, 120_000);

const ask = (question: string): Promise<AskResponse> => runtime.assistant.ask({ question });
const quotes = (r: AskResponse) => r.citations.map((c) => c.quote).join('\n');

describe('the locality a question names', () => {
  it('is answered from the plan of that commune', async () => {
    const r = await ask('Ở xã Phước Sơn, mỗi hộ dân trả tiền nước bao nhiêu một quý?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('90.000 đồng/hộ/quý');
  });

  it('is not answered from another commune’s plan, however well its sentence matches', async () => {
    const r = await ask('Ở xã Hưng Lộc, mỗi hộ dân trả tiền nước bao nhiêu một quý?');
    expect(r.answered).toBe(false);
  });

  it('is read without diacritics too', async () => {
    const r = await ask('o xa hung loc moi ho dan tra tien nuoc bao nhieu mot quy');
    expect(r.answered).toBe(false);
  });
});

describe('the amount a question asks for', () => {
  it('"gồm bao nhiêu người" is not answered by the list of members without their count', async () => {
    const r = await ask('Tổ công tác cấp nước của xã Phước Sơn gồm bao nhiêu người?');
    expect(r.answered).toBe(false);
  });

  it('"bao nhiêu thành viên" is answered by a share of them ("3/4 tổng số các thành viên")', async () => {
    const r = await ask('Ở xã Hưng Lộc, Ban Tổ chức ngày hội họp khi có ít nhất bao nhiêu thành viên có mặt?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('3/4');
  });
});

describe('the coverage a quote needs', () => {
  it('leaves out the words that only say what kind of value is asked ("bao nhiêu tiền") when the quote shows one', async () => {
    const r = await ask('Hộ dân ở Phước Sơn phải trả bao nhiêu tiền một quý cho việc dùng nước?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('90.000 đồng/hộ/quý');
  });

  it('still asks the topic of the sum: another payer’s fee is not stated', async () => {
    const r = await ask('Trường học ở Phước Sơn phải trả bao nhiêu tiền một quý cho việc dùng nước?');
    expect(r.answered).toBe(false);
  });
});

describe('the thing whose amount is asked', () => {
  it('may be written as a synonym ("qua mạng" as "trực tuyến")', async () => {
    const r = await ask('Ở Phước Sơn, tỷ lệ hộ dân đăng ký sử dụng nước qua mạng là bao nhiêu phần trăm?');
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
    const r = await ask('Ở xã Phước Sơn, đường ống bị vỡ phải được sửa trong thời hạn bao lâu?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('12 giờ');
  });

  it('"bao lâu một lần" is shown by a rate written with a slash', async () => {
    const r = await ask('Tổ vận hành ở Phước Sơn phải thay vật liệu lọc bao lâu một lần?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('04 tháng/lần');
  });

  it('the date of a document a sentence cites ("số 31/KH-UBND ngày 10/01/2027") is not the date of the event it is about', async () => {
    expect((await ask('Hội khỏe Phù Đổng cấp huyện năm 2027 được tổ chức vào ngày nào?')).answered).toBe(false);
    expect((await ask('On what date will the district Phu Dong sports festival take place in 2027?')).answered).toBe(false);
  });

  it('a topic word that sounds like a time ("hoàn thành") asks no date: the share answers', async () => {
    const r = await ask('Ở Phước Sơn, tỷ lệ thôn hoàn thành chỉ tiêu được khen thưởng tối đa là bao nhiêu?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('30%');
  });
});
