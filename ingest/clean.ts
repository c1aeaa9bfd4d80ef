/**
 * Clean: remove conversion artefacts and reflow hard-wrapped lines so each line
 * is one paragraph or bullet. Words are never changed (quotes must stay
 * verbatim); only markup, whitespace and signature trailers go.
 */

import { isTableLine } from '../src/text/table-line.js';

export interface DigitalSignature {
  signedAt: string;
  signer: string;
}

export interface CleanedText {
  text: string;
  signatures: DigitalSignature[];
}

/** A line that starts a heading, a bullet or a closing block: never glued to the line above. */
export const STRUCTURE_START =
  /^(?:[IVX]{1,4}\s*[.\-–]\s|\d{1,3}(?:\.\d{1,2})*\.\s|\d{1,2}\)\s|[a-zđ¢]\)\s|\(\d{1,2}\)|[-–+•]\s|\*\s|STT\b|N[oơa]i\s+nh[aậé]n)/iu;

/**
 * Headings of documents by articles and steps (case as written: "Điều 5." opens an
 * article, "điều 5." inside a wrapped sentence does not), and the opening words of
 * a state document's paragraphs, which a wrapped sentence never starts with a capital.
 */
const ARTICLE_START =
  /^(?:(?:Điều|ĐIỀU)\s+\d{1,3}[a-zđ]?\s*(?:[.:]|$)|(?:Chương|CHƯƠNG)\s+(?:[IVXLC]+|\d{1,3})\b|(?:Mục|MỤC)\s+(?:\d{1,2}|[IVX]{1,4})\b\s*(?:[.:\-–]|$|\p{Lu}{2})|(?:Phần|PHẦN)\s+(?:thứ|THỨ|[IVX]+\b|\d{1,2}\b)|Bước\s+\d{1,2}\s*[:.)\-–]|\(Ban hành kèm theo\b|Căn cứ\s|Theo đề nghị\b|Xét đề nghị\b|Kính gửi\b)/u;
const SENTENCE_END = /[.:!?…]["”)]?$/;
const SIGNATURE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:?\d{2}$/;
const SIGNED = /^(.+?)\s*(?:<[^>]*>)?\s*đã ký lên văn bản này!?$/u;

/** Removes artefacts that are markup, not words: docx bookmarks and emphasis markers. */
export function stripMarkup(text: string): string {
  // Emphasis only: "*Quy chế làm việc*", not OCR noise such as "nh*n vu … n*m".
  return text.replace(/\[bookmark:[^\]]*\]/g, '').replace(/(^|[\s("“])\*(\S[^*\n]*?\S)\*(?=[\s.,:;)”"]|$)/gm, '$1$2');
}

/**
 * The form a quote is checked against: markup stripped and whitespace collapsed.
 * A quote is verbatim when `matchKey(source).includes(matchKey(quote))`.
 */
export function matchKey(text: string): string {
  return stripMarkup(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

/** Pulls "<time> / Việt Nam / <name> đã ký lên văn bản này!" trailers out of the text. */
function extractSignatures(lines: string[]): { lines: string[]; signatures: DigitalSignature[] } {
  const kept: string[] = [];
  const signatures: DigitalSignature[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (SIGNATURE_TIME.test(line)) {
      const window = lines.slice(i + 1, i + 4).map((l) => l.trim());
      const signedIndex = window.findIndex((l) => SIGNED.test(l));
      if (signedIndex >= 0) {
        signatures.push({ signedAt: line, signer: window[signedIndex]!.match(SIGNED)![1]!.trim() });
        i += signedIndex + 1;
        continue;
      }
    }
    kept.push(lines[i]!);
  }
  return { lines: kept, signatures };
}

/** Hard-wrapped text with a blank line after every line (as in some exports). */
function isDoubleSpaced(lines: string[]): boolean {
  let content = 0;
  let followedByBlank = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i]!.trim()) continue;
    content++;
    if (!lines[i + 1]!.trim()) followedByBlank++;
  }
  return content > 20 && followedByBlank / content > 0.7;
}

/**
 * A row of a table laid out in columns: cells apart by a wide gap (a Markdown table as ingest/markdown.ts
 * writes it, a layout export). Two such lines in a row are two rows, never one wrapped sentence.
 */
function isTableRow(raw: string): boolean {
  return /\S(?: {3,}|\t+)\S/.test(raw.trim());
}

function isCapitalsLine(line: string): boolean {
  return line.length >= 12 && line.length < 120 && line === line.toUpperCase() && /\p{Lu}{2,}\s+\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(line);
}

/**
 * The lines that are rows of a table: a table line next to another with as many bars ("Xã Tân Bồi | 0 | 0 | 2 | 187"
 * under "Xã, thị trấn | Người chết | …"). A scan's stray bars seldom line up so, and its lines reflow as prose.
 */
function tableRows(lines: string[]): Set<number> {
  const bars = (line: string) => line.match(/\|/g)?.length ?? 0;
  const filled = lines.flatMap((line, i) => (line ? [i] : []));
  const rows = new Set<number>();
  filled.forEach((i, k) => {
    if (!isTableLine(lines[i]!)) return;
    const alike = (j: number | undefined) => j !== undefined && isTableLine(lines[j]!) && bars(lines[j]!) === bars(lines[i]!);
    if (alike(filled[k - 1]) || alike(filled[k + 1])) rows.add(i);
  });
  return rows;
}

function shouldJoin(previous: string, next: string, acrossBlank: boolean, doubleSpaced: boolean): boolean {
  if (!previous || !next) return false;
  // "- xã hội" after "chính trị": a wrapped hyphenated phrase, not a new bullet.
  const continuesPhrase = /^[-–]\s\p{Ll}/u.test(next);
  if ((STRUCTURE_START.test(next) || ARTICLE_START.test(next)) && !continuesPhrase) return false;
  // A line in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …", the authority of a decision) is never a wrapped sentence's end.
  if (isCapitalsLine(next)) return false;
  if (/^[-=_*]{3,}$/.test(next) || /^[-=_*]{3,}$/.test(previous) || previous === '*') return false;
  const continues = continuesPhrase || /^[\p{Ll}\d]/u.test(next);
  if (SENTENCE_END.test(previous)) return continues && !acrossBlank;
  // Short all-caps lines are titles ("KẾ HOẠCH", "I- MỤC ĐÍCH, YÊU CẦU"), not wrapped prose.
  if (previous === previous.toUpperCase() && previous.length < 90 && /\p{Lu}/u.test(previous)) return false;
  // A short line followed by a capital is a heading ("1. Ban Tuyên giáo Huyện ủy").
  if (previous.length < 60 && !continues) return false;
  if (!acrossBlank) return true;
  return doubleSpaced || (previous.length > 60 && continues);
}

/**
 * Cleans raw extracted text into one paragraph per line.
 *
 * @example cleanText('Tép trung quén\ntriét').text // 'Tép trung quén triét'
 */
export function cleanText(raw: string): CleanedText {
  const normalized = stripMarkup(raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' '));
  const { lines: rawLines, signatures } = extractSignatures(normalized.split('\n'));
  const lines = rawLines.map((line) => line.replace(/\t+/g, ' ').replace(/ {2,}/g, ' ').trim());
  const columnRows = rawLines.map(isTableRow);
  const doubleSpaced = isDoubleSpaced(lines);
  const rows = tableRows(lines);

  const out: string[] = [];
  let blankSeen = false;
  let lastIsRow = false;
  let lastColumnRow = false;
  for (const [i, line] of lines.entries()) {
    if (!line) {
      blankSeen = true;
      continue;
    }
    const last = out.length ? out[out.length - 1]! : '';
    // A table's rows stay one per line: each row is its own sentence, read with its header row. A line that opens
    // in lower case after a row is that row's wrapped cell ("| Hộ phải sơ" / "tán"), read by the usual rules.
    // Two rows of a table laid out in columns are two paragraphs however they end ("… 0,5 ngày" then "Bước 2 …").
    const apart = ((rows.has(i) || lastIsRow) && !/^\p{Ll}/u.test(line)) || (lastColumnRow && columnRows[i]);
    if (out.length && !apart && shouldJoin(last, line, blankSeen, doubleSpaced)) {
      out[out.length - 1] = `${last} ${line}`;
    } else {
      if (blankSeen && out.length && !doubleSpaced) out.push('');
      out.push(line);
      lastIsRow = rows.has(i);
    }
    blankSeen = false;
    lastColumnRow = columnRows[i]!;
  }
  return { text: out.join('\n').replace(/\n{3,}/g, '\n\n').trim(), signatures };
}
