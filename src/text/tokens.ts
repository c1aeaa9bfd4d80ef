/**
 * Tokens for search. Vietnamese writes one syllable per token, so syllable
 * unigrams plus adjacent bigrams make a strong lexical key without a segmenter.
 * Numbers, percentages and fractions stay whole: they are often the answer.
 */
import { fold, hasDiacritics, normalizeTonePlacement } from './fold.js';
import { docRefTerms } from './doc-refs.js';
import { memoize } from './memo.js';

const TOKEN = /\d+(?:[.,/]\d+)*%?|[\p{L}\p{N}]+/gu;
/** Punctuation that ends a phrase: no bigram crosses it. */
// A dot before a lowercase word is a scanner's speck ("mạng xa. hội"), not the end of a phrase.
const PHRASE_BREAK = /(?:[,;:!?()[\]{}"“”'‘’…\n\t|]|\.(?![ \t]*\p{Ll}))+/u;

/** Numbers lose leading zeros ("02" = "2", "16/01/2026" = "16/1/2026"). */
function normalizeNumber(token: string): string {
  return token.replace(/\d+/g, (digits) => String(Number(digits)));
}

/** Digits OCR reads in place of letters inside a word ("x4" = "xã", "t6i" = "tối", "b9" = "bộ"). */
const OCR_DIGIT: Record<string, string> = { '0': 'o', '1': 'l', '3': 'a', '4': 'a', '6': 'o', '9': 'o' };

/**
 * A word that starts with a letter but holds a digit or two is OCR damage, not
 * a number: read the digits as the letters they were mistaken for.
 */
export function repairOcrWord(token: string): string {
  if (token.length > 6) return token;
  let digit = false;
  for (let i = 1; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
  }
  if (!digit || !/^\p{L}/u.test(token)) return token;
  const digits = token.replace(/\D/g, '');
  if (digits.length > 2 || [...digits].some((d) => !(d in OCR_DIGIT))) return token;
  return token.replace(/\d/g, (d) => OCR_DIGIT[d]!);
}

/** y ↔ i after a single consonant is one word spelt two ways ("tỷ lệ" = "tỉ lệ", "lý" = "lí", "kỳ" = "kì"). */
const Y_TO_I: Record<string, string> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };
const CONSONANT_Y = /^[bdhklmnprstvx][yýỳỷỹỵ]$/;

function spellYAsI(syllable: string): string {
  return CONSONANT_Y.test(syllable) ? syllable[0] + Y_TO_I[syllable[1]!]! : syllable;
}

/** Token → syllable, memoised: a corpus repeats a few thousand distinct words (bounded). */
const toSyllable = memoize((token: string): string => {
  if (/^\d/.test(token)) return normalizeNumber(token);
  const word = repairOcrWord(token);
  return spellYAsI(hasDiacritics(word) ? normalizeTonePlacement(word) : word);
}, 200_000);

const accented = memoize(hasDiacritics, 200_000);

/** Lowercase syllables of a text, each in one tone-placement convention. */
export function syllables(text: string): string[] {
  const out: string[] = [];
  for (const match of text.normalize('NFC').toLowerCase().matchAll(TOKEN)) out.push(toSyllable(match[0]));
  return out;
}

/** Folded syllables: the accent-insensitive form used by every matcher. */
export function foldedSyllables(text: string): string[] {
  return syllables(fold(text));
}

export interface TermOptions {
  /** Add accented unigrams (prefixed `~`) so exact-accent matches score higher. */
  accented?: boolean;
}

/**
 * All lexical terms of a text: folded unigrams, folded bigrams (`a_b`),
 * accented unigrams (`~á`) and document references (`#22-kh/tu`, `#kh-22`).
 */
export function searchTerms(text: string, options: TermOptions = {}): string[] {
  const terms: string[] = [];
  for (const phrase of text.split(PHRASE_BREAK)) {
    const folded = foldedSyllables(phrase);
    for (let i = 0; i < folded.length; i++) {
      terms.push(folded[i]!);
      if (i > 0) terms.push(`${folded[i - 1]}_${folded[i]}`);
      const raw = folded[i]!;
      if (raw.endsWith('%')) terms.push(raw.slice(0, -1));
    }
    if (options.accented !== false) {
      for (const syllable of syllables(phrase)) if (accented(syllable)) terms.push(`~${syllable}`);
    }
  }
  terms.push(...docRefTerms(text));
  return terms;
}

/** Character n-grams of a folded word, padded, for OCR-tolerant matching. */
export function charNgrams(word: string, n = 3): string[] {
  const padded = ` ${word} `;
  if (padded.length <= n) return [padded];
  const grams: string[] = [];
  for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  return grams;
}
