/**
 * Load: bytes of a .txt, .md, .docx or .pdf into plain text. The format is
 * sniffed from the content (a docx is a zip, a pdf starts with %PDF), the
 * extension only breaks ties, so a mislabelled upload is still read right.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../src/errors.js';

export type SourceFormat = 'txt' | 'md' | 'docx' | 'pdf';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf'] as const;

export interface LoadedSource {
  source: string;
  format: SourceFormat;
  text: string;
}

/** Detects the format from magic bytes; `undefined` for unsupported binary. */
export function sniffFormat(bytes: Uint8Array, name: string): SourceFormat | undefined {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  // Text: valid UTF-8 without NUL bytes.
  if (bytes.includes(0)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return name.toLowerCase().endsWith('.md') ? 'md' : 'txt';
}

/** Extracts text from the bytes of a document. Throws AppError('invalid_request') for unreadable files. */
export async function loadBytes(bytes: Uint8Array, source: string): Promise<LoadedSource> {
  const format = sniffFormat(bytes, source);
  if (!format) {
    throw new AppError('invalid_request', `Tệp "${source}" không phải văn bản .txt, .md, .docx hay .pdf đọc được.`);
  }
  try {
    if (format === 'docx') {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return { source, format, text: value };
    }
    if (format === 'pdf') {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: false });
      return { source, format, text: (text as string[]).join('\n\n') };
    }
    return { source, format, text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
  } catch (cause) {
    throw new AppError('invalid_request', `Không đọc được tệp "${source}": tệp ${format.toUpperCase()} bị hỏng hoặc không hợp lệ.`, { cause });
  }
}

export async function loadFile(path: string): Promise<LoadedSource> {
  return loadBytes(new Uint8Array(await readFile(path)), basename(path));
}
