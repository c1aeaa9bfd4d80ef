/**
 * Questions about a document itself (who signed it, when it takes effect, what it replaces, which article
 * says …) asked in Vietnamese and in English, and documents named by a type people write longer or shorter
 * than the corpus ("Thông báo kết luận 47" for a Thông báo numbered 47-TB/HU). Invented documents and questions.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';
import { resolveRefs } from '../src/retrieval/ref-resolution.js';
import { findDocRefs } from '../src/text/doc-refs.js';
import { fold } from '../src/text/fold.js';
import type { AskResponse } from '../src/types.js';

const NOTICE = `HUYỆN ỦY LÂM BÌNH                ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 47-TB/HU                     Lâm Bình, ngày 14 tháng 3 năm 2027

THÔNG BÁO
Kết luận của Thường trực Huyện ủy về công tác chuẩn bị mùa vụ năm 2027

Ngày 10/3/2027, Thường trực Huyện ủy họp nghe báo cáo về công tác chuẩn bị mùa vụ. Thường trực Huyện ủy kết luận như sau:
1. Ủy ban nhân dân huyện chỉ đạo nạo vét 12 km kênh mương nội đồng trước ngày 30/4/2027.
2. Phòng Nông nghiệp cung ứng đủ giống lúa xác nhận cho các xã vùng thấp.

Nơi nhận:                                    T/L BAN THƯỜNG VỤ
- Các đồng chí Huyện ủy viên,                 CHÁNH VĂN PHÒNG
- Lưu Văn phòng Huyện ủy.                        (Đã ký)
                                                Đinh Thị Mai
`;

const DECISION = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN LÂM BÌNH                     Độc lập - Tự do - Hạnh phúc
Số: 63/QĐ-UBND                 Lâm Bình, ngày 02 tháng 4 năm 2027

QUYẾT ĐỊNH
Ban hành Quy chế thu gom, xử lý rác thải sinh hoạt trên địa bàn huyện Lâm Bình

CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN LÂM BÌNH

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế thu gom, xử lý rác thải sinh hoạt trên địa bàn huyện.
Điều 2. Quyết định này có hiệu lực kể từ ngày 15/4/2027 và thay thế Quyết định số 19/QĐ-UBND ngày 10/02/2024 của Ủy ban nhân dân huyện.
Điều 3. Chánh Văn phòng Ủy ban nhân dân huyện, Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.

QUY CHẾ
Thu gom, xử lý rác thải sinh hoạt trên địa bàn huyện Lâm Bình

Điều 4. Phân loại rác thải tại nguồn
Hộ gia đình phân loại rác thải thành rác hữu cơ, rác tái chế và rác còn lại trước khi chuyển đến điểm tập kết.
Điều 5. Thời gian thu gom
Tổ thu gom thu gom rác thải tại các điểm tập kết vào buổi tối, từ 18 giờ đến 21 giờ hằng ngày.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Như Điều 3;                                        CHỦ TỊCH
- Lưu: VT.                                          (Đã ký)
                                                 Hà Quang Vinh
`;

let runtime: NodeRuntime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-document-questions-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'huyen-uy-lam-binh-thong-bao-47-mua-vu-2027.txt'), NOTICE);
  writeFileSync(join(dir, 'docs', 'huyen-lam-binh-quyet-dinh-63-quy-che-rac-thai.txt'), DECISION);
  runtime = await createNodeRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { onProgress: () => {} });
}, 120_000);

const ask = (question: string): Promise<AskResponse> => runtime.assistant.ask({ question });
const quotes = (r: AskResponse) => fold(r.citations.map((c) => c.quote).join('\n'));

describe('a document named by a longer or shorter type name', () => {
  it('reads "Thông báo kết luận 47" and "Kết luận 47" as the corpus\'s Thông báo 47-TB/HU', async () => {
    const documents = runtime.kb.documents();
    expect(resolveRefs(findDocRefs('Thông báo kết luận 47 ký ngày nào?'), 'Thông báo kết luận 47 ký ngày nào?', documents)[0]!.full).toBe('47-TB/HU');
    expect(resolveRefs(findDocRefs('Kết luận 47 do ai ký?'), 'Kết luận 47 do ai ký?', documents)[0]!.full).toBe('47-TB/HU');
    // A type that is neither the document's nor in its title is another document: not resolved.
    expect(resolveRefs(findDocRefs('Chỉ thị 47 do ai ký?'), 'Chỉ thị 47 do ai ký?', documents)[0]!.full).toBeUndefined();
    const date = await ask('Thông báo kết luận 47 ký ngày nào?');
    expect(date.answered).toBe(true);
    expect(quotes(date)).toContain('ngay 14 thang 3 nam 2027');
    const signer = await ask('Kết luận 47 do ai ký?');
    expect(signer.answered).toBe(true);
    expect(fold(signer.answer)).toContain('dinh thi mai');
  });
});

describe('English questions about a document', () => {
  it('answers when a decision takes effect and what it replaces, not refusing the asking words as an unknown topic', async () => {
    const effect = await ask('When does Decision 63 take effect?');
    expect(effect.answered).toBe(true);
    expect(quotes(effect)).toContain('co hieu luc ke tu ngay 15/4/2027');
    const replaced = await ask('Which document does Decision 63 replace?');
    expect(replaced.answered).toBe(true);
    expect(fold(replaced.answer)).toContain('19/qd-ubnd');
  });

  it('still refuses a document question about something the corpus does not hold', async () => {
    const reply = await ask('Who signed the treaty on lunar mining?');
    expect(reply.answered).toBe(false);
  });
});
