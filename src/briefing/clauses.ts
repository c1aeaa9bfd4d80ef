/**
 * Finds rule clauses in a document's chunks: every sentence with substance,
 * split at ";" when its parts are separate rules ("khai mạc không quá 10 phút;
 * kết luận không quá 50 phút"). Offsets always point into chunk.text.
 */
import { fold } from '../text/fold.js';
import { foldedSyllables } from '../text/tokens.js';
import type { Chunk, DocumentMeta } from '../types.js';
import type { Clause, ClauseKind } from './types.js';

/** Parts of a document that hold no rules: the header, the distribution list, OCR'd tables. */
const SKIP_SECTIONS = /^(|Nơi nhận|Phụ lục)$/;
/** Leading bullet or numbering: "- ", "(1)- ", "a) ", "2.1. ". */
const BULLET = /^(?:\(\d{1,2}\)\s*[-–]?\s*|[a-zđ¢]\)\s*|\d{1,2}(?:\.\d{1,2})*\.\s*|[-–+•*]\s*)+/iu;

/** A limit needs a marker or a percentage: "5 năm 2026 - 2030" is not a limit. */
const LIMIT = /\b(khong qua|toi da|it nhat|toi thieu|tro len|chiem|tinh gian|cat giam)\b|\d\s*%/;
const DEADLINE = /\b(hoan thanh|thoi gian hoan thanh|truoc ngay|trong quy|quy (?:[1-4]|i{1,3}|iv)\b|hang quy|dinh k[iy] hang)/;
const PROHIBITION = /^(khong|nghiem cam|cam)\b/;
const RESPONSIBILITY = /\b(chu tri|phoi hop voi|tham muu|chiu trach nhiem|co quan thuc hien)\b/;
const DEFINITION = /\b(phuong cham|bao gom|gom|hinh thuc|nguyen tac)\b|“[^”]{1,20}”/;

export function classify(foldedText: string, foldedHeadings: string): ClauseKind {
  if (LIMIT.test(foldedText) && /\d/.test(foldedText)) return 'limit';
  // "hoàn thành các mục tiêu" is no deadline: one needs a time (quý, năm, 2026, hằng …).
  if (DEADLINE.test(foldedText) && /\b(quy|thang|nam|ngay|dinh k[iy]|hang)\b|\d{4}/.test(foldedText)) return 'deadline';
  if (PROHIBITION.test(foldedText)) return 'prohibition';
  if (RESPONSIBILITY.test(foldedText) || /to chuc thuc hien/.test(foldedHeadings)) return 'responsibility';
  if (DEFINITION.test(foldedText) || /hinh thuc/.test(foldedHeadings)) return 'definition';
  return 'content';
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s;,.]/.test(text[start]!)) start++;
  while (end > start && /[\s;,]/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** Skips the bullet, returning the offset where the words start. */
function afterBullet(text: string, start: number, end: number): number {
  const m = text.slice(start, end).match(BULLET);
  return m ? start + m[0].length : start;
}

/** The clauses of one chunk, in text order. `order` counts from `base`. */
export function chunkClauses(chunk: Chunk, doc: DocumentMeta, base: number, view: (text: string) => string = (t) => t): Clause[] {
  if (SKIP_SECTIONS.test(chunk.section)) return [];
  const text = chunk.text;
  const headings = fold(view([...chunk.headings, chunk.sectionTitle].join(' ')));
  const clauses: Clause[] = [];
  const spans = chunk.sentences;
  for (let i = 0; i < spans.length; i++) {
    let { start, end } = spans[i]!;
    let body = afterBullet(text, start, end);
    const sentence = text.slice(body, end);
    // A lead-in ending in ":" ("… theo phương châm “3 hơn”:") belongs with what follows.
    if (/:$/.test(sentence) && i + 1 < spans.length && foldedSyllables(sentence).length >= 3) {
      end = spans[i + 1]!.end;
      i++;
    }
    if (foldedSyllables(text.slice(body, end)).length < 5) continue;
    // Headings repeated as sentences ("Mục đích", the section title) are not clauses.
    if (fold(text.slice(body, end)).replace(/[:.]$/, '') === fold(chunk.sectionTitle)) continue;

    const labelMatch = text.slice(body, end).match(/^([^:;]{3,60}):\s+/);
    const label = labelMatch ? labelMatch[1]!.trim() : undefined;
    const partsStart = labelMatch ? body + labelMatch[0].length : body;
    const parts = splitParts(text, partsStart, end);
    const kinds = parts.map(([s, e]) => classify(fold(view(text.slice(s, e))), headings));
    const rulesInParts = kinds.filter((k) => k === 'limit' || k === 'deadline' || k === 'prohibition').length;
    if (parts.length > 1 && rulesInParts >= 1) {
      const lead: [number, number] = parts[0]!;
      parts.forEach(([s, e], j) => {
        if (foldedSyllables(text.slice(s, e)).length < 4) return;
        const [cs, ce] = j === 0 ? trimSpan(text, body, e) : trimSpan(text, s, e);
        clauses.push({ chunk, doc, start: cs, end: ce, sentenceStart: body, sentenceEnd: end, kind: kinds[j]!, label, lead: j === 0 ? undefined : lead, order: base + cs });
      });
      continue;
    }
    const [cs, ce] = trimSpan(text, body, end);
    clauses.push({ chunk, doc, start: cs, end: ce, sentenceStart: cs, sentenceEnd: ce, kind: classify(fold(view(text.slice(partsStart, ce))), headings), label, order: base + cs });
  }
  return clauses;
}

/** Splits [start, end) at ";" and at ", không" (a prohibition tacked onto a sentence). */
function splitParts(text: string, start: number, end: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  const re = /;\s+|,\s+(?=(?:không|khong|khéng|không)\s)/giu;
  const slice = text.slice(start, end);
  let last = 0;
  for (const m of slice.matchAll(re)) {
    // Never inside a quotation (“không thể, không dám, không muốn tham nhũng”).
    const before = slice.slice(0, m.index);
    if ((before.match(/“/g)?.length ?? 0) > (before.match(/”/g)?.length ?? 0) || (before.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    parts.push(trimSpan(text, start + last, start + m.index!));
    last = m.index! + m[0].length;
  }
  parts.push(trimSpan(text, start + last, end));
  return parts.filter(([s, e]) => e > s);
}

/** The words before the rule marker of a part ("Phát biểu khai mạc" in "… khai mạc không quá 10 phút"). */
export function subjectBefore(part: string): string | undefined {
  const folded = fold(part);
  const m = folded.match(/\b(khong qua|toi da|it nhat|toi thieu|hoan thanh)\b/);
  if (!m || m.index === undefined) return undefined;
  const subject = part.slice(0, m.index).trim();
  return subject || undefined;
}

/** All clauses of a document, in document order. */
export function documentClauses(doc: DocumentMeta, chunks: Chunk[], view?: (text: string) => string): Clause[] {
  return chunks.flatMap((chunk, n) => chunkClauses(chunk, doc, n * 1_000_000, view));
}
