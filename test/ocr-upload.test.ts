/**
 * Scans in: a page photo (PNG) and an image-only PDF uploaded through the admin
 * API are OCR'd by Tesseract (Vietnamese), restored and indexed as OCR
 * documents, and answer questions only they hold, with a restored reading
 * beside the scan's text. Real server app, real files, real tesseract.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadBytes } from '../ingest/load.js';
import { type AdminRuntime, adminRuntime, ask, bearer, call } from './helpers/admin.js';
import { makePdf, uploadForm } from './helpers/documents.js';
import { cropPngTop, imageOnlyPdf } from './helpers/images.js';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });
// A fresh OCR result cache, so every run really OCRs (and reports progress).
process.env.OCR_CACHE_DIR = mkdtempSync(join(tmpdir(), 'vanban-ocr-test-'));

/** The top of a scanned report page (black and white), committed so the test always runs. */
const PAGE = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures/scan-bao-cao-cai-cach-hanh-chinh.png')));
/** Full scanned pages shared beside the clone (CI has them at ../shared; a worktree one level deeper). */
const SHARED = ['../../shared/ocr-pairs', '../../../shared/ocr-pairs'].map((p) => join(import.meta.dirname, p)).find(existsSync) ?? '';

let rt: AdminRuntime;
beforeAll(async () => {
  rt = await adminRuntime();
});
afterAll(() => rt?.close());

const upload = (name: string, bytes: Uint8Array) => call(rt, '/api/documents', { method: 'POST', headers: bearer(), body: uploadForm(name, bytes) });

describe('scans in through the admin API', () => {
  it('a PNG page photo is OCR’d and answers a question only it holds, with a reading beside the scan', async () => {
    const res = await upload('bao-cao-cai-cach-hanh-chinh-anh-chup.png', PAGE);
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({ id: 'bao-cao-cai-cach-hanh-chinh-anh-chup', source: 'bao-cao-cai-cach-hanh-chinh-anh-chup.png', ocr: true });

    const { body } = await ask(rt, 'Ủy ban nhân dân huyện Thạch Long đã rà soát bao nhiêu văn bản do Hội đồng nhân dân, Ủy ban nhân dân huyện ban hành?');
    expect(body.answered).toBe(true);
    expect(body.citations[0]).toMatchObject({ source: 'bao-cao-cai-cach-hanh-chinh-anh-chup.png', ocr: true });
    expect(body.answer).toContain('36 văn bản');

    // The whole document's reading, line for line with its text.
    const doc = await call(rt, '/api/documents/bao-cao-cai-cach-hanh-chinh-anh-chup');
    expect(doc.status).toBe(200);
    expect(typeof doc.body.reading).toBe('string');
    expect(doc.body.reading.split('\n')).toHaveLength(doc.body.text.split('\n').length);
    expect(doc.body.reading).toContain('Thạch Long');
  });

  it('an image-only PDF is OCR’d page by page; a PDF with a text layer is not', async () => {
    await call(rt, '/api/documents/bao-cao-cai-cach-hanh-chinh-anh-chup', { method: 'DELETE', headers: bearer() });
    const pdf = imageOnlyPdf(PAGE);
    // No text layer: without OCR the PDF reads as nothing.
    const res = await upload('bao-cao-cai-cach-hanh-chinh-ban-quet.pdf', pdf);
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({ source: 'bao-cao-cai-cach-hanh-chinh-ban-quet.pdf', ocr: true });

    const { body } = await ask(rt, 'Qua kiểm tra, huyện Thạch Long đã chấn chỉnh bao nhiêu trường hợp niêm yết thủ tục hành chính không đúng quy định?');
    expect(body.answered).toBe(true);
    expect(body.citations[0].source).toBe('bao-cao-cai-cach-hanh-chinh-ban-quet.pdf');
    expect(body.answer).toContain('12 trường hợp');

    // A PDF with a text layer keeps it: no OCR.
    const typed = await loadBytes(makePdf(['Ke hoach so 7-KH/UBND ve kiem tra cong tac cai cach hanh chinh nam 2026.']), 'typed.pdf');
    expect(typed.scanned).toBeUndefined();
    expect(typed.text).toContain('cai cach hanh chinh');
  });

  it('refuses an image too large to OCR with a Vietnamese message and a stable code', async () => {
    // A PNG header claiming 20000 × 20000 pixels: refused before tesseract runs.
    const header = Buffer.from(PAGE.slice(0, 33));
    header.writeUInt32BE(20_000, 16);
    header.writeUInt32BE(20_000, 20);
    const res = await upload('anh-qua-lon.png', new Uint8Array(header));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toMatch(/quá lớn để nhận dạng chữ/);
  });
});

describe('OCR errors', () => {
  it('says in Vietnamese, with code ocr_unavailable, when tesseract is missing', async () => {
    const path = process.env.PATH;
    const cache = process.env.OCR_CACHE_DIR;
    process.env.PATH = '/nonexistent';
    // Nothing read before: an empty cache.
    process.env.OCR_CACHE_DIR = mkdtempSync(join(tmpdir(), 'vanban-ocr-none-'));
    try {
      // A fresh module instance: availability is remembered per process.
      vi.resetModules();
      const { loadBytes: load } = await import('../ingest/load.js');
      await expect(load(PAGE, 'trang.png')).rejects.toMatchObject({ code: 'ocr_unavailable', message: expect.stringMatching(/chưa cài Tesseract/) });
    } finally {
      process.env.PATH = path;
      process.env.OCR_CACHE_DIR = cache;
    }
  });

  it('reports OCR progress page by page', async () => {
    const progress: string[] = [];
    await loadBytes(imageOnlyPdf(cropPngTop(PAGE, 500)), 'tien-do.pdf', (m) => progress.push(m));
    expect(progress).toEqual(['  tien-do.pdf: nhận dạng chữ (OCR) trang 1/1…']);
  });

  it('an image tesseract cannot read is refused with code ocr_failed; a broken header is an invalid request', async () => {
    const broken = new Uint8Array([...PAGE.slice(0, 33), ...new Uint8Array(200)]);
    await expect(loadBytes(broken, 'hong.png')).rejects.toMatchObject({ code: 'ocr_failed', message: expect.stringMatching(/Không nhận dạng được chữ/) });
    await expect(loadBytes(PAGE.slice(0, 12), 'cut.png')).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/ảnh hỏng/) });
  });
});

describe.skipIf(!SHARED)('full scanned pages from ../shared/ocr-pairs', () => {
  it('a full page photo reads close to its clean text', async () => {
    const name = 'huyen-yen-hoa-cong-van-870-phong-chong-sot-xuat-huyet-ban-scan';
    const loaded = await loadBytes(new Uint8Array(readFileSync(join(SHARED, `${name}.png`))), `${name}.png`);
    expect(loaded.scanned).toBe(true);
    const clean = new Set(readFileSync(join(SHARED, `${name}.clean.txt`), 'utf8').split(/\s+/));
    const words = loaded.text.split(/\s+/).filter(Boolean);
    // Tesseract's Vietnamese model reads most syllables right.
    expect(words.filter((w) => clean.has(w)).length / words.length).toBeGreaterThan(0.8);
  });
});
