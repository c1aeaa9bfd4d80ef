/**
 * A .docx as plain text: mammoth's raw text (each paragraph a line, apart by a blank line), except that a table of
 * a row of three or more filled cells (targets, figures, a schedule) is written one row a line, its cells apart by
 * bars, so each row is a sentence read with its header row. Other tables are a layout (the header's two columns,
 * "Nơi nhận" beside the signer) and stay one paragraph per cell, as the raw text has it.
 */
import mammoth from 'mammoth';

interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
}

/** As mammoth's own raw text: text, a tab for a tab, a blank line after each paragraph. */
function rawText(element: DocxElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  if (element.type === 'table' && isDataTable(element)) return tableText(element);
  const tail = element.type === 'paragraph' ? '\n\n' : '';
  return (element.children ?? []).map(rawText).join('') + tail;
}

const rowsOf = (table: DocxElement) => (table.children ?? []).filter((c) => c.type === 'tableRow');
const cellsOf = (row: DocxElement) => (row.children ?? []).filter((c) => c.type === 'tableCell');

function isDataTable(table: DocxElement): boolean {
  return rowsOf(table).some((row) => cellsOf(row).filter((cell) => rawText(cell).trim()).length >= 3);
}

/** A cell's paragraphs on one line; an empty cell as "-", so the row keeps its columns. */
function cellText(cell: DocxElement): string {
  const text = (cell.children ?? []).map(rawText).join(' ').replace(/\s+/g, ' ').trim();
  return text || '-';
}

function tableText(table: DocxElement): string {
  return rowsOf(table)
    .map((row) => `${cellsOf(row).map(cellText).join(' | ')}\n`)
    .join('') + '\n';
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  let document: DocxElement | undefined;
  // mammoth reads the document tree for its HTML conversion; the tree is kept and written as text here.
  await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, {
    transformDocument: (element: DocxElement) => {
      document = element;
      return element;
    },
  });
  return document ? rawText(document) : '';
}
