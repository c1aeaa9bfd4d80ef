/**
 * Load: bytes of a .txt, .md, .docx or .pdf, or a scanned page as .png or .jpg,
 * into plain text. The format is sniffed from the content (a docx is a zip, a
 * pdf starts with %PDF), the extension only breaks ties, so a mislabelled upload
 * is still read right. Images, and PDF pages without a text layer, are OCR'd
 * (see ocr.ts); a PDF page with a text layer keeps it.
 */
import { docxText } from './docx.js';
import { markdownToText } from './markdown.js';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../src/errors.js';
import { ocrImage, ocrPdfPages, type Progress } from './ocr.js';

/** Changes whenever what loading extracts from the same bytes does (cached extractions are keyed by it). */
export const LOAD_VERSION = 'load-3';

export type SourceFormat = 'txt' | 'md' | 'docx' | 'pdf' | 'png' | 'jpg';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf', '.png', '.jpg', '.jpeg'] as const;

export interface LoadedSource {
  source: string;
  format: SourceFormat;
  text: string;
  /** Some or all of the text was read by OCR from page images: treat it as an OCR document. */
  scanned?: boolean;
}

/** A PDF page with fewer letters than this in its text layer is a scan. */
const SCANNED_PAGE_LETTERS = 20;

/** Detects the format from magic bytes; `undefined` for unsupported binary. */
export function sniffFormat(bytes: Uint8Array, name: string): SourceFormat | undefined {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (head.startsWith('\x89PNG')) return 'png';
  if (head.startsWith('\xff\xd8\xff')) return 'jpg';
  // Text: valid UTF-8 without NUL bytes.
  if (bytes.includes(0)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return name.toLowerCase().endsWith('.md') ? 'md' : 'txt';
}

/**
 * Extracts text from the bytes of a document. Throws AppError('invalid_request') for unreadable files,
 * 'ocr_unavailable' / 'ocr_failed' / 'payload_too_large' when a scan cannot be OCR'd.
 */
export async function loadBytes(bytes: Uint8Array, source: string, progress?: Progress): Promise<LoadedSource> {
  const format = sniffFormat(bytes, source);
  if (!format) {
    throw new AppError('invalid_request', `Tệp "${source}" không phải văn bản .txt, .md, .docx, .pdf hay ảnh quét .png, .jpg đọc được.`);
  }
  if (format === 'png' || format === 'jpg') return { source, format, text: await ocrImage(bytes, source, progress), scanned: true };
  let pdfPages: string[] | undefined;
  const scans: Array<{ number: number; width: number; height: number }> = [];
  try {
    if (format === 'docx') {
      return { source, format, text: await docxText(bytes) };
    }
    if (format === 'pdf') {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: false });
      pdfPages = text as string[];
      for (const [i, page] of pdfPages.entries()) {
        if ((page.match(/\p{L}/gu)?.length ?? 0) >= SCANNED_PAGE_LETTERS) continue;
        const [x0, y0, x1, y1] = (await pdf.getPage(i + 1)).view as number[];
        scans.push({ number: i + 1, width: Math.abs(x1! - x0!), height: Math.abs(y1! - y0!) });
      }
      if (!scans.length) return { source, format, text: pdfPages.join('\n\n') };
    } else {
      const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
      // Markdown is read as the page it renders (headings, emphasis and table bars are not words).
      return { source, format, text: format === 'md' ? markdownToText(text) : text };
    }
  } catch (cause) {
    throw new AppError('invalid_request', `Không đọc được tệp "${source}": tệp ${format.toUpperCase()} bị hỏng hoặc không hợp lệ.`, { cause });
  }
  // Pages without a text layer: OCR them (outside the try: OCR errors keep their own codes).
  const read = await ocrPdfPages(bytes, source, scans, progress);
  const scanned = [...read.values()].some((page) => (page.match(/\p{L}/gu)?.length ?? 0) >= SCANNED_PAGE_LETTERS);
  return { source, format, text: pdfPages!.map((page, i) => read.get(i + 1) ?? page).join('\n\n'), ...(scanned ? { scanned } : {}) };
}

export async function loadFile(path: string): Promise<LoadedSource> {
  return loadBytes(new Uint8Array(await readFile(path)), basename(path));
}
