/** How documents and citations are written for people: "Kế hoạch số 22-KH/TU", "16/01/2026". */
import type { Chunk, Citation, DocumentMeta, Passage } from '../types.js';
import { readingOfQuote } from '../text/reading-slice.js';

/** ISO date → dd/mm/yyyy. */
export function displayDate(iso?: string): string | undefined {
  if (!iso) return undefined;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The document title people see: restored words for an OCR-damaged trích yếu, else the title. */
export function displayTitle(meta: Pick<DocumentMeta, 'title' | 'displayTitle'>): string {
  return meta.displayTitle ?? meta.title;
}

/** "Kế hoạch số 22-KH/TU" or, without a number, "Hướng dẫn về …". */
export function documentLabel(meta: DocumentMeta): string {
  if (meta.docType && meta.docNumber) return `${meta.docType} số ${meta.docNumber}`;
  if (meta.docType && meta.summary) return `${meta.docType} “${meta.summary.length > 80 ? `${meta.summary.slice(0, 80)}…` : meta.summary}”`;
  return displayTitle(meta);
}

/** "Kế hoạch số 22-KH/TU, Ban Thường vụ Tỉnh ủy Điện Biên, 16/01/2026": the document an answer quotes, as it introduces the quote. */
export function documentLine(meta: DocumentMeta): string {
  return [documentLabel(meta), meta.issuer, displayDate(meta.date)].filter(Boolean).join(', ');
}

/** "II.2.3.b – Đổi mới về công tác tổ chức hội nghị" */
export function sectionLabel(citation: Pick<Citation, 'section' | 'sectionTitle'>): string {
  if (!citation.section) return 'phần mở đầu';
  if (citation.section === citation.sectionTitle || !citation.sectionTitle) return citation.section;
  return `${citation.section} – ${citation.sectionTitle}`;
}

/** The section title people see (restored for OCR-damaged documents) and, when it differs, the scanned one. */
export function sectionTitles(chunk: Pick<Chunk, 'sectionTitle' | 'sectionDisplay'>): { sectionTitle: string; sectionTitleRaw?: string } {
  return chunk.sectionDisplay && chunk.sectionDisplay !== chunk.sectionTitle
    ? { sectionTitle: chunk.sectionDisplay, sectionTitleRaw: chunk.sectionTitle }
    : { sectionTitle: chunk.sectionTitle };
}

export function toCitation(n: number, passage: Passage, quote: string, score: number): Citation {
  const { doc, chunk } = passage;
  return {
    n,
    source: doc.source,
    title: displayTitle(doc),
    ...(doc.docNumber ? { docNumber: doc.docNumber } : {}),
    ...(doc.issuer ? { issuer: doc.issuer } : {}),
    ...(doc.date ? { date: doc.date } : {}),
    section: chunk.section,
    ...sectionTitles(chunk),
    quote,
    score: Math.round(score * 1000) / 1000,
    ...(doc.ocr ? { ocr: true } : {}),
    ...readingOf(chunk, quote),
    docId: doc.id,
  };
}

/** The restored reading of an OCR quote, when its chunk has one and it differs from the scan. */
function readingOf(chunk: Chunk, quote: string): { reading?: string } {
  if (!chunk.reading) return {};
  const reading = readingOfQuote(chunk.text, chunk.reading, quote);
  return reading && reading !== quote ? { reading } : {};
}

/** One line a cadre can paste into a report. */
export function citationLine(citation: Citation, meta?: DocumentMeta): string {
  const label = meta ? documentLabel(meta) : citation.docNumber ? `Văn bản số ${citation.docNumber}` : citation.title;
  const parts = [label, citation.issuer, displayDate(citation.date)].filter(Boolean).join(', ');
  return `[${citation.n}] ${parts}, mục ${sectionLabel(citation)}`;
}

/** Label of a machine-restored reading of scanned text: people see it first, the scan beside it. */
export const READING_LABEL = 'Bản đọc phục hồi tự động';

/**
 * A quote as an answer shows it: “…” [n]; for a scan with a reading, the reading first
 * (labelled as machine-restored) and the verbatim scan after it, which keeps the marker.
 */
export function quoteLines(citation: Pick<Citation, 'n' | 'quote' | 'reading'>): string {
  if (!citation.reading) return `“${citation.quote}” [${citation.n}]`;
  return `${READING_LABEL}: “${citation.reading}”\nNguyên văn bản quét: “${citation.quote}” [${citation.n}]`;
}

export const OCR_NOTE = 'Lưu ý: trích dẫn đánh dấu OCR lấy từ bản quét có thể sai chính tả; vui lòng đối chiếu văn bản gốc.';
