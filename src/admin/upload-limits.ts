/**
 * What an uploaded document may cost to read. A .docx is a zip: its central
 * directory says, before anything is inflated, how many entries it has and
 * how large they unpack, so a zip bomb is refused in milliseconds. Sizes a
 * zip declares can lie; the parse itself then runs in a worker thread with a
 * memory and time limit (parse-upload.ts), which catches the liar.
 */
import { AppError } from '../errors.js';

export interface UploadLimits {
  /** Sum of the unpacked sizes of a .docx's entries. */
  unpackedBytes: number;
  /** Entries in a .docx (a real one has a few dozen, one per image at most a few hundred). */
  entries: number;
  /** Unpacked / packed size of any one entry; real XML compresses 5–30×, a bomb 1,000×. */
  compressionRatio: number;
  /** Pages of a .pdf. */
  pdfPages: number;
  /** Characters of text in one document. */
  characters: number;
  /** Longest a parse may take, in ms. */
  parseMs: number;
  /** Heap the parse may use, in MB. */
  parseHeapMb: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  unpackedBytes: 100 * 1024 * 1024,
  entries: 2000,
  compressionRatio: 200,
  pdfPages: 2000,
  characters: 3_000_000,
  parseMs: 30_000,
  parseHeapMb: 512,
};

const MB = 1024 * 1024;
const number = (n: number) => n.toLocaleString('vi-VN');
export const tooLarge = (message: string) => new AppError('payload_too_large', message);

/**
 * Reads a zip's central directory and refuses it when it would unpack too large, hold too many entries or
 * compress one entry suspiciously well. Throws AppError 413 (limits) or 400 (not a readable zip).
 */
export function checkZip(bytes: Uint8Array, limits: UploadLimits): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = () => new AppError('invalid_request', 'Tệp .docx bị hỏng: không đọc được danh mục nén.');
  // End of central directory: 22 bytes plus a comment of up to 64 KB, at the very end.
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt();
  const entries = view.getUint16(end + 10, true);
  const dirOffset = view.getUint32(end + 16, true);
  // ZIP64 markers: no Word document needs them, a crafted one hides its sizes behind them.
  if (entries === 0xffff || dirOffset === 0xffffffff) throw tooLarge('Tệp .docx dùng định dạng nén ZIP64, quá lớn để đọc.');
  if (entries > limits.entries) throw tooLarge(`Tệp .docx có quá nhiều thành phần (${number(entries)}; tối đa ${number(limits.entries)}).`);
  let unpacked = 0;
  let at = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) throw corrupt();
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (packed === 0xffffffff || size === 0xffffffff) throw tooLarge('Tệp .docx dùng định dạng nén ZIP64, quá lớn để đọc.');
    unpacked += size;
    if (unpacked > limits.unpackedBytes) {
      throw tooLarge(`Tệp .docx khi giải nén quá lớn (trên ${number(Math.floor(limits.unpackedBytes / MB))} MB).`);
    }
    if (size > 1024 * 1024 && size > Math.max(packed, 1) * limits.compressionRatio) {
      throw tooLarge(`Tệp .docx có thành phần nén bất thường (tỉ lệ nén trên ${number(limits.compressionRatio)} lần): có thể là tệp "bom nén".`);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

export function checkCharacters(text: string, limits: UploadLimits): void {
  if (text.length > limits.characters) {
    throw tooLarge(`Văn bản quá dài: ${number(text.length)} ký tự (tối đa ${number(limits.characters)}).`);
  }
}

export function checkPages(pages: number, limits: UploadLimits): void {
  if (pages > limits.pdfPages) throw tooLarge(`Tệp PDF có quá nhiều trang: ${number(pages)} (tối đa ${number(limits.pdfPages)}).`);
}
