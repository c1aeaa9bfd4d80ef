/**
 * Titles of an OCR document as people read them: each scanned section title and
 * the trích yếu replaced by its restored reading (see SyllableReader), the
 * scanned one kept beside it (`titleRaw` in the outline, `summaryRaw`). What
 * retrieval reads stays as scanned: chunks keep `sectionTitle` (the reading rides
 * along as `sectionDisplay`) and documents `title` (people see `displayTitle`).
 */
import type { Chunk, DocumentMeta } from '../src/types.js';
import { withoutReceivedStamp } from './metadata.js';
import { displayTitle } from './parse-document.js';

/** Titles the structure step writes itself ("Phần mở đầu", "Nơi nhận", "Phụ lục"): already correct. */
const SYNTHETIC = new Set(['', 'Nơi nhận', 'Phụ lục']);

export function readTitles(meta: DocumentMeta, chunks: Chunk[], read: (title: string) => string): void {
  const readings = new Map<string, string>();
  const readingOf = (path: string, scanned: string): string | undefined => {
    if (SYNTHETIC.has(path)) return undefined;
    let reading = readings.get(scanned);
    if (reading === undefined) readings.set(scanned, (reading = read(scanned)));
    return reading !== scanned ? reading : undefined;
  };
  meta.outline = meta.outline.map((entry) => {
    const scanned = entry.titleRaw ?? entry.title;
    const reading = readingOf(entry.path, scanned);
    return reading ? { ...entry, title: reading, titleRaw: scanned } : entry;
  });
  for (const chunk of chunks) {
    const reading = readingOf(chunk.section, chunk.sectionTitle);
    if (reading) chunk.sectionDisplay = reading;
  }
  const scanned = meta.summaryRaw ?? meta.summary;
  if (!scanned) return;
  // A scanned "received" stamp (ĐẾN / NGÀY / CHUYỂN) is not part of the trích yếu people see.
  const summary = read(withoutReceivedStamp(scanned));
  if (summary === scanned) return;
  meta.summary = summary;
  meta.summaryRaw = scanned;
  const shown = displayTitle({ ...meta, summary }, meta.source);
  if (shown !== meta.title) meta.displayTitle = shown;
}
