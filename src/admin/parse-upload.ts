/**
 * Reads an upload off the answering path: in a worker thread with a heap
 * limit and a time limit, so a document that is slow or huge to read (a zip
 * bomb that lies about its sizes, a pathological PDF) costs that thread, not
 * the questions this process is answering. The zip's declared sizes are
 * checked first, here, so the common bomb never starts a thread.
 */
import { sniffFormat } from '../../ingest/load.js';
import { OCR_LIMITS } from '../../ingest/ocr.js';
import { AppError, type ErrorCode } from '../errors.js';
import { runInThread, ThreadError } from '../run-in-thread.js';
import type { ReadUpload } from './read-upload.js';
import { checkZip, tooLarge, type UploadLimits } from './upload-limits.js';

export async function parseUpload(bytes: Uint8Array, source: string, limits: UploadLimits): Promise<ReadUpload> {
  const format = sniffFormat(bytes, source);
  if (format === 'docx') checkZip(bytes, limits);
  // A scan is OCR'd while it is read: its pages are bounded by OCR's own limits (time per page, pages per file).
  const ocrMs = format === 'png' || format === 'jpg' ? OCR_LIMITS.pageTimeoutMs : format === 'pdf' ? OCR_LIMITS.pageTimeoutMs * OCR_LIMITS.maxPages : 0;
  try {
    return await runInThread<ReadUpload>(new URL('./read-upload.ts', import.meta.url), 'readUpload', [bytes, source, limits], {
      heapMb: limits.parseHeapMb,
      timeoutMs: limits.parseMs + ocrMs,
    });
  } catch (err) {
    if (!(err instanceof ThreadError)) throw err;
    if (err.code) throw new AppError(err.code as ErrorCode, err.message);
    if (err.reason === 'timeout') throw tooLarge(`Tệp "${source}" đọc quá ${Math.round(limits.parseMs / 1000)} giây: quá lớn hoặc quá phức tạp để thêm vào kho.`);
    if (err.reason === 'memory') throw tooLarge(`Tệp "${source}" cần quá nhiều bộ nhớ để đọc: quá lớn hoặc là tệp "bom nén".`);
    throw new AppError('invalid_request', `Không đọc được tệp "${source}": cấu trúc tệp hỏng hoặc quá phức tạp.`, { cause: err });
  }
}
