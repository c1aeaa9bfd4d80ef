/**
 * Questions about a regulation by articles (an invented Quy chế of a commune fund): who decides after a modal
 * ("ai có quyền quyết định"), who holds a post now, clause numbers left alone by the sentence splitter, and
 * who signs a paper the regulation describes (not the signature block).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';
import { fold } from '../src/text/fold.js';
import type { AskResponse } from '../src/types.js';

const RULES = `ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ MẪU SƠN                          Độc lập - Tự do - Hạnh phúc

Số: 07/QĐ-UBND                      Mẫu Sơn, ngày 10 tháng 3 năm 2027

QUYẾT ĐỊNH
Ban hành Quy chế quản lý Quỹ hỗ trợ nông dân xã Mẫu Sơn

Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý Quỹ hỗ trợ nông dân xã Mẫu Sơn.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Như Điều 2;                                        CHỦ TỊCH
- Lưu: VT.                                      Hà Văn Tuấn

QUY CHẾ
Quản lý Quỹ hỗ trợ nông dân xã Mẫu Sơn
(Ban hành kèm theo Quyết định số 07/QĐ-UBND ngày 10 tháng 3 năm 2027)

Chương I
QUY ĐỊNH CHUNG

Điều 1. Tổ chức của Quỹ
1. Ban điều hành Quỹ có 05 thành viên do Chủ tịch Ủy ban nhân dân xã quyết định thành lập.
2. Giám đốc Quỹ do Trưởng Ban điều hành bổ nhiệm trong số cán bộ Hội Nông dân xã.

Điều 2. Cho vay
1. Mức cho vay tối đa là 50 triệu đồng cho một hộ, thời hạn không quá 36 tháng.
2. Hợp đồng vay vốn do Giám đốc Quỹ ký với hộ vay.

Điều 3. Xử lý rủi ro
1. Khoản vay bị thiệt hại do bão, lũ được gia hạn nợ không quá 12 tháng.
2. Việc miễn tiền lãi đến 10 triệu đồng do Ban điều hành quyết định, trên 10 triệu đồng do Ủy ban nhân dân xã quyết định.
`;

let runtime: NodeRuntime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-regulation-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'xa-mau-son-quyet-dinh-07-quy-che-quy-ho-tro-nong-dan.txt'), RULES);
  runtime = await createNodeRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { onProgress: () => {} });
}, 120_000);

const ask = (question: string): Promise<AskResponse> => runtime.assistant.ask({ question });
const quotes = (r: AskResponse) => fold(r.citations.map((c) => c.quote).join('\n'));

describe('questions about a regulation by articles', () => {
  it('reads "ai có quyền quyết định" as who decides, and quotes the clause that says so', async () => {
    const r = await ask('Ai có quyền quyết định việc miễn tiền lãi cho hộ vay?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('do ban dieu hanh quyet dinh');
  });

  it('refuses who holds a post now when the regulation names no one', async () => {
    const r = await ask('Hiện nay ai đang làm Giám đốc Quỹ hỗ trợ nông dân xã Mẫu Sơn?');
    expect(r.answered).toBe(false);
  });

  it('answers who signs a paper the regulation describes from the clause, not from the signature block', async () => {
    const r = await ask('Ai là người ký hợp đồng vay vốn với hộ vay?');
    expect(r.answer).not.toContain('Hà Văn Tuấn');
    if (r.answered) expect(quotes(r)).toContain('giam doc quy ky');
  });

  it('names the decision signer, not a heading of the attached rules', async () => {
    const r = await ask('Ai ký Quyết định ban hành Quy chế quản lý Quỹ hỗ trợ nông dân?');
    expect(r.answered).toBe(true);
    expect(r.answer).toContain('Hà Văn Tuấn');
    expect(r.answer).not.toContain('Chương I');
  });

  it('never quotes a clause number alone', async () => {
    const r = await ask('Ban điều hành Quỹ có mấy thành viên?');
    for (const c of r.citations) expect(c.quote.trim()).not.toMatch(/^(?:Điều\s+)?\d{1,3}\.?$/u);
    if (r.answered) expect(quotes(r)).toContain('05 thanh vien');
  });
});
