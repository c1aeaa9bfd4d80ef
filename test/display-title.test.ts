/**
 * Display titles of OCR-damaged documents: real section titles of KH 22
 * (Điện Biên) and KH 121 (Sơn La), restored from the clean documents'
 * vocabulary — only where the restorer is sure, never inventing words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText, matchKey } from '../ingest/clean.js';
import { withoutReceivedStamp } from '../ingest/metadata.js';
import { parseDocument } from '../ingest/parse-document.js';
import { citationLine } from '../src/answer/format.js';
import type { NodeRuntime } from '../src/node.js';
import { restoreDisplayTitle } from '../src/text/display-title.js';
import { fold } from '../src/text/fold.js';
import { Restorer } from '../src/text/restorer.js';
import { Vocabulary } from '../src/text/vocabulary.js';
import type { AskResponse } from '../src/types.js';
import { corpusDir, testRuntime } from './helpers/runtime.js';
import { shippedPhrases } from '../src/text/reading-model.js';

const CLEAN = ['dang-uy-phuong-ke-hoach-67-kh-du.txt', 'dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt', 'tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt'];
const read = (name: string) => readFileSync(join(corpusDir, name), 'utf8');

let restorer: Restorer;
let vocabulary: Vocabulary;
beforeAll(() => {
  const clean = CLEAN.map((name) => cleanText(read(name)).text);
  restorer = new Restorer(clean, shippedPhrases('names'));
  vocabulary = Vocabulary.fromTexts(clean, shippedPhrases('names'));
});

describe('restoreDisplayTitle on real OCR titles', () => {
  it.each([
    // KH 22-KH/TU, Điện Biên
    ['Déi méi vé cong tdc to chirc hji nghi', 'Déi méi về công tdc tổ chirc hội nghị'],
    ['MUC PICH, YEU CAU', 'MỤC ĐÍCH, YÊU CẦU'],
    ['NHIEM VU, GIAI PHAP TRONG TAM', 'NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM'],
    ['TO CHUC THUC HIEN', 'TỔ CHỨC THỰC HIỆN'],
    ['Muc dich', 'Mục đích'],
    ['Yéu ciu', 'Yêu cầu'],
    ['Nhiém vu, gidi phap trong tam thwc hién', 'Nhiệm vụ, giải pháp trọng tâm thực hiện'],
    ['Cong tdc tuyén truyén, trién khai thuc hién Két ludn s6 226-KL/TW', 'Công tác tuyên truyền, triển khai thực hiện Kết luận số 226-KL/TW'],
    ['Duy tri va siét chat ky luét, k¢ cuong hanh…', 'Duy trì và siết chặt kỷ luật, k¢ cương hành…'],
    // "thyc…" is "thực" (tình hình thực hiện), cut off: one edit with context on one side only stays as scanned.
    ['Pinh ky . kiém diém, danh gia tinh hinh thyc…', 'Định kỳ . kiểm điểm, đánh giá tình hình thyc…'],
    // KH 121-KH/BTGTU, Sơn La (another OCR engine: capitals mid-word)
    ['NOI DUNG TUYEN TRUYEN', 'NỘI DUNG TUYÊN TRUYỀN'],
    ['Co vu, dOng vien toan Dang, toan dan, toan quan…', 'Cổ vũ, động viên toàn Đảng, toàn dân, toàn quân…'],
    ['Cac Chuang trinh, hoat dOng xay dung Dang, xay dung…', 'Các Chương trình, hoạt động xây dựng Đảng, xây dựng…'],
  ])('%s → %s', (before, after) => {
    expect(restoreDisplayTitle(before, restorer)).toBe(after);
  });

  it('leaves words it is not sure of exactly as scanned', () => {
    // "Thyee hign chin" and "Ié 161" are too damaged; "Vn" could be "văn" or "và"; "ty" is a real word ("tỷ").
    expect(restoreDisplayTitle('Thyee hign chin chinh Ié 161 lam viéc', restorer)).toBe('Thyee hign chin chỉnh Ié 161 làm việc');
    expect(restoreDisplayTitle('Vn ban hanh chinh', restorer)).toBe('Vn ban hành chính');
    // Symbols inside a word or an apostrophe for a lost mark: letters are missing, so the word stays.
    expect(restoreDisplayTitle('P&i méi hidu qua', restorer)).toMatch(/^P&i méi /);
    expect(restoreDisplayTitle("De nghi So' Van hoa", restorer)).toBe("Đề nghị So' Văn hóa");
    expect(restoreDisplayTitle('MK RICH, YEU CAU', restorer)).toBe('MK RICH, YÊU CẦU');
  });

  it('keeps correct titles, acronyms and document numbers as they are', () => {
    for (const title of ['Phần mở đầu', 'Nơi nhận', 'Đổi mới về công tác tổ chức hội nghị', 'Kết luận số 226-KL/TW']) {
      expect(restoreDisplayTitle(title, restorer)).toBe(title);
    }
    expect(restoreDisplayTitle('Pang uy HDPND tinh tdng cudng gidm sat cdng tac…', restorer)).toContain('HDPND');
  });

  it('only ever changes diacritics, case or one OCR-damaged letter of a word, never the word count', () => {
    const titles = ['Trach nhiém cla cdn bd, dang vién, céng chic, vién chirc trong thyuc thi cong vu', 'K6t qua, thanh tun da dat dugc cua cong tac…', 'Uy ban Mt tran TS qudc tinh va cac t6…'];
    for (const title of titles) {
      const shown = restoreDisplayTitle(title, restorer);
      expect(shown.split(/\s+/)).toHaveLength(title.split(/\s+/).length);
      shown.split(/\s+/).forEach((word, i) => {
        const raw = title.split(/\s+/)[i]!;
        const [a, b] = [fold(word), fold(raw).replace(/6/g, 'o')];
        expect(a === b || Math.abs(a.length - b.length) <= 1).toBe(true);
      });
    }
  });
});

/** Invented clean text and invented scans of its titles: restoration from what a corpus's own clean documents write. */
const INVENTED_CLEAN = `Trung tâm Y tế huyện chủ trì, phối hợp với Phòng Giáo dục và Đào tạo tổ chức lớp tập huấn trực tuyến cho giáo viên.
Số lượng lớp tập huấn trực tuyến tăng so với năm trước; mỗi lớp tập huấn không quá 02 ngày.
Văn phòng Ủy ban nhân dân huyện theo dõi, đôn đốc việc thực hiện và báo cáo kết quả.
Tuyên truyền cổ động trực quan về phòng chống dịch bệnh tại các thôn, bản.
Trạm Y tế xã chủ trì, phối hợp với Trường Tiểu học thực hiện.`;

describe('restoreDisplayTitle on invented titles, learned from an invented clean document', () => {
  let invented: Restorer;
  beforeAll(() => {
    invented = new Restorer([INVENTED_CLEAN], shippedPhrases('names'));
  });

  it.each([
    ['Lép tap huan truc tuyén', 'Lớp tập huấn trực tuyến'],
    // Digit look-alikes ("S6" = "Số", "l6p" = "lớp") and "w" for "ư".
    ['S6 lwong l6p tap huan truc tuyén', 'Số lượng lớp tập huấn trực tuyến'],
    ['Trung tam Y té huyén chu tri…', 'Trung tâm Y tế huyện chủ trì…'],
    ['Vin phong Uy ban nhan dan huyén', 'Văn phòng Ủy ban nhân dân huyện'],
  ])('%s → %s', (before, after) => {
    expect(restoreDisplayTitle(before, invented)).toBe(after);
  });

  it('leaves words it is not sure of exactly as scanned', () => {
    // "Ong" lost its first letter ("động"); "Trwong" is a capitalised word no pair backs.
    expect(restoreDisplayTitle('Tuyén truyén c6 Ong truc quan', invented)).toBe('Tuyên truyền cổ Ong trực quan');
    expect(restoreDisplayTitle('Tram Y té xa chu tri, phéi hop véi Trwong Tiéu hoc', invented)).toBe('Trạm Y tế xã chủ trì, phối hợp với Trwong Tiểu học');
  });
});

describe('parseDocument: display titles only for OCR-damaged documents', () => {
  it('KH 22: restored outline and chunk display titles, scanned titles and text kept', () => {
    const raw = read('dien-bien-ke-hoach-22-kh-tu.txt');
    const plain = parseDocument('dien-bien-ke-hoach-22-kh-tu.txt', raw, vocabulary);
    const shown = parseDocument('dien-bien-ke-hoach-22-kh-tu.txt', raw, vocabulary, restorer);
    expect(shown.meta.ocr).toBe(true);
    const b = shown.meta.outline.find((o) => o.path === 'II.2.3.b')!;
    expect(b).toMatchObject({ title: 'Déi méi về công tdc tổ chirc hội nghị', titleRaw: 'Déi méi vé cong tdc to chirc hji nghi' });
    // Synthetic titles are never touched.
    expect(shown.meta.outline.find((o) => o.path === 'Phụ lục')).toEqual({ path: 'Phụ lục', title: 'Phụ lục', level: 1 });
    // Retrieval and quoting see exactly what they saw before: same text, same chunks, same scanned titles.
    expect(shown.text).toBe(plain.text);
    expect(shown.chunks.map(({ sectionDisplay: _d, ...c }) => c)).toEqual(plain.chunks);
    const chunk = shown.chunks.find((c) => c.section === 'II.2.3.b')!;
    expect(chunk.sectionTitle).toBe('Déi méi vé cong tdc to chirc hji nghi');
    expect(chunk.sectionDisplay).toBe('Déi méi về công tdc tổ chirc hội nghị');
    // The trích yếu and title: restored words for display; `title` (what retrieval reads) stays as scanned.
    expect(shown.meta.displayTitle).toMatch(/^Kế hoạch số 22-KH\/TU – Triển khai Kết luéin/);
    expect(shown.meta.title).toBe(plain.meta.title);
    expect(shown.meta.summaryRaw).toBe(plain.meta.summary);
  });

  it('clean documents are left exactly as they were', () => {
    const raw = read('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt');
    expect(parseDocument('hd.txt', raw, vocabulary, restorer)).toEqual(parseDocument('hd.txt', raw, vocabulary));
  });
});

describe('end to end: /api/ask and the source view show restored titles, quotes stay verbatim', () => {
  let runtime: NodeRuntime;
  beforeAll(async () => {
    runtime = await testRuntime();
  }, 120_000);

  it('the canonical question cites KH 22 II.2.3.b under its restored title; the quote is verbatim in the source', async () => {
    const res = await runtime.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?' }),
    });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as AskResponse;
    const citation = reply.citations.find((c) => c.section === 'II.2.3.b')!;
    expect(citation).toMatchObject({
      source: 'dien-bien-ke-hoach-22-kh-tu.txt',
      // Read by the syllable reader at ingest (ingest/read-titles.ts).
      sectionTitle: 'Đổi mới về công tác tổ chức hội nghị',
      sectionTitleRaw: 'Déi méi vé cong tdc to chirc hji nghi',
      ocr: true,
    });
    expect(citation.title).toMatch(/^Kế hoạch số 22-KH\/TU – Triển khai Kết luận số 226-KL\/TW/);
    // The quote is the scan, untouched: verbatim in the cleaned text and in the file itself.
    expect(citation.quote).toContain('két luén khong qua 50 phut');
    const stored = runtime.kb.document('dien-bien-ke-hoach-22-kh-tu')!;
    expect(stored.text).toContain(citation.quote);
    expect(matchKey(read(citation.source))).toContain(matchKey(citation.quote));
    // The plain-text channels (Zalo, reports) print the restored title.
    expect(citationLine(citation, stored.meta)).toContain('mục II.2.3.b – Đổi mới về công tác tổ chức hội nghị');
  });

  it('the source view lists restored section titles with the scanned ones alongside', async () => {
    const body = await (await runtime.app.request('/api/documents/dien-bien-ke-hoach-22-kh-tu')).json();
    const section = body.sections.find((s: { section: string }) => s.section === 'II.2.3.b');
    expect(section).toMatchObject({ sectionTitle: 'Đổi mới về công tác tổ chức hội nghị', sectionTitleRaw: 'Déi méi vé cong tdc to chirc hji nghi' });
    expect(matchKey(body.text)).toContain(matchKey(section.text));
    expect(body.document.title).toMatch(/^Kế hoạch số 22-KH\/TU – Triển khai Kết luận số 226-KL\/TW/);
    expect(body.document.titleRaw).toMatch(/^Kế hoạch số 22-KH\/TU – Trién khai Két luéin/);
    expect(body.document.displayTitle).toBeUndefined();
    const list = await (await runtime.app.request('/api/documents')).json();
    expect(list.documents.find((d: { id: string }) => d.id === 'son-la-ke-hoach-121-kh-btgtu').title).toContain('tuyên truyền');
    // A clean document has nothing to restore.
    const clean = await (await runtime.app.request('/api/documents/dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu')).json();
    expect(clean.sections.every((s: { sectionTitleRaw?: string }) => s.sectionTitleRaw === undefined)).toBe(true);
    expect(clean.document.titleRaw).toBeUndefined();
  });
});

describe('trích yếu of a scan with a "received" stamp over it', () => {
  it('KH 121 (Sơn La): the displayed summary stops where the stamp (ĐẾN / NGÀY / CHUYỂN) starts', () => {
    const { meta } = parseDocument('son-la-ke-hoach-121-kh-btgtu.txt', read('son-la-ke-hoach-121-kh-btgtu.txt'), vocabulary, restorer);
    expect(meta.summaryRaw).toMatch(/^So VAN HOA\.TH6D \*Oft tuyen truyen ve cling tac dun g Ding va he chinh tri so DEN 3 NGAY/);
    expect(meta.summary).toBe('So VAN HOA.TH6D *Oft tuyên truyền về cling tac dun g Ding và hệ chính trị');
    expect(meta.displayTitle).toBe('Kế hoạch số 121-KH/BTGTU – So VAN HOA.TH6D *Oft tuyên truyền về cling tac dun g Ding và hệ chính trị');
    // What retrieval reads is the title as extracted before.
    expect(meta.title).toMatch(/^Kế hoạch số 121-KH\/BTGTU – So VAN HOA\.TH6D \*Oft tuyen truyen ve cling tac dun g Ding va he chinh tri so DEN 3/);
  });

  it('keeps a lowercase "đến năm" or "ngày" of a real trích yếu', () => {
    expect(withoutReceivedStamp('về chuyển đổi số đến năm 2030, ngày 11/12/2025')).toBe('về chuyển đổi số đến năm 2030, ngày 11/12/2025');
    expect(withoutReceivedStamp('tuyen truyen ve cong tac so DEN 3 NGAY 1..1.x')).toBe('tuyen truyen ve cong tac');
  });
});
