/**
 * Display titles of OCR-damaged documents: real section titles of KH 22
 * (Điện Biên) and KH 121 (Sơn La), read by the syllable reader (the shipped
 * model plus the clean documents) as the build reads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText, matchKey } from '../ingest/clean.js';
import { withoutReceivedStamp } from '../ingest/metadata.js';
import { parseDocument } from '../ingest/parse-document.js';
import { citationLine } from '../src/answer/format.js';
import type { NodeRuntime } from '../src/node.js';
import { fold } from '../src/text/fold.js';
import { damage, type SyllableReader } from '../src/text/reading.js';
import { Vocabulary } from '../src/text/vocabulary.js';
import type { AskResponse } from '../src/types.js';
import { corpusDir, testRuntime } from './helpers/runtime.js';
import { loadSyllableReader, shippedNames } from '../src/text/reading-model.js';
import { readTitles } from '../ingest/read-titles.js';

const CLEAN = ['dang-uy-phuong-ke-hoach-67-kh-du.txt', 'dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt', 'tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt'];
const read = (name: string) => readFileSync(join(corpusDir, name), 'utf8');

let reader: SyllableReader;
let vocabulary: Vocabulary;
beforeAll(() => {
  const clean = CLEAN.map((name) => cleanText(read(name)).text);
  reader = loadSyllableReader(clean).reader;
  vocabulary = Vocabulary.fromTexts(clean, shippedNames());
});

/** Parses a home document and, for a scan, reads its titles as the build does. */
function parsed(name: string) {
  const doc = parseDocument(name, read(name), vocabulary);
  if (doc.meta.ocr) {
    const level = damage(doc.text);
    readTitles(doc.meta, doc.chunks, (title) => reader.read(title, level).text);
  }
  return doc;
}

describe('read titles: only for OCR-damaged documents', () => {
  it('KH 22: read outline and chunk display titles, scanned titles and text kept', () => {
    const raw = read('dien-bien-ke-hoach-22-kh-tu.txt');
    const plain = parseDocument('dien-bien-ke-hoach-22-kh-tu.txt', raw, vocabulary);
    const shown = parsed('dien-bien-ke-hoach-22-kh-tu.txt');
    expect(shown.meta.ocr).toBe(true);
    const b = shown.meta.outline.find((o) => o.path === 'II.2.3.b')!;
    expect(b).toMatchObject({ title: 'Đổi mới về công tác tổ chức hội nghị', titleRaw: 'Déi méi vé cong tdc to chirc hji nghi' });
    // Synthetic titles are never touched.
    expect(shown.meta.outline.find((o) => o.path === 'Phụ lục')).toEqual({ path: 'Phụ lục', title: 'Phụ lục', level: 1 });
    // Retrieval and quoting see exactly what they saw before: same text, same chunks, same scanned titles.
    expect(shown.text).toBe(plain.text);
    expect(shown.chunks.map(({ sectionDisplay: _d, ...c }) => c)).toEqual(plain.chunks);
    const chunk = shown.chunks.find((c) => c.section === 'II.2.3.b')!;
    expect(chunk.sectionTitle).toBe('Déi méi vé cong tdc to chirc hji nghi');
    expect(chunk.sectionDisplay).toBe('Đổi mới về công tác tổ chức hội nghị');
    // The trích yếu and title: read for display; `title` (what retrieval reads) stays as scanned.
    expect(shown.meta.displayTitle).toMatch(/^Kế hoạch số 22-KH\/TU – Triển khai Kết luận số 226-KL\/TW/);
    expect(shown.meta.title).toBe(plain.meta.title);
    expect(shown.meta.summaryRaw).toBe(plain.meta.summary);
  });

  it('parsing alone shows titles as written (clean documents are never read)', () => {
    const { meta, chunks } = parsed('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt');
    expect(meta.ocr).toBe(false);
    expect(meta.displayTitle).toBeUndefined();
    expect(meta.outline.every((o) => o.titleRaw === undefined)).toBe(true);
    expect(chunks.every((c) => c.sectionDisplay === undefined)).toBe(true);
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
    const { meta } = parsed('son-la-ke-hoach-121-kh-btgtu.txt');
    expect(meta.summaryRaw).toMatch(/^So VAN HOA\.TH6D \*Oft tuyen truyen ve cling tac dun g Ding va he chinh tri so DEN 3 NGAY/);
    expect(meta.summary).toMatch(/tuyên truyền về công tác .* chính trị$/);
    expect(meta.displayTitle).toBe(`Kế hoạch số 121-KH/BTGTU – ${meta.summary}`);
    // What retrieval reads is the title as extracted before.
    expect(meta.title).toMatch(/^Kế hoạch số 121-KH\/BTGTU – So VAN HOA\.TH6D \*Oft tuyen truyen ve cling tac dun g Ding va he chinh tri so DEN 3/);
  });

  it('keeps a lowercase "đến năm" or "ngày" of a real trích yếu', () => {
    expect(withoutReceivedStamp('về chuyển đổi số đến năm 2030, ngày 11/12/2025')).toBe('về chuyển đổi số đến năm 2030, ngày 11/12/2025');
    expect(withoutReceivedStamp('tuyen truyen ve cong tac so DEN 3 NGAY 1..1.x')).toBe('tuyen truyen ve cong tac');
  });
});
