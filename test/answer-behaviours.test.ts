/**
 * The answerer end to end on a document it was never tuned on (written here, a commune plan in the state
 * layout with a two-column signature block): each behaviour is one a new user's upload needs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFUSAL_REASONS } from '../src/answer/decision.js';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';
import type { AskResponse } from '../src/types.js';

const PLAN = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ BÌNH MINH                      Độc lập - Tự do - Hạnh phúc
Số: 07/KH-UBND                 Bình Minh, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Tổ chức Hội thi văn nghệ quần chúng xã Bình Minh năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Hội thi nhằm phát huy phong trào văn hóa, văn nghệ ở các thôn, gắn với xây dựng đời sống văn hóa cơ sở.
2. Yêu cầu
Phấn đấu 100% thôn trên địa bàn xã tham gia hội thi.

II. NỘI DUNG
1. Thời gian, địa điểm
Hội thi diễn ra trong 02 ngày, từ ngày 20/3/2026 đến ngày 21/3/2026, tại Nhà văn hóa xã.
2. Thành phần tham gia
Mỗi thôn cử một đội văn nghệ, mỗi đội không quá 15 diễn viên.

III. KINH PHÍ
Kinh phí tổ chức hội thi là 45 triệu đồng từ ngân sách xã năm 2026.

IV. TỔ CHỨC THỰC HIỆN
1. Công chức Văn hóa - Xã hội chủ trì, tham mưu tổ chức hội thi.
2. Trưởng các thôn thành lập đội văn nghệ, đăng ký dự thi trước ngày 10/3/2026.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- UBND huyện (b/c);                                  CHỦ TỊCH
- Các thôn;                                          (Đã ký)
- Lưu: VT.                                      Phan Văn Tân
`;

let runtime: NodeRuntime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-behaviours-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'xa-binh-minh-ke-hoach-07-hoi-thi-van-nghe-2026.txt'), PLAN);
  runtime = await createNodeRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { onProgress: () => {} });
}, 120_000);

const ask = (question: string, debug = false): Promise<AskResponse> => runtime.assistant.ask({ question, debug });
const quotes = (r: AskResponse) => r.citations.map((c) => c.quote).join('\n');

describe('answers a document it was never tuned on', () => {
  it('a sum of money is answered by the amount, though the quote never writes the word "tiền"', async () => {
    const r = await ask('Kinh phí tổ chức hội thi văn nghệ là bao nhiêu tiền?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('45 triệu đồng');
  });

  it('a share is answered by the "%" that states it', async () => {
    const r = await ask('Tỷ lệ thôn tham gia hội thi phải đạt bao nhiêu phần trăm?');
    expect(quotes(r)).toContain('100%');
  });

  it('a length of time is answered by the count of days', async () => {
    const r = await ask('Hội thi văn nghệ diễn ra trong mấy ngày?');
    expect(quotes(r)).toContain('02 ngày');
  });

  it('the signer is read from the signing block when the metadata lacks it', async () => {
    const r = await ask('Ai ký kế hoạch tổ chức hội thi văn nghệ của xã Bình Minh?');
    expect(r.answered).toBe(true);
    expect(r.citations[0]!.quote).toBe('Phan Văn Tân');
    expect(r.answer).toContain('CHỦ TỊCH');
  });

  it('the number is read from the header', async () => {
    const r = await ask('Kế hoạch tổ chức hội thi văn nghệ của xã Bình Minh có số hiệu là gì?');
    expect(r.answered).toBe(true);
    expect(r.answer).toContain('07/KH-UBND');
  });

  it('refuses what the document does not speak of, with a reason from the closed list', async () => {
    const r = await ask('Giá cà phê nhân xuất khẩu tháng này là bao nhiêu?');
    expect(r.answered).toBe(false);
    expect(REFUSAL_REASONS).toContain(r.reason);
  });

  it('explains its decision with debug: the kinds read, the candidates scored', async () => {
    const r = await ask('Kinh phí tổ chức hội thi văn nghệ là bao nhiêu tiền?', true);
    const trace = r.trace as { question: { kinds: Array<{ name: string }> }; candidates: unknown[] };
    expect(trace.question.kinds.map((k) => k.name)).toContain('money');
    expect(trace.candidates.length).toBeGreaterThan(0);
  });
});
