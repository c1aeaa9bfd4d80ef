/**
 * Document references ("22-KH/TU", "Kết luận số 226", "KH 22", "85-QĐ/TW") are the
 * keys cadres search by: normalise them to identifiers, tolerant of `QĐ/QD/QĐi`,
 * "số", spacing and missing accents.
 */
import { fold } from './fold.js';
import { memoize } from './memo.js';

export interface DocRef {
  /** Canonical full form, e.g. "22-KH/TU"; absent for short mentions like "KH 22". */
  full?: string;
  /** Type code and number, e.g. "KH-22": what a short mention and a full one share. */
  short: string;
}

const TYPE_NAMES: Array<[RegExp, string]> = [
  [/^(ke hoach|kh)$/, 'KH'],
  [/^(ket luan|kl)$/, 'KL'],
  [/^(quy dinh|qd|qdi|quyet dinh)$/, 'QD'],
  [/^(nghi quyet|nq)$/, 'NQ'],
  [/^(chi thi|ct)$/, 'CT'],
  [/^(huong dan|hd)$/, 'HD'],
  [/^(thong bao|tb)$/, 'TB'],
  [/^(bao cao|bc)$/, 'BC'],
  [/^(cong van|cv)$/, 'CV'],
];

/** Maps a type name or code ("Kết luận", "QĐi", "kh") to its code, if known. */
export function typeCode(name: string): string | undefined {
  const folded = fold(name).replace(/\s+/g, ' ').trim();
  return TYPE_NAMES.find(([pattern]) => pattern.test(folded))?.[1];
}

const FULL_REF = /(\d{1,4})\s*-\s*([a-z]{1,4})\s*\/\s*([a-z]{1,10})/g;
const SHORT_REF = /\b(ke hoach|kh|ket luan|kl|quy dinh|qdi|qd|quyet dinh|nghi quyet|nq|chi thi|ct|huong dan|hd|thong bao|tb)\.?\s+(?:so\s+)?(\d{1,4})\b(?!\s*-\s*[a-z])/g;

/** Formats a full reference canonically: "22-KH/TU". */
function canonicalFull(num: string, type: string, issuer: string): string {
  return `${Number(num)}-${(typeCode(type) ?? type).toUpperCase()}/${issuer.toUpperCase()}`;
}

/**
 * Finds document references in any text (accents optional).
 *
 * @example findDocRefs('Kết luận số 226-KL/TW và KH 22') // [{full:'226-KL/TW',short:'KL-226'},{short:'KH-22'}]
 */
export function findDocRefs(text: string): DocRef[] {
  // Questions that name a document compare against every document's number,
  // title and references: the same few thousand strings, folded on every ask.
  // Copies, so a caller cannot alter what the cache hands to the next one.
  return cachedRefs(text).map((ref) => ({ ...ref }));
}

const cachedRefs = memoize((text: string) => scanDocRefs(text), 50_000);

function scanDocRefs(text: string): DocRef[] {
  const folded = fold(text);
  const refs: DocRef[] = [];
  const seen = new Set<string>();
  const add = (ref: DocRef) => {
    const key = ref.full ?? ref.short;
    if (!seen.has(key)) {
      seen.add(key);
      refs.push(ref);
    }
  };
  for (const m of folded.matchAll(FULL_REF)) {
    const code = typeCode(m[2]!) ?? m[2]!.toUpperCase();
    add({ full: canonicalFull(m[1]!, code, m[3]!), short: `${code}-${Number(m[1])}` });
  }
  for (const m of folded.matchAll(SHORT_REF)) {
    const code = typeCode(m[1]!);
    if (code) add({ short: `${code}-${Number(m[2])}` });
  }
  return refs;
}

/** Search terms for references: both the full and the short key. */
export function docRefTerms(text: string): string[] {
  return findDocRefs(text).flatMap((ref) => (ref.full ? [`#${ref.full.toLowerCase()}`, `#${ref.short.toLowerCase()}`] : [`#${ref.short.toLowerCase()}`]));
}
