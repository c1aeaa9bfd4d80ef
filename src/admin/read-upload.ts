/**
 * Reads an uploaded document the way the index will (extract, check, split)
 * without writing anything: the proof that it can be added. Runs inside the
 * parse worker thread (parse-upload.ts).
 */
import { getDocumentProxy } from 'unpdf';
import { loadBytes, sniffFormat } from '../../ingest/load.js';
import { parseDocument } from '../../ingest/parse-document.js';
import { AppError } from '../errors.js';
import { shippedNames } from '../text/reading-model.js';
import { Vocabulary } from '../text/vocabulary.js';
import { checkCharacters, checkPages, checkZip, type UploadLimits } from './upload-limits.js';

export interface ReadUpload {
  id: string;
  chunks: number;
  characters: number;
}

export async function readUpload(bytes: Uint8Array, source: string, limits: UploadLimits): Promise<ReadUpload> {
  const format = sniffFormat(bytes, source);
  if (format === 'docx') checkZip(bytes, limits);
  if (format === 'pdf') {
    const pdf = await getDocumentProxy(new Uint8Array(bytes)).catch((cause: unknown) => {
      throw new AppError('invalid_request', `Không đọc được tệp "${source}": tệp PDF bị hỏng hoặc không hợp lệ.`, { cause });
    });
    checkPages(pdf.numPages, limits);
    await pdf.destroy();
  }
  const loaded = await loadBytes(bytes, source);
  if (!loaded.text.trim()) throw new AppError('invalid_request', `Tệp "${source}" không có nội dung chữ (PDF quét chưa có lớp văn bản?).`);
  checkCharacters(loaded.text, limits);
  const parsed = parseDocument(source, loaded.text, Vocabulary.fromTexts([], shippedNames()));
  if (!parsed.chunks.length) throw new AppError('invalid_request', `Không tách được nội dung nào từ tệp "${source}".`);
  return { id: parsed.meta.id, chunks: parsed.chunks.length, characters: loaded.text.length };
}
