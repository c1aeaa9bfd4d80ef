/**
 * Readable titles for OCR-damaged documents: "Déi méi vé cong tdc to chirc hji nghi"
 * → "Déi méi về công tdc tổ chirc hội nghị", "MUC PICH, YEU CAU" → "MỤC ĐÍCH, YÊU CẦU".
 * Display only: section and document titles shown to people. Quotes and the text
 * retrieval reads are never touched.
 *
 * Conservative by design: a word is replaced only when the restorer's reading
 * is backed by clean text (same letters or an OCR look-alike, with a neighbour
 * or a dominant spelling; one edit only with a neighbour and no rival reading).
 * Anything else stays as scanned, so nothing is invented.
 */
import { fold } from './fold.js';
import type { Restorer, RestoredWord } from './restorer.js';

const LETTERS = /\p{L}/gu;
const SYMBOLS = /[&¢@#*\\|{}<>~^¥§‘’€°£©®™]/;

/** Every letter a capital ("NHIEM VU, GIAI PHAP TRONG TAM"): a heading set in capitals, not acronyms. */
function shouting(title: string): boolean {
  const letters = title.match(LETTERS) ?? [];
  return letters.length >= 4 && letters.every((ch) => ch === ch.toUpperCase()) && /\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(title);
}

/**
 * Words too common to tell which spelling a neighbour takes: "chính trị và" says
 * nothing about "duy trì và". Folded.
 */
const FUNCTION_WORDS = new Set('va cua cac cho voi la duoc nhung theo tai mot nay khi thi hoac cung nhu'.split(' '));

/** Unlinked words need a spelling this dominant ("cong" is "công"; "tri" is not always "trị"). */
const DOMINANT = 0.95;

/** An accented word exactly as clean text writes it. */
function correctAsWritten(raw: string, restorer: Restorer): boolean {
  return /[^\x00-\x7f]/.test(raw) && restorer.attested(raw);
}

/** The spelling clean text gives this word, or undefined when it is not certain enough to show. */
function reading(word: RestoredWord, restorer: Restorer, text: string, backedBy: (side: -1 | 1) => boolean): string | undefined {
  if (!word.key || !word.sure || word.raw.length < 2) return undefined;
  // Already a correct, accented word of clean text ("Phần mở đầu"): keep it as written.
  if (correctAsWritten(word.raw, restorer)) return undefined;
  // A symbol inside the word ("P&i") or an apostrophe for a lost mark ("So'", "pho\"i"): letters are missing.
  if (word.end - word.start !== word.raw.length || /['"`´]/.test(text[word.start - 1] ?? '') || /['"`´]/.test(text[word.end] ?? '')) return undefined;
  const informative = (side?: { key: string; form?: string }) => (side?.form && !FUNCTION_WORDS.has(side.key) ? side.form.toLowerCase() : undefined);
  const votes = [...new Set([informative(word.before), informative(word.after)].filter((f): f is string => Boolean(f)))];
  if (word.cost <= 0.5) {
    // Same letters (only diacritics lost) or an OCR look-alike ("s6" → "số"): a telling neighbour, or one dominant spelling.
    if (votes.length === 1) return votes[0];
    if (votes.length > 1) return undefined;
    return word.share >= DOMINANT ? word.surface.toLowerCase() : undefined;
  }
  // One edit ("ciu" → "cầu"): never away from a real word ("ty" stays, not "tổ"), only beside a
  // neighbour itself restored with confidence that pairs with it in clean text, and only when no
  // other reading pairs as well.
  // A word cut off by "…" has lost the context that would tell "tình hình thyc…" (thực) from "hình thức".
  if (restorer.knows(word.raw) || word.rivals > 0 || votes.length !== 1 || /^\s*(…|\.\.\.)/.test(text.slice(word.end))) return undefined;
  const backed = (informative(word.before) && backedBy(-1)) || (informative(word.after) && backedBy(1));
  return backed ? votes[0] : undefined;
}

/**
 * The restored word in the case the scan shows ("Dân vận", "Văn phòng"), except
 * a capital OCR put on a letter that was not there ("c6 Ong" → "cổ động").
 */
function withCase(lower: string, raw: string, first: boolean, shouted: boolean): string {
  if (shouted) return lower.toUpperCase();
  const capital = /^\p{Lu}/u.test(raw) && (first || fold(lower)[0] === fold(raw)[0]);
  return capital ? lower[0]!.toUpperCase() + lower.slice(1) : lower;
}

/**
 * The title to display for a section or document of an OCR-damaged document.
 * Returns `title` itself when nothing can be restored with confidence.
 */
export function restoreDisplayTitle(title: string, restorer: Restorer): string {
  const text = title.normalize('NFC');
  const capitals = shouting(text);
  // The restorer leaves capitals alone (they look like acronyms): read a capitalised heading in lowercase.
  const words = restorer.words(capitals ? text.toLowerCase() : text);
  // Words read with their own letters first; words one edit away then lean on them.
  const exact = words.map((word) => (word.cost <= 0.5 ? reading(word, restorer, text, () => false) : undefined));
  const readings = words.map((word, i) =>
    word.cost <= 0.5 ? exact[i] : reading(word, restorer, text, (side) => exact[i + side] !== undefined || correctAsWritten(words[i + side]?.raw ?? '', restorer)),
  );
  let out = '';
  let last = 0;
  words.forEach((word, i) => {
    const lower = readings[i];
    if (!lower || lower === word.raw.toLowerCase()) return;
    // Stray OCR symbols stuck to a restored word go with it ("sở&" → "sở").
    let end = word.end;
    while (end < text.length && SYMBOLS.test(text[end]!)) end++;
    out += text.slice(last, word.start) + withCase(lower, word.raw, i === 0, capitals);
    last = end;
  });
  return (out + text.slice(last)).trim() || title;
}
