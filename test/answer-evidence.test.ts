/**
 * What a quote must show to answer, end to end on documents written here (two communes' plans, a clean-water one and
 * a festival one; a third commune's report with a table; a district's report): the locality the question names, the
 * level, the time it asks for, the unit, a table row's header, and the clause a value is read in.
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

const WELLS = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TÂN HÒA                        Độc lập - Tự do - Hạnh phúc
Số: 21/BC-UBND                 Tân Hòa, ngày 20 tháng 10 năm 2027

BÁO CÁO
Kết quả xây dựng công trình nước sinh hoạt xã Tân Hòa năm 2027

I. KẾT QUẢ CHUNG
Cứng hóa 2,4 km kênh dẫn nước nội đồng; nạo vét 3.100 m3 bùn đất.
Bể chứa nước tập trung của thôn Đồi Mây có dung tích 150 m3, đặt trên diện tích 60 m2.
Ban quản lý công trình gồm 05 đồng chí, do đồng chí Phó Chủ tịch Ủy ban nhân dân xã làm Trưởng ban.

II. KẾT QUẢ THEO THÔN
Thôn | Số hộ hưởng lợi (hộ) | Giếng khoan mới (cái) | Diện tích tưới (ha)

Thôn Bình An | 120 | 14 | 35

Thôn Đồi Mây | 95 | 9 | 22

Thôn Suối Cát | 80 | 6 | 18

Tổng cộng | 295 | 29 | 75

III. TỔ CHỨC THỰC HIỆN
Ngày hội nước sạch của xã được tổ chức vào dịp 22 tháng 3 hằng năm.
Mỗi giếng khoan được lấy mẫu kiểm tra chất lượng nước không quá 02 lần/năm.
Tin báo hỏng giếng gửi sau 17 giờ 00 được tính tiếp nhận vào ngày làm việc tiếp theo.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Các thôn;                                          CHỦ TỊCH
- Lưu: VT.                                      Hà Văn Lợi
`;

const DISTRICT = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÔNG TRÀ                      Độc lập - Tự do - Hạnh phúc
Số: 77/BC-UBND                 Đông Trà, ngày 20 tháng 3 năm 2027

BÁO CÁO
Kết quả quản lý hệ thống đèn chiếu sáng công cộng huyện Đông Trà quý I năm 2027

I. KẾT QUẢ
Toàn huyện có 1.240 bóng đèn chiếu sáng công cộng đang hoạt động.
Còn 96 bóng đèn hư hỏng, chủ yếu trên các tuyến đường liên thôn (60 bóng, chiếm 62,5% số bóng hư hỏng); xã Phước Sơn và xã Hưng Lộc có nhiều bóng hư hỏng nhất.
Xã Hưng Lộc thay mới 45 bóng đèn tiết kiệm điện, đạt 90% kế hoạch năm.
Đoàn kiểm tra của huyện kiểm tra hệ thống đèn chiếu sáng vào tháng 6 và tháng 12 năm 2027.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Các xã;                                          CHỦ TỊCH
- Lưu: VT.                                      Hà Minh Tuấn
`;

let runtime: NodeRuntime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-evidence-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'xa-phuoc-son-phuong-an-11-cap-nuoc-sach-2027.txt'), WATER);
  writeFileSync(join(dir, 'docs', 'xa-hung-loc-ke-hoach-04-ngay-hoi-the-thao-2027.txt'), FESTIVAL);
  writeFileSync(join(dir, 'docs', 'xa-tan-hoa-bao-cao-21-nuoc-sinh-hoat-2027.txt'), WELLS);
  writeFileSync(join(dir, 'docs', 'huyen-dong-tra-bao-cao-77-den-chieu-sang.txt'), DISTRICT);
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

  it('is not answered by a count at another level than the national one asked ("cấp huyện" for "quốc gia")', async () => {
    const r = await ask('Năm 2026, xã Hưng Lộc có bao nhiêu vận động viên đạt giải tại Hội khỏe Phù Đổng cấp quốc gia?');
    expect(r.answered).toBe(false);
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

  it('"mấy lần một tháng" is shown by a rate over the month ("02 lần/tháng")', async () => {
    const r = await ask('Tổ vận hành ở Phước Sơn kiểm tra tuyến ống chính mấy lần một tháng?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('02 lần/tháng');
  });

  it('"mấy lần một tháng" is not shown by the months of a date ("tháng 6 và tháng 12")', async () => {
    const r = await ask('Đoàn kiểm tra của huyện Đông Trà kiểm tra hệ thống đèn chiếu sáng mấy lần một tháng?');
    expect(r.answered).toBe(false);
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

describe('an amount in the unit asked', () => {
  it('is shown by the unit’s sign ("2,4 km" for "bao nhiêu ki lô mét")', async () => {
    const r = await ask('Xã Tân Hòa cứng hóa được bao nhiêu ki lô mét kênh dẫn nước?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('2,4 km');
  });

  it('"mét vuông" is shown by "m2", not by the tank’s "m3"', async () => {
    const r = await ask('Bể chứa nước của thôn Đồi Mây đặt trên diện tích bao nhiêu mét vuông?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('60 m2');
  });

  it('a count of members is stated in "đồng chí"', async () => {
    const r = await ask('Ban quản lý công trình nước ở Tân Hòa có bao nhiêu thành viên?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('05 đồng chí');
  });

  it('a place named "Mây" asks no "mấy": the count asked is the one after "bao nhiêu"', async () => {
    const r = await ask('Thôn Đồi Mây có bao nhiêu giếng khoan mới?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('Thôn Đồi Mây | 95 | 9 | 22');
  });
});

// Rows laid out one per paragraph (as a scan's OCR gives them): the cleaner keeps each a sentence of its own.
describe('a table row', () => {
  it('answers with the meaning and unit its header row gives its numbers', async () => {
    const r = await ask('Thôn Suối Cát được tưới bao nhiêu héc ta?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('Thôn Suối Cát | 80 | 6 | 18');
  });

  it('a whole is answered by the total row', async () => {
    const r = await ask('Cả xã Tân Hòa có bao nhiêu giếng khoan mới?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('Tổng cộng | 295 | 29 | 75');
  });

  it('shows the header row above the quoted row, the quote staying the row', async () => {
    const r = await ask('Thôn Bình An có bao nhiêu hộ hưởng lợi?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('Thôn Bình An | 120 | 14 | 35');
    expect(r.citations[0]!.tableHeader).toBe('Thôn | Số hộ hưởng lợi (hộ) | Giếng khoan mới (cái) | Diện tích tưới (ha)');
    expect(r.answer).toContain('Dòng tiêu đề của bảng: “Thôn | Số hộ hưởng lợi (hộ) | Giếng khoan mới (cái) | Diện tích tưới (ha)”\n“Thôn Bình An | 120 | 14 | 35”');
  });

  it('does not answer for a place no row is labelled with', async () => {
    const r = await ask('Thôn Khe Lim có bao nhiêu giếng khoan mới?');
    expect(r.answered).toBe(false);
  });

  it('does not answer a count of what no column counts', async () => {
    const r = await ask('Thôn Bình An có bao nhiêu máy bơm điện?');
    expect(r.answered).toBe(false);
  });
});

describe('a day or a number written another way', () => {
  it('"ngày nào hằng năm" is answered by a day written "22 tháng 3"', async () => {
    const r = await ask('Ngày hội nước sạch ở Tân Hòa tổ chức vào ngày nào hằng năm?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('22 tháng 3');
  });

  it('"vào ngày nào" is answered by a day told from another ("ngày làm việc tiếp theo"); "5 giờ chiều" is "17 giờ"', async () => {
    const r = await ask('Ở Tân Hòa, báo hỏng giếng sau 5 giờ chiều thì được tính tiếp nhận vào ngày nào?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('ngày làm việc tiếp theo');
  });

  it('the "1" of "1 năm … mấy lần" is the rate’s period, not a number the answer must leave out', async () => {
    const r = await ask('1 năm mỗi giếng khoan ở Tân Hòa được lấy mẫu kiểm tra nước tối đa mấy lần?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('02 lần/năm');
  });

  it('a day asked is not answered by another amount of the same sentence’s topic', async () => {
    const r = await ask('Mỗi giếng khoan ở Tân Hòa được lấy mẫu kiểm tra nước vào ngày nào?');
    expect(r.answered).toBe(false);
  });
});

describe('the clause a value is read in', () => {
  it('a district report’s share answers for a commune only in the clause that names the commune', async () => {
    const r = await ask('Xã Phước Sơn có bao nhiêu phần trăm bóng đèn chiếu sáng bị hư hỏng?');
    expect(r.answered).toBe(false);
  });

  it('a clause that names the commune with its value answers', async () => {
    const r = await ask('Xã Hưng Lộc thay mới bóng đèn tiết kiệm điện đạt bao nhiêu phần trăm kế hoạch năm?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('90%');
  });
});
