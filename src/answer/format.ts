/** How documents and citations are written for people: "Kế hoạch số 22-KH/TU", "16/01/2026". */
import { escapeRegExp } from '../text/regexp.js';
import { typeByFoldedName } from '../text/document-types.js';
import { fold } from '../text/fold.js';
import type { Chunk, Citation, DocumentMeta, Passage } from '../types.js';
import { readingOfQuote } from '../text/reading-slice.js';
import { headerOf } from './table-rows.js';
import { isRowSentence } from '../text/table-line.js';

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
    ...readingOf(chunk, quote),
    ...tableHeaderOf(chunk, quote),
    docId: doc.id,
  };
}

/** The header row of the table a quote is a row of (the sentence the quote starts in), when it has one. */
function tableHeaderOf(chunk: Chunk, quote: string): { tableHeader?: string } {
  const at = chunk.text.indexOf(quote);
  if (at < 0) return {};
  const index = chunk.sentences.findIndex((s) => s.start <= at && at < s.end);
  const header = index >= 0 ? headerOf(chunk, index) : undefined;
  // A scan's stray bars make no table: only a row and a header of short cells are shown as one.
  const row = index >= 0 ? chunk.text.slice(chunk.sentences[index]!.start, chunk.sentences[index]!.end) : '';
  return header && !quote.includes(header) && isRowSentence(header) && isRowSentence(row) ? { tableHeader: header } : {};
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
  return `[${citation.n}] ${parts}, ${whereLabel(citation)}`;
}

/** Label of a machine-restored reading of scanned text: people see it first, the scan beside it. */
export const READING_LABEL = 'Bản đọc phục hồi tự động';
/** Label of a table's header row, shown above a quoted row of it. */
export const TABLE_HEADER_LABEL = 'Dòng tiêu đề của bảng';
/** Label of the verbatim scanned text shown after its reading. */
export const SCAN_LABEL = 'Nguyên văn bản quét';

/**
 * A quote as an answer shows it: “…” [n]; for a scan with a reading, the reading first
 * (labelled as machine-restored) and the verbatim scan after it, which keeps the marker.
 */
export function quoteLines(citation: Pick<Citation, 'n' | 'quote' | 'reading' | 'tableHeader'>): string {
  // A table row's numbers mean what its header row says: the header first, so a reader can tell them apart.
  const header = citation.tableHeader ? `${TABLE_HEADER_LABEL}: “${citation.tableHeader}”\n` : '';
  if (!citation.reading) return `${header}“${citation.quote}” [${citation.n}]`;
  return `${header}${READING_LABEL}: “${citation.reading}”\n${SCAN_LABEL}: “${citation.quote}” [${citation.n}]`;
}

export const OCR_NOTE = 'Lưu ý: trích dẫn đánh dấu OCR lấy từ bản quét có thể sai chính tả; vui lòng đối chiếu văn bản gốc.';

/** Where a citation points, as a cadre writes it; the ingest's own label when it has one ("Điều 29, khoản 1"). */
export function citationPlace(citation: Pick<Citation, 'section' | 'sectionLabel'>): string {
  return citation.sectionLabel ?? (citation.section ? `mục ${citation.section}` : 'phần mở đầu');
}

export type AnswerLang = 'vi' | 'en';

/** Document types as English readers name them (the number, issuer and quote stay as written). */
const DOCUMENT_TYPES_EN: Record<string, string> = {
  'Kế hoạch': 'Plan',
  'Hướng dẫn': 'Guidance',
  'Kết luận': 'Conclusion',
  'Thông báo kết luận': 'Notice of conclusions',
  'Chỉ thị': 'Directive',
  'Nghị quyết': 'Resolution',
  'Quyết định': 'Decision',
  'Quy định': 'Regulation',
  'Quy chế': 'Rules',
  'Thông báo': 'Notice',
  'Công văn': 'Official letter',
  'Báo cáo': 'Report',
  'Phương án': 'Scheme',
  'Chương trình': 'Programme',
  'Đề án': 'Project',
  'Tờ trình': 'Submission',
  'Luật': 'Law',
  'Nghị định': 'Decree',
  'Thông tư': 'Circular',
  'Văn bản': 'Document',
};

/** Longest first, so "Thông báo kết luận" is read before "Thông báo". */
const TYPE_PATTERN = Object.keys(DOCUMENT_TYPES_EN).sort((a, b) => b.length - a.length).join('|');

/**
 * The answer's own words in English: the templates the answerers write (lead, notes, refusals, facts),
 * as [Vietnamese pattern, English]. Applied only outside “…”, so quotes and quoted titles stay verbatim.
 */
const ENGLISH: Array<[RegExp, string]> = [
  [new RegExp(`(^|\n)${READING_LABEL}: `, 'g'), '$1Machine-restored reading: '],
  [new RegExp(`(^|\n)${SCAN_LABEL}: `, 'g'), '$1Verbatim scan: '],
  [new RegExp(`(^|\n)${TABLE_HEADER_LABEL}: `, 'g'), '$1Table header: '],
  [new RegExp(escapeRegExp(OCR_NOTE), 'g'), 'Note: excerpts marked OCR come from scanned text and may contain misspellings; please check the original document.'],
  [/Xin lỗi, các văn bản hiện có không nêu rõ nội dung này nên tôi không trả lời để tránh sai lệch\./g, 'Sorry, the documents available do not clearly say this, so I will not answer rather than risk being wrong.'],
  [/Các văn bản liên quan nhất có thể tra cứu:/g, 'The most closely related documents you can look up:'],
  [/Bạn có thể hỏi cụ thể hơn, ví dụ về thời lượng hội nghị, chỉ tiêu, thời hạn hoặc cơ quan chủ trì\./g, 'You could ask more specifically, for example about meeting durations, targets, deadlines or the lead agency.'],
  [/Văn bản được gửi để báo cáo \(b\/c\) tới các nơi sau\./g, 'The document is sent for report (b/c) to the following.'],
  [/Nơi nhận văn bản:/g, 'Recipients of the document:'],
  // Facts about a document's signer, validity and articles (metadata.ts, validity.ts, article-lookup.ts).
  [/\(bản đọc phục hồi tự động; bản quét: /g, '(machine-restored reading; scan: '],
  [/phần chữ ký/g, 'signature block'],
  [/Cơ quan ban hành:/g, 'Issued by:'],
  [/Có hiệu lực kể từ ngày ký/g, 'In force from the date of signing'],
  [/Có hiệu lực kể từ ngày ban hành/g, 'In force from the date of issue'],
  [/Áp dụng kể từ ngày ký/g, 'Applies from the date of signing'],
  [/Áp dụng kể từ ngày ban hành/g, 'Applies from the date of issue'],
  [/Có hiệu lực từ ngày /g, 'In force from '],
  [/Áp dụng từ ngày /g, 'Applies from '],
  [/: Thay thế /g, ': Replaces '],
  [/: Bãi bỏ /g, ': Repeals '],
  [/: Khoản (\d+) Điều (\d+)/g, ': Clause $1 of Article $2'],
  [/: Điều (\d+)/g, ': Article $1'],
  [/ của (Quy chế|Quy định|Hướng dẫn|Chương trình|Phương án|Đề án|Điều lệ|Nội quy) kèm theo/g, ' of the attached $1'],
  [/ quy định nội dung này:/g, ' covers this:'],
  [/ gồm (\d+) điều \(Điều 1 – Điều (\d+)\); điều cuối:/g, ' has $1 articles (Article 1 – Article $2); the last:'],
  [/\) quy định:/g, ') provides:'],
  [/Chức danh người ký:/g, 'Signer’s title:'],
  [/Người ký:/g, 'Signed by:'],
  [/Số hiệu:/g, 'Number:'],
  [/Ngày ban hành:/g, 'Date of issue:'],
  [/Ngày ký số:/g, 'Digitally signed on:'],
  [/\(văn bản không ghi ngày ban hành ở phần đầu; ngày theo chữ ký số của ([^,]+), ghi ([^)]+)\)/g, '(the document’s heading gives no date of issue; this is the date of $1’s digital signature, recorded as $2)'],
  [/Trích yếu:/g, 'Subject:'],
  [/Văn bản căn cứ:/g, 'Based on:'],
  [/Văn bản căn cứ \(phần mở đầu\):/g, 'Based on (opening part):'],
  [/\(ngày (\d{2}\/\d{2}\/\d{4})\)/g, '(dated $1)'],
  [/(^|\n)Theo /g, '$1According to '],
  [/(\(|, )mục /g, '$1section '],
  [/phần mở đầu/g, 'opening part'],
  [/(\(|, )Điều (\d+)/g, '$1Article $2'],
  [/, khoản (\d+)/g, ', clause $1'],
  [/, điểm ([a-zđ])(?![\p{L}])/gu, ', point $1'],
  [new RegExp(`(?<![\\p{L}])(${TYPE_PATTERN}) số `, 'gu'), '$1 No. '],
];

/** A type name followed by its number, or by its quoted title (the piece ends where the quote starts). */
const TYPE_BEFORE_NAME = new RegExp(`(?<![\\p{L}])(${TYPE_PATTERN})(?= No\\. | $)`, 'gu');

/** "Kế hoạch No." → "Plan No.": type names in the answer's own words, where a number or a quoted title follows. */
function englishTypes(text: string): string {
  return text.replace(TYPE_BEFORE_NAME, (type) => DOCUMENT_TYPES_EN[type] ?? type);
}

/**
 * The answer with its own words in `lang`. Vietnamese is how the answerers write; for English, the
 * parts outside quotation marks are rewritten and every “quote” is kept character for character.
 */
export function answerInLanguage(answer: string, lang: AnswerLang): string {
  if (lang === 'vi') return answer;
  // Odd pieces are quotes (“…”), even ones the answer's own words.
  return answer
    .split(/(“[^”]*”)/)
    .map((piece, i) => (i % 2 ? piece : englishTypes(ENGLISH.reduce((text, [pattern, english]) => text.replace(pattern, english), piece))))
    .join('');
}
