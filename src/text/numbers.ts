/**
 * Numbers as directives write them: digits, Vietnamese words ("hai", "thứ tư")
 * and Roman numerals ("khóa XIV", "quý I"). One table for reading a written-out
 * ordinal as its value and for listing the spellings a number may take.
 */

/** Folded Vietnamese number words (cardinal and ordinal forms) → value. */
const WORD_VALUES: Record<string, number> = {
  mot: 1, nhat: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10,
};

const ROMAN: Array<[string, number]> = [['x', 10], ['ix', 9], ['v', 5], ['iv', 4], ['i', 1]];

/** 1..39 as a lowercase Roman numeral ("xiv"), as congress terms and quarters are written. */
export function toRoman(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 39) return undefined;
  let out = '';
  for (const [letters, value] of ROMAN) while (n >= value) [out, n] = [out + letters, n - value];
  return out;
}

const ROMAN_VALUES = new Map(Array.from({ length: 39 }, (_, i) => [toRoman(i + 1)!, i + 1]));

/** The value of a folded number word or lowercase Roman numeral ("hai" → 2, "xiv" → 14), if it is one. */
export function numberValue(word: string): number | undefined {
  return WORD_VALUES[word] ?? ROMAN_VALUES.get(word);
}

/** Every folded spelling of a number written in digits: "2" → ["2", "02", "hai", "ii"], "14" → ["14", "xiv"]; "03" is 3. */
export function numberSpellings(digits: string): string[] {
  const n = Number(digits);
  const words = Object.entries(WORD_VALUES).filter(([, value]) => value === n).map(([word]) => word);
  const roman = toRoman(n);
  // Directives pad counts ("03 hội nghị", "phương châm “03 dám”").
  const forms = new Set([digits, String(n), ...(n < 10 ? [`0${n}`] : [])]);
  return [...forms, ...words, ...(roman ? [roman] : [])];
}
