/**
 * Sentence spans with offsets, so a quote is always an exact slice of the source.
 * Lines are paragraphs or bullets after cleaning; inside a line we split after
 * `.`, `?`, `!` when a capital, digit or bullet follows.
 */
import { isRowSentence } from './table-line.js';

export interface Span {
  start: number;
  end: number;
}

const BOUNDARY = /[.?!…]+["”’)]*\s+(?=[\p{Lu}\d“"(-])/gu;
/** Abbreviations that end in a dot but not a sentence. */
const ABBREVIATION = /(?:\b(?:TP|Tp|tp|v\.v|Th\.S|TS|PGS|GS|ThS|Ô|Bà|St|Q|P|Ph)\.)$/u;

/** Splits text into trimmed sentence spans (offsets into `text`). */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let start = 0;
    // A table row is one sentence however many full stops its cells hold.
    for (const m of isRowSentence(line) ? [] : line.matchAll(BOUNDARY)) {
      const cut = m.index! + m[0].trimEnd().length;
      if (ABBREVIATION.test(line.slice(0, cut))) continue;
      pushTrimmed(spans, text, lineStart + start, lineStart + cut);
      start = m.index! + m[0].length;
    }
    pushTrimmed(spans, text, lineStart + start, lineStart + line.length);
    lineStart += line.length + 1;
  }
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end - start >= 2) spans.push({ start, end });
}
