/**
 * A table row states its numbers in the meanings its header row names: "Xã Lạch Kênh | 95 | 10 | 160 | 118"
 * under "Xã, thị trấn | Lúa mùa ngập, đổ (ha) | … | Lồng bè hư hỏng (cái)". The answerer reads a row with its
 * header's words (what each number counts, in which unit); the quote stays the row.
 */
import type { Chunk } from '../types.js';
import words from '../question/tables.json' with { type: 'json' };
import { cellsOf, isHeaderRow, isRowSentence } from '../text/table-line.js';
import { fold } from '../text/fold.js';
import { namesUnit } from './units.js';

/** Cell separators of a row: two or more make a table line. */
const CELLS = /\|/g;
const isRow = (text: string) => (text.match(CELLS)?.length ?? 0) >= 2;

const headerCache = new WeakMap<Chunk, Array<string | undefined>>();

/**
 * The header row of the table the sentence at `index` is a row of: the first row of its run of table lines, when
 * that row names columns and is not the sentence itself. Undefined for a sentence outside a table, or a header.
 */
export function headerOf(chunk: Chunk, index: number): string | undefined {
  let headers = headerCache.get(chunk);
  if (!headers) {
    headers = [];
    let header: string | undefined;
    let previousRow = false;
    for (const span of chunk.sentences) {
      const text = chunk.text.slice(span.start, span.end);
      if (!isRow(text)) {
        header = undefined;
        previousRow = false;
        headers.push(undefined);
        continue;
      }
      if (!previousRow && headers.length === 0 && chunk.tableHeader) {
        // The chunk opens inside a table whose header row sits in the chunk before.
        header = chunk.tableHeader;
        headers.push(header);
      } else if (!previousRow) {
        header = isHeaderRow(text) ? text : undefined;
        headers.push(undefined);
      } else headers.push(header);
      previousRow = true;
    }
    headerCache.set(chunk, headers);
  }
  return headers[index];
}

const WHOLE_ASKED = words.wholeAsked;
const TOTAL_ROWS = new Set(words.totalRows);

/** The folded question asks for a whole ("cả huyện", "tổng cộng", "tất cả"): a table answers it by its total row. */
export function asksWhole(foldedQuestion: string): boolean {
  const text = ` ${foldedQuestion.replace(/[^a-z0-9]+/g, ' ')} `;
  return WHOLE_ASKED.some((w) => text.includes(` ${w} `));
}

/** A row labelled as the table's total ("Tổng cộng | 1.100 | 145"): its first cell is a total's label. */
export function isTotalRow(foldedRow: string): boolean {
  const first = cellsOf(foldedRow)[0];
  return first !== undefined && TOTAL_ROWS.has(first.replace(/[^a-z0-9]+/g, ' ').trim());
}

const LABEL_PREFIXES = [...words.labelPrefixes].sort((a, b) => b.length - a.length);
/** Folded words apart by single spaces, padded, so a phrase is found whole (" xa hai trieu "). */
const padded = (foldedText: string) => ` ${foldedText.replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** The label of a row: its first cell that is not a number or a numbering ("1 | Xã Tân Bồi | 0 | …" → "Xã Tân Bồi"). */
export function rowLabel(row: string): string | undefined {
  return cellsOf(row).find((c) => !/^[\dIVXLivxl.,)(\s-]+$/.test(c));
}

/** Whether the padded question names the label: whole, or by its name alone when no other kind of place stands before it
 * ("huyện Cồn Mây" is not the row "Thị trấn Cồn Mây"). */
function namesLabel(question: string, label: string): boolean {
  const folded = padded(fold(label).toLowerCase()).trim();
  if (folded.length >= 3 && question.includes(` ${folded} `)) return true;
  const prefix = LABEL_PREFIXES.find((p) => folded.startsWith(`${p} `));
  const bare = prefix ? folded.slice(prefix.length + 1) : '';
  if (bare.length < 3) return false;
  let at = question.indexOf(` ${bare} `);
  for (; at >= 0; at = question.indexOf(` ${bare} `, at + 1)) {
    const before = question.slice(0, at + 1);
    if (!LABEL_PREFIXES.some((p) => before.endsWith(` ${p} `))) return true;
  }
  return false;
}

/**
 * The rows of the table the row at `index` belongs to whose label the folded question names ("Xã Hải Triều có bao
 * nhiêu nhà tốc mái" names the row "Xã Hải Triều | 0 | 1 | 6 | 428"). Empty when it names none.
 */
export function rowsNamed(chunk: Chunk, index: number, foldedQuestion: string): number[] {
  const header = headerOf(chunk, index);
  if (!header) return [];
  const question = padded(foldedQuestion);
  return chunk.sentences.flatMap((span, i) => {
    if (headerOf(chunk, i) !== header) return [];
    const label = rowLabel(chunk.text.slice(span.start, span.end));
    return label && namesLabel(question, label) ? [i] : [];
  });
}

/**
 * Whether a row states an amount of `unit` in the column its header names so ("Lồng bè hư hỏng (cái)" → the
 * row's cell under it holds a number): a column of names ("Chỉ tiêu") or the numbering ("STT") does not count
 * the unit. Undefined when the row's cells do not line up with the header's (merged or empty cells).
 */
export function countsInColumn(unit: string, foldedHeader: string, foldedRow: string): boolean | undefined {
  const heads = cellsOf(foldedHeader);
  const cells = cellsOf(foldedRow);
  const named = heads.flatMap((head, i) => (namesUnit(unit, head) ? [i] : []));
  if (!named.length) return false;
  if (cells.length !== heads.length) return undefined;
  return named.some((i) => /\d/.test(cells[i]!));
}

/** The share of a row label's words a question must write for the row to answer it. */
const LABEL_NAMED = 0.5;

/**
 * Whether the row at `index` may answer the folded question: a row of a table answers for what its label names
 * ("Xã Tân Bồi", "Thu ngân sách nhà nước"), so the question writes at least half of the label's words (its place
 * kind aside), or asks a whole and the row is the total. A sentence outside a table, or a scan's stray bars, may.
 */
export function rowAnswers(chunk: Chunk, index: number, foldedQuestion: string): boolean {
  const header = headerOf(chunk, index);
  if (!header) return true;
  const span = chunk.sentences[index]!;
  const row = chunk.text.slice(span.start, span.end);
  if (!isRowSentence(row) || !isRowSentence(header)) return true;
  const foldedRow = fold(row).toLowerCase();
  if (isTotalRow(foldedRow)) return asksWhole(foldedQuestion);
  const label = rowLabel(row);
  if (!label) return true;
  let words = padded(fold(label).toLowerCase()).trim();
  const prefix = LABEL_PREFIXES.find((p) => words.startsWith(`${p} `));
  if (prefix) words = words.slice(prefix.length + 1);
  const labelWords = words.split(' ').filter((w) => w.length >= 2);
  const question = new Set(padded(foldedQuestion).trim().split(' '));
  return labelWords.length > 0 && labelWords.filter((w) => question.has(w)).length >= LABEL_NAMED * labelWords.length;
}
