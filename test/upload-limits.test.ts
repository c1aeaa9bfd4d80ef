/** What an upload may cost: zip directory checks, and the parse thread's own memory and time limits. */
import { describe, expect, it } from 'vitest';
import { parseUpload } from '../src/admin/parse-upload.js';
import { checkZip, DEFAULT_UPLOAD_LIMITS } from '../src/admin/upload-limits.js';
import { AppError } from '../src/errors.js';
import { makeDocx, makePdf, makeZipBomb } from './helpers/documents.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('not refused');
};

describe('checkZip (the central directory, nothing inflated)', () => {
  it('refuses what unpacks too large, compresses too well or holds too many entries', () => {
    expect(refusal(() => checkZip(makeZipBomb(200), DEFAULT_UPLOAD_LIMITS))).toMatchObject({ status: 413, message: expect.stringMatching(/giải nén quá lớn/) });
    expect(refusal(() => checkZip(makeZipBomb(20), DEFAULT_UPLOAD_LIMITS))).toMatchObject({ status: 413, message: expect.stringMatching(/tỉ lệ nén/) });
    expect(refusal(() => checkZip(makeZipBomb(1), { ...DEFAULT_UPLOAD_LIMITS, entries: 1 }))).toMatchObject({ status: 413, message: expect.stringMatching(/quá nhiều thành phần/) });
    expect(refusal(() => checkZip(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), DEFAULT_UPLOAD_LIMITS))).toMatchObject({ status: 400 });
  });

  it('lets a real .docx through', async () => {
    const docx = await makeDocx(['QUY ĐỊNH', '1. Điều khoản: nội dung thử nghiệm của quy định.']);
    expect(() => checkZip(docx, DEFAULT_UPLOAD_LIMITS)).not.toThrow();
  });
});

describe('parseUpload (a worker thread)', () => {
  it('reads a real document', async () => {
    const docx = await makeDocx(['QUY ĐỊNH', '1. Điều khoản: nội dung thử nghiệm của quy định.']);
    expect(await parseUpload(docx, 'quy-dinh.docx', DEFAULT_UPLOAD_LIMITS)).toMatchObject({ id: 'quy-dinh', chunks: expect.any(Number) });
  }, 60_000);

  it('a bomb that hides its ratio still cannot take the process: the thread runs out of its own memory → 413', async () => {
    const err = await parseUpload(makeZipBomb(60), 'bom.docx', { ...DEFAULT_UPLOAD_LIMITS, compressionRatio: Number.MAX_SAFE_INTEGER, parseHeapMb: 64 }).catch((e: AppError) => e);
    expect(err).toMatchObject({ status: 413, code: 'payload_too_large' });
  }, 60_000);

  it('too many characters, too many pages, too slow → 413 in Vietnamese', async () => {
    const long = new TextEncoder().encode(`QUY ĐỊNH\n1. Nội dung: ${'văn bản '.repeat(2000)}`);
    expect(await parseUpload(long, 'dai.txt', { ...DEFAULT_UPLOAD_LIMITS, characters: 1000 }).catch((e: AppError) => e)).toMatchObject({ status: 413, message: expect.stringMatching(/quá dài/) });
    expect(await parseUpload(makePdf(['Quy dinh']), 'a.pdf', { ...DEFAULT_UPLOAD_LIMITS, pdfPages: 0 }).catch((e: AppError) => e)).toMatchObject({ status: 413, message: expect.stringMatching(/quá nhiều trang/) });
    expect(await parseUpload(long, 'cham.txt', { ...DEFAULT_UPLOAD_LIMITS, parseMs: 1 }).catch((e: AppError) => e)).toMatchObject({ status: 413, message: expect.stringMatching(/giây/) });
  }, 60_000);
});
