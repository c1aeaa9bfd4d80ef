/**
 * Bounds and ranges on a number, as texts write them (units.json `bounds`): "không quá 05 ngày", "chưa đủ 18 tuổi",
 * "từ 04 đến 05 phòng", "90 điểm trở lên". A number a question states ("quán 4 phòng", "16 tuổi") is the text's
 * when a bound or range the text states holds it in the same unit; a bound the question writes ("chưa tới 50") is
 * the text's written another way ("dưới 50"). Read on folded syllables (text/tokens foldedSyllables).
 */
import units from './units.json' with { type: 'json' };

type Side = 'atMost' | 'below' | 'atLeast' | 'above';
const SIDES: Side[] = ['atMost', 'below', 'atLeast', 'above'];
const GROUPS = units.bounds as unknown as Record<Side, { before: string[]; after: string[] }>;

/** Every [side, phrase words], longest phrase first: "khong it hon" is read before "it hon". */
const flat = (where: 'before' | 'after') =>
  SIDES.flatMap((side) => GROUPS[side][where].map((p) => [side, p.split(' ')] as const)).sort((a, b) => b[1].length - a[1].length);
const BEFORE = flat('before');
const AFTER = flat('after');

/** A stretch of numbers a text states, and where its numbers stand (the unit is the word after one of them). */
export interface Span {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
  /** Indexes of the span's number words. */
  at: number[];
}

/** A folded number word ("4", "0,3", "15,5") as a number; undefined for anything else ("2.0.0", "15,5%"). */
function numberOf(word: string | undefined): number | undefined {
  return word !== undefined && /^\d+(,\d+)?$/.test(word) ? Number(word.replace(',', '.')) : undefined;
}

const phraseAt = (words: string[], at: number, phrase: string[]) => at >= 0 && phrase.every((p, k) => words[at + k] === p);

function sideSpan(side: Side, n: number, at: number): Span {
  const upper = side === 'atMost' || side === 'below';
  return upper ? { lo: -Infinity, hi: n, loOpen: true, hiOpen: side === 'below', at: [at] } : { lo: n, hi: Infinity, loOpen: side === 'above', hiOpen: true, at: [at] };
}

/** The bounds and ranges folded words state: "khong qua 5 ngay", "5 ngay tro xuong", "tu 4 den 5 phong". */
export function statedSpans(words: string[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    const n = numberOf(words[i]);
    if (n === undefined) continue;
    const before = BEFORE.find(([, p]) => phraseAt(words, i - p.length, p));
    if (before) spans.push(sideSpan(before[0], n, i));
    // After the number and a unit of one or two words.
    const after = AFTER.find(([, p]) => phraseAt(words, i + 2, p) || phraseAt(words, i + 3, p));
    if (after) spans.push(sideSpan(after[0], n, i));
    // "từ 4 (phòng) đến (hết / dưới) 5 (phòng)".
    for (let j = i + 1; j <= i + 3 && j < words.length; j++) {
      if (words[j] !== 'den' && words[j] !== 'toi') continue;
      const open = words[j + 1] === 'duoi' || words[j + 1] === 'het' ? 1 : 0;
      const m = numberOf(words[j + 1 + open]);
      if (m !== undefined && m > n && (words[i - 1] === 'tu' || j === i + 1)) spans.push({ lo: n, hi: m, loOpen: false, hiOpen: words[j + 1] === 'duoi', at: [i, j + 1 + open] });
      break;
    }
  }
  return spans;
}

const holds = (s: Span, n: number) => (s.loOpen ? n > s.lo : n >= s.lo) && (s.hiOpen ? n < s.hi : n <= s.hi);

/**
 * The number word of a bound or range the words state that holds `value` ("16") in `unit` ("tuoi": the word after
 * the span's number), or undefined: "chua du 18 tuoi" holds 16 tuổi, answering as its "18".
 */
export function boundingNumber(words: string[], spans: Span[], value: string, unit: string): string | undefined {
  const n = numberOf(value);
  if (n === undefined) return undefined;
  for (const span of spans) {
    if (!holds(span, n)) continue;
    const at = span.at.find((k) => words[k + 1] === unit);
    if (at !== undefined) return words[at];
  }
  return undefined;
}

/**
 * The alternatives of a question's bound words, by word index: in "chua toi 50 lao dong", "chua" and "toi" each
 * stand for the other ways of writing the bound ("duoi", "it hon", …). Only a bound on a number the question
 * states: "trên địa bàn" is no bound.
 */
export function boundAlternatives(words: string[]): Map<number, string[]> {
  const found = new Map<number, string[]>();
  for (let i = 0; i < words.length; i++) {
    if (numberOf(words[i]) === undefined) continue;
    const mark = ([side, phrase]: readonly [Side, string[]], from: number) => {
      const others = [...GROUPS[side].before, ...GROUPS[side].after].filter((p) => p !== phrase.join(' '));
      for (let k = 0; k < phrase.length; k++) found.set(from + k, [...new Set([...(found.get(from + k) ?? []), ...others])]);
    };
    const before = BEFORE.find(([, p]) => phraseAt(words, i - p.length, p));
    if (before) mark(before, i - before[1].length);
    const after = AFTER.find(([, p]) => phraseAt(words, i + 2, p));
    if (after) mark(after, i + 2);
  }
  return found;
}
