/**
 * OCR of scanned pages: image files (PNG, JPEG) and PDF pages without a text
 * layer, read by Tesseract's Vietnamese model (Debian `tesseract-ocr`,
 * `tesseract-ocr-vie`; PDF pages rendered by poppler's `pdftoppm`). Each page is
 * a child process, so OCR never holds the event loop that answers questions.
 * Limits: pages per file, pixels per page, time per page.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../src/errors.js';

export const OCR_LIMITS = {
  /** Pages OCR'd from one file. */
  maxPages: Number(process.env.OCR_MAX_PAGES ?? 40),
  /** Pixels of one page image (a 300 dpi A4 page is 8.7 million). */
  maxPixels: Number(process.env.OCR_MAX_PIXELS ?? 40_000_000),
  /** Time for one page. */
  pageTimeoutMs: Number(process.env.OCR_PAGE_TIMEOUT_MS ?? 120_000),
  /** Resolution PDF pages are rendered at. */
  dpi: 300,
};

export type Progress = (message: string) => void;

/** Part of the cache key of OCR results: what reads the pages (model, options). */
const OCR_VERSION = 'tesseract-vie-psm3-300dpi';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  missing: boolean;
}

function run(command: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    // One thread per page: the machine answers questions too.
    const child = spawn(command, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: String(error), timedOut, missing: error.code === 'ENOENT' });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, missing: false });
    });
  });
}

let available: Promise<void> | undefined;

/** Resolves when tesseract with the Vietnamese model can run; AppError('ocr_unavailable') otherwise. */
export function ensureTesseract(): Promise<void> {
  available ??= run('tesseract', ['--list-langs'], 30_000).then((r) => {
    if (r.missing || r.code !== 0) {
      available = undefined;
      throw new AppError('ocr_unavailable', 'Máy chủ chưa cài Tesseract OCR (gói tesseract-ocr, tesseract-ocr-vie): chưa đọc được văn bản quét.');
    }
    if (!/^vie$/m.test(r.stdout + r.stderr)) {
      available = undefined;
      throw new AppError('ocr_unavailable', 'Tesseract OCR chưa có mô hình tiếng Việt (gói tesseract-ocr-vie): chưa đọc được văn bản quét.');
    }
  });
  return available;
}

/** Width and height of a PNG or JPEG, from its header; undefined when unreadable. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length >= 24 && view.readUInt32BE(0) === 0x89504e47) return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  if (view.length >= 4 && view[0] === 0xff && view[1] === 0xd8) {
    // Walk the JPEG segments to the frame header (SOF0–SOF15, except DHT/JPG/DAC).
    let at = 2;
    while (at + 9 < view.length) {
      if (view[at] !== 0xff) return undefined;
      const marker = view[at + 1]!;
      const length = view.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: view.readUInt16BE(at + 5), width: view.readUInt16BE(at + 7) };
      at += 2 + length;
    }
  }
  return undefined;
}

function checkPixels(size: { width: number; height: number } | undefined, source: string, page?: number): void {
  const where = page ? `trang ${page} của tệp "${source}"` : `ảnh "${source}"`;
  if (!size || !size.width || !size.height) throw new AppError('invalid_request', `Không đọc được ${where}: ảnh hỏng hoặc không phải PNG/JPEG.`);
  if (size.width * size.height > OCR_LIMITS.maxPixels) {
    throw new AppError('payload_too_large', `${page ? 'Trang' : 'Ảnh'} quá lớn để nhận dạng chữ (${where}: ${size.width}×${size.height} điểm ảnh; tối đa ${Math.round(OCR_LIMITS.maxPixels / 1e6)} triệu).`);
  }
}

/**
 * OCR results by content hash, on disk: an upload is read in its parse thread, then again by the index
 * build (another thread or process), and OCR is the slow part.
 */
const cacheDir = () => process.env.OCR_CACHE_DIR ?? join(tmpdir(), 'vanban-ocr-cache');

async function cached(key: string): Promise<string | undefined> {
  return readFile(join(cacheDir(), `${key}.txt`), 'utf8').catch(() => undefined);
}

async function remember(key: string, text: string): Promise<void> {
  await mkdir(cacheDir(), { recursive: true });
  const tmp = join(cacheDir(), `.${key}.${process.pid}.${Math.random().toString(36).slice(2)}`);
  await writeFile(tmp, text);
  await rename(tmp, join(cacheDir(), `${key}.txt`));
}

async function tesseractPage(file: string, source: string, page?: number): Promise<string> {
  const r = await run('tesseract', [file, 'stdout', '-l', 'vie', '--psm', '3'], OCR_LIMITS.pageTimeoutMs);
  const where = page ? `trang ${page} của tệp "${source}"` : `ảnh "${source}"`;
  if (r.missing) throw new AppError('ocr_unavailable', 'Máy chủ chưa cài Tesseract OCR (gói tesseract-ocr, tesseract-ocr-vie): chưa đọc được văn bản quét.');
  if (r.timedOut) throw new AppError('ocr_failed', `Nhận dạng chữ ${where} quá ${Math.round(OCR_LIMITS.pageTimeoutMs / 1000)} giây: đã dừng.`);
  if (r.code !== 0) throw new AppError('ocr_failed', `Không nhận dạng được chữ ở ${where}.`, { details: r.stderr.slice(0, 500) });
  return r.stdout.replace(/\f/g, '').trimEnd();
}

/** Text of a scanned image (PNG or JPEG). */
export async function ocrImage(bytes: Uint8Array, source: string, progress: Progress = () => {}): Promise<string> {
  const key = createHash('sha256').update(OCR_VERSION).update(bytes).digest('hex');
  const known = await cached(key);
  if (known !== undefined) return known;
  checkPixels(imageSize(bytes), source);
  await ensureTesseract();
  const dir = await mkdtemp(join(tmpdir(), 'vanban-ocr-'));
  try {
    const file = join(dir, 'page');
    await writeFile(file, bytes);
    progress(`  ${source}: nhận dạng chữ (OCR) trang 1/1…`);
    const text = await tesseractPage(file, source);
    await remember(key, text);
    return text;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Text of the given pages (1-based) of a PDF, rendered by pdftoppm and read by tesseract,
 * one at a time with progress. `sizes` are the pages' sizes in points, to keep each
 * rendered page under the pixel limit.
 */
export async function ocrPdfPages(bytes: Uint8Array, source: string, pages: Array<{ number: number; width: number; height: number }>, progress: Progress = () => {}): Promise<Map<number, string>> {
  if (pages.length > OCR_LIMITS.maxPages) {
    throw new AppError('payload_too_large', `Tệp "${source}" có ${pages.length} trang quét: tối đa ${OCR_LIMITS.maxPages} trang mỗi tệp.`);
  }
  const key = createHash('sha256').update(OCR_VERSION).update(bytes).update(pages.map((p) => p.number).join(',')).digest('hex');
  const known = await cached(key);
  if (known !== undefined) return new Map(JSON.parse(known) as Array<[number, string]>);
  await ensureTesseract();
  const dir = await mkdtemp(join(tmpdir(), 'vanban-ocr-'));
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, bytes);
    const out = new Map<number, string>();
    for (const [i, page] of pages.entries()) {
      progress(`  ${source}: nhận dạng chữ (OCR) trang ${i + 1}/${pages.length}…`);
      // Render at 300 dpi, or less when that would pass the pixel limit.
      const inches = (page.width / 72) * (page.height / 72);
      const dpi = Math.max(72, Math.min(OCR_LIMITS.dpi, Math.floor(Math.sqrt(OCR_LIMITS.maxPixels / Math.max(inches, 1e-6)))));
      const prefix = join(dir, `p${page.number}`);
      const r = await run('pdftoppm', ['-r', String(dpi), '-f', String(page.number), '-l', String(page.number), '-png', '-singlefile', pdf, prefix], OCR_LIMITS.pageTimeoutMs);
      if (r.missing) throw new AppError('ocr_unavailable', 'Máy chủ chưa cài poppler-utils (pdftoppm): chưa đọc được PDF quét.');
      if (r.code !== 0 || r.timedOut) throw new AppError('ocr_failed', `Không dựng được ảnh trang ${page.number} của tệp "${source}" để nhận dạng chữ.`, { details: r.stderr.slice(0, 500) });
      const image = `${prefix}.png`;
      checkPixels(imageSize(new Uint8Array(await readFile(image))), source, page.number);
      out.set(page.number, await tesseractPage(image, source, page.number));
      await rm(image, { force: true });
    }
    await remember(key, JSON.stringify([...out]));
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
