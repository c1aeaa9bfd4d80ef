/** How documents and citations are written for people: "Kế hoạch số 22-KH/TU", "16/01/2026". */
import { typeByFoldedName } from '../text/document-types.js';
import { fold } from '../text/fold.js';
import type { Chunk, Citation, DocumentMeta, Passage } from '../types.js';

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
  // A law is named by its title ("Luật Viên chức"), its number after it.
  if (meta.docType && meta.summary && typeByFoldedName(fold(meta.docType))?.named) return [`${meta.docType} ${meta.summary}`, meta.docNumber && `số ${meta.docNumber}`].filter(Boolean).join(' ');
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

/** A chunk's label when the index predates labels: "mục II.2.3.b", "phần mở đầu", "Nơi nhận". */
function pathLabel(section: string): string {
  if (!section) return 'phần mở đầu';
  return section === 'Nơi nhận' || section === 'Phụ lục' ? section : `mục ${section}`;
}

/**
 * Where a quote sits: the inner section of its chunk it starts in (an article's clause or
 * point: "II.29.1.b", "Điều 29, khoản 1, điểm b"), else the chunk's own section.
 */
export function quoteSection(chunk: Pick<Chunk, 'text' | 'section' | 'sectionLabel' | 'parts'>, quote: string): { section: string; sectionLabel: string } {
  const at = chunk.parts?.length ? chunk.text.indexOf(quote.slice(0, 60)) : -1;
  let part: NonNullable<Chunk['parts']>[number] | undefined;
  if (at >= 0) for (const p of chunk.parts!) if (p.at <= at) part = p;
  return part ? { section: part.section, sectionLabel: part.sectionLabel } : { section: chunk.section, sectionLabel: chunk.sectionLabel ?? pathLabel(chunk.section) };
}

/**
 * Where a citation points, in an answer's words: "mục II.2.3.b – Điều hành" for directives,
 * "Điều 29, khoản 1 – Đơn phương chấm dứt hợp đồng làm việc" for documents by articles.
 */
export function whereLabel(citation: Pick<Citation, 'section' | 'sectionTitle' | 'sectionLabel'>): string {
  const label = citation.sectionLabel;
  if (!label || label.startsWith('mục ') || label === 'phần mở đầu' || label === pathLabel(citation.section)) return `mục ${sectionLabel(citation)}`;
  return citation.sectionTitle && !label.includes(citation.sectionTitle) ? `${label} – ${citation.sectionTitle}` : label;
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
    ...quoteSection(chunk, quote),
    ...sectionTitles(chunk),
    quote,
    score: Math.round(score * 1000) / 1000,
    ...(doc.ocr ? { ocr: true } : {}),
    docId: doc.id,
  };
}

/** One line a cadre can paste into a report. */
export function citationLine(citation: Citation, meta?: DocumentMeta): string {
  const label = meta ? documentLabel(meta) : citation.docNumber ? `Văn bản số ${citation.docNumber}` : citation.title;
  const parts = [label, citation.issuer, displayDate(citation.date)].filter(Boolean).join(', ');
  return `[${citation.n}] ${parts}, ${whereLabel(citation)}`;
}

export const OCR_NOTE = 'Lưu ý: trích dẫn đánh dấu OCR lấy từ bản quét có thể sai chính tả; vui lòng đối chiếu văn bản gốc.';
