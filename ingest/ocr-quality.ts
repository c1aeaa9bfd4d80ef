/**
 * OCR quality: how much of a text is well-formed Vietnamese. A syllable is
 * onset + rhyme + at most one tone, a small regular grammar; OCR damage shows
 * as malformed syllables ("luéin", "s6") and as lost diacritics.
 */
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const NUCLEUS =
  '(?:iêu|yêu|uyê|ươi|ươu|oai|oay|oeo|uây|uôi|uya|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const CODA = '(?:ch|nh|ng|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`, 'u');
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** True for a well-formed Vietnamese syllable (any case, any tone). */
const syllableMemo = new Map<string, boolean>();

export function isVietnameseSyllable(word: string): boolean {
  // A corpus repeats a few thousand distinct words: memoise (bounded).
  let valid = syllableMemo.get(word);
  if (valid === undefined) {
    if (syllableMemo.size > 100_000) syllableMemo.clear();
    valid = checkSyllable(word);
    syllableMemo.set(word, valid);
  }
  return valid;
}

function checkSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  if ((decomposed.match(TONES) ?? []).length > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONES, '').normalize('NFC'));
}

export interface OcrQuality {
  /** 0..1 */
  score: number;
  validShare: number;
  accentedShare: number;
}

/**
 * Scores a text: share of valid syllables, discounted when diacritics are
 * missing (clean Vietnamese has them on roughly half of its syllables).
 */
export function ocrQuality(text: string): OcrQuality {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const candidates = words.filter((w) => !(w.length > 1 && w === w.toUpperCase() && /^[A-Z]+$/.test(w)));
  if (!candidates.length) return { score: 1, validShare: 1, accentedShare: 1 };
  const valid = candidates.filter(isVietnameseSyllable).length;
  const accented = candidates.filter((w) => /[^\x00-\x7f]/.test(w)).length;
  const validShare = valid / candidates.length;
  const accentedShare = accented / candidates.length;
  const score = validShare * Math.min(1, accentedShare / 0.4);
  return { score: Math.round(score * 1000) / 1000, validShare, accentedShare };
}

/** Below this score a document is marked `ocr: true` and its quotes carry a warning. */
export const OCR_THRESHOLD = 0.75;
