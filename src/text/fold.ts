/**
 * Vietnamese normalisation: one Unicode form, one tone-placement convention, and
 * an accent-insensitive "folded" form for matching.
 */

import { memoize } from './memo.js';

const COMBINING = /[\u0300-\u036f]/g;
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWELS = 'aăâeêioôơuưy';
/** Vowels that carry a quality mark (breve, circumflex, horn): they take the tone. */
const MARKED_VOWELS = 'ăâêôơư';

/**
 * Accent-insensitive form: lowercase, no diacritics, and `đ` → `d`
 * (NFD leaves `đ` intact, so it needs its own mapping).
 *
 * @example fold('Đảng ủy') // 'dang uy'
 */
export function fold(text: string): string {
  // A word is folded over and over (ingest folds every word of every text): memoised for short strings.
  return text.length > 16 ? foldUncached(text) : foldWord(text);
}

const foldWord = memoize(foldUncached, 100_000);

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** True when the text carries any Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  return /[\u0300-\u036fđĐ]/.test(text.normalize('NFD'));
}

/**
 * Moves the tone mark of one syllable to the modern ("new") position, so that
 * `uỷ`/`ủy`, `hoà`/`hòa`, `qúy`/`quý` compare equal. Case is preserved.
 */
export function normalizeTonePlacement(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  const tones = [...decomposed].filter((ch) => TONE_MARKS.has(ch));
  if (tones.length !== 1) return syllable.normalize('NFC');
  const tone = tones[0]!;
  const base = [...decomposed].filter((ch) => !TONE_MARKS.has(ch)).join('').normalize('NFC');
  const lower = base.toLowerCase();
  const letters = [...lower];

  // Vowel cluster, skipping the `u` of `qu` and the `i` of `gi` (part of the onset).
  let start = letters.findIndex((ch) => VOWELS.includes(ch));
  if (start < 0) return syllable.normalize('NFC');
  if ((lower.startsWith('qu') || (lower.startsWith('gi') && letters.length > 2 && VOWELS.includes(letters[2]!))) && start === 1) {
    start = 2;
  }
  let end = start;
  while (end < letters.length && VOWELS.includes(letters[end]!)) end++;
  const cluster = letters.slice(start, end);
  const hasCoda = end < letters.length;

  let target: number;
  const marked = cluster.map((ch, i) => (MARKED_VOWELS.includes(ch) ? i : -1)).filter((i) => i >= 0);
  if (marked.length) target = start + marked[marked.length - 1]!;
  else if (cluster.length === 1) target = start;
  else if (hasCoda) target = end - 1;
  else if (cluster.length === 3) target = start + 1;
  else target = start;

  const chars = [...base];
  chars[target] = (chars[target]! + tone).normalize('NFC');
  return chars.join('').normalize('NFC');
}

/** NFC plus one tone-placement convention for every word of a text. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\p{L}+/gu, normalizeWord);
}

/** One word in the tone-placement convention, memoised (a corpus repeats a few thousand words). */
const normalizeWord = memoize((word: string) => (hasDiacritics(word) ? normalizeTonePlacement(word) : word), 100_000);
