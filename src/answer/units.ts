/**
 * The unit a "bao nhiêu / mấy" question counts in, and the ways a quote may state an amount in it: the unit
 * word after a number ("320 mét"), its sign ("320 m", "1.350 m2", "2°C"), another noun for the same persons
 * ("41 đồng chí" for "bao nhiêu ủy viên"). The vocabulary is data (question/units.json).
 */
import lexicon from '../question/units.json' with { type: 'json' };
import { escapeRegExp } from '../text/regexp.js';

const SIGNS: Readonly<Record<string, readonly string[]>> = lexicon.signs;
const COUNTERS = new Set(lexicon.counters);
const PEOPLE = new Set(lexicon.people);
const ANY_PEOPLE = new Set(lexicon.anyPeople);
const NOT_UNITS = lexicon.notUnits.map((w) => w.split(' '));
const SIGN_ONLY = new Set(lexicon.signOnly);

/** A share's unit ("phần trăm", "tỷ lệ"): only its sign shows it; "86 tỷ" is no share. */
export const signOnly = (unit: string): boolean => SIGN_ONLY.has(unit);

/** A classifier ("căn", "chiếc", "cuộc"): any count answers "bao nhiêu căn nhà". */
export const isCounter = (word: string): boolean => COUNTERS.has(word);

/** The words at `at` say per what or how ("một ngày", "thì", "so với"), not what is counted. */
export function isNotUnit(words: readonly string[], at: number): boolean {
  return NOT_UNITS.some((phrase) => phrase.every((p, k) => words[at + k] === p));
}

/**
 * The longest unit of two or three words the lexicon knows at `at` ("ki lô mét", "mét vuông", "héc ta", "người dân"),
 * whether or not the corpus writes it whole.
 */
export function lexiconUnit(words: readonly string[], at: number): string | undefined {
  for (const length of [3, 2]) {
    const phrase = words.slice(at, at + length);
    const unit = phrase.join(' ');
    if (phrase.length === length && (unit in SIGNS || PEOPLE.has(unit))) return unit;
  }
  return undefined;
}

const signPatterns = new Map<string, RegExp>();

/** The folded quote writes a number followed by the unit's sign ("320 m", "1.350 m2", "2°c"). */
export function statesBySign(unit: string, foldedQuote: string): boolean {
  const signs = SIGNS[unit];
  if (!signs) return false;
  let pattern = signPatterns.get(unit);
  if (!pattern) signPatterns.set(unit, (pattern = new RegExp(`(^|[^a-z0-9])\\d+([.,]\\d+)*\\s*(${signs.map(escapeRegExp).join('|')})(?![a-z0-9²³])`)));
  return pattern.test(foldedQuote);
}

/**
 * The nouns whose count answers a count of `unit`, the unit itself first: a count of persons ("ủy viên") is
 * answered by a count of "đồng chí" or "người"; "mấy người" by a count of any persons.
 */
export function countedAs(unit: string): string[] {
  if (ANY_PEOPLE.has(unit)) return [unit, ...[...PEOPLE].filter((p) => p !== unit)];
  if (PEOPLE.has(unit)) return [unit, ...[...ANY_PEOPLE].filter((p) => p !== unit)];
  return [unit];
}

/** Words of a column heading or a sentence that name the unit: the word itself or its sign in brackets ("(ha)", "(người)"). */
export function namesUnit(unit: string, foldedText: string): boolean {
  const forms = [...countedAs(unit), ...(SIGNS[unit] ?? [])];
  const text = ` ${foldedText.replace(/[()[\],;:|]/g, ' ').replace(/\s+/g, ' ')} `;
  return forms.some((f) => text.includes(` ${f} `));
}
