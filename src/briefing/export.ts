/**
 * Exports of a briefing set: Markdown, CSV (UTF-8 BOM, RFC 4180 quoting, so
 * Excel opens Vietnamese correctly) and a print-ready DOCX.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { displayDate, OCR_NOTE, READING_LABEL, sectionLabel } from '../answer/format.js';
import type { Citation } from '../types.js';
import type { BriefingItem } from './types.js';

export type ExportFormat = 'md' | 'csv' | 'docx';

export interface ExportInput {
  title: string;
  items: BriefingItem[];
}

export interface ExportedFile {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}

/** "Kế hoạch số 22-KH/TU, Ban Thường vụ Tỉnh ủy Điện Biên, 16/01/2026": a document's full citation. */
export function documentCitation(citation: Citation): string {
  const type = citation.title.split(' số ')[0]!.split(' – ')[0]!;
  const label = citation.docNumber ? `${type} số ${citation.docNumber}` : citation.title;
  return [label, citation.issuer, displayDate(citation.date)].filter(Boolean).join(', ');
}

/** The distinct documents an item list cites, with their full citations and titles. */
export function citedDocuments(items: BriefingItem[]): Array<{ citation: string; title: string }> {
  const seen = new Map<string, { citation: string; title: string }>();
  // A scanned document's title is OCR text: the citation line alone names it properly.
  for (const item of items) for (const c of item.citations) if (!seen.has(c.source)) seen.set(c.source, { citation: documentCitation(c), title: c.ocr ? '' : c.title });
  return [...seen.values()];
}

function oneLine(text: string): string {
  return text.replace(/\n+/g, ' ');
}

function whereLine(c: Citation): string {
  return `${documentCitation(c)} – mục ${sectionLabel(c)}`;
}

export function toMarkdown({ title, items }: ExportInput): string {
  const lines = [`# ${title}`, ''];
  for (const doc of citedDocuments(items)) lines.push(`- ${doc.citation}${doc.title ? `: ${doc.title}` : ''}`);
  lines.push('');
  items.forEach((item, i) => {
    lines.push(`## Câu ${i + 1}. ${item.question}`, '');
    if (item.reading) lines.push(`**Trả lời (${READING_LABEL.toLowerCase()}):** ${oneLine(item.reading)}`, '', `Nguyên văn bản quét: ${oneLine(item.answer)}`, '');
    else lines.push(`**Trả lời:** ${oneLine(item.answer)}`, '');
    for (const c of item.citations) {
      if (c.quote.trim() !== item.answer.trim()) lines.push(`> ${c.quote.replace(/\n+/g, ' ')}`, '');
      lines.push(`*Nguồn: ${whereLine(c)}*${c.ocr ? ' (bản quét OCR – đối chiếu văn bản gốc)' : ''}`, '');
    }
  });
  if (items.some((i) => i.ocr)) lines.push(`_${OCR_NOTE}_`, '');
  return lines.join('\n');
}

function csvField(value: string | number | undefined): string {
  const text = String(value ?? '');
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv({ items }: ExportInput): string {
  // OCR answers: "Trả lời" is the machine-restored reading, the last column the scan's own text.
  const header = ['STT', 'Câu hỏi', 'Trả lời', 'Văn bản', 'Mục', 'Trích dẫn', 'OCR', 'Nguyên văn bản quét'];
  const rows = items.map((item, i) => {
    const c = item.citations[0];
    return [i + 1, item.question, item.reading ?? item.answer, c ? documentCitation(c) : '', c ? sectionLabel(c) : '', c?.quote ?? '', item.ocr ? 'có' : '', item.reading ? item.answer : ''];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export async function toDocx({ title, items }: ExportInput): Promise<Uint8Array> {
  const font = 'Times New Roman';
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, font, size: 32 })] }),
  ];
  for (const doc of citedDocuments(items)) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.citation, italics: true, font, size: 24 })] }));
    if (doc.title) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, font, size: 22 })] }));
  }
  items.forEach((item, i) => {
    children.push(new Paragraph({ spacing: { before: i === 0 ? 480 : 240 }, keepNext: true, children: [new TextRun({ text: `Câu ${i + 1}. `, bold: true, font, size: 26 }), new TextRun({ text: item.question, bold: true, font, size: 26 })] }));
    if (item.reading) {
      children.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: `Trả lời (${READING_LABEL.toLowerCase()}): `, bold: true, font, size: 26 }), new TextRun({ text: oneLine(item.reading), font, size: 26 })] }));
      children.push(new Paragraph({ keepNext: true, indent: { left: 567 }, children: [new TextRun({ text: `Nguyên văn bản quét: ${oneLine(item.answer)}`, italics: true, font, size: 22 })] }));
    } else children.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: 'Trả lời: ', bold: true, font, size: 26 }), new TextRun({ text: oneLine(item.answer), font, size: 26 })] }));
    for (const c of item.citations) {
      if (c.quote.trim() !== item.answer.trim()) children.push(new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: `Trích: “${c.quote.replace(/\n+/g, ' ')}”`, italics: true, font, size: 22 })] }));
      children.push(new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: `Nguồn: ${whereLine(c)}${c.ocr ? ' (bản quét OCR – đối chiếu văn bản gốc)' : ''}`, font, size: 22 })] }));
    }
  });
  if (items.some((i) => i.ocr)) children.push(new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: OCR_NOTE, italics: true, font, size: 20 })] }));
  const document = new Document({ creator: 'vanban', title, sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** ASCII file name from a title: "hoi-dap-ke-hoach-so-22-kh-tu". */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return stem || 'hoi-dap';
}

export async function exportSet(input: ExportInput, format: ExportFormat): Promise<ExportedFile> {
  const stem = fileStem(input.title);
  switch (format) {
    case 'md':
      return { body: toMarkdown(input), contentType: 'text/markdown; charset=utf-8', filename: `${stem}.md` };
    case 'csv':
      return { body: toCsv(input), contentType: 'text/csv; charset=utf-8', filename: `${stem}.csv` };
    case 'docx':
      return { body: await toDocx(input), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename: `${stem}.docx` };
  }
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
