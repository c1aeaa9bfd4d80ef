/**
 * Document references ("22-KH/TU", "Kết luận số 226", "KH 22", "85-QĐ/TW", and the state
 * forms "45/KH-UBND", "Nghị định 30/2020/NĐ-CP") are the keys cadres search by: normalise
 * them to identifiers, tolerant of `QĐ/QD/QĐi`, "số", spacing and missing accents. Article
 * references ("Điều 29", "khoản 2 Điều 5", "Điều 29, khoản 1, điểm b") point inside a document.
 */
import { DOCUMENT_TYPES } from './document-types.js';
import { fold } from './fold.js';
import { memoize } from './memo.js';

export interface DocRef {
  /** Canonical full form, e.g. "22-KH/TU"; absent for short mentions like "KH 22". */
  full?: string;
  /** Type code and number, e.g. "KH-22": what a short mention and a full one share. */
  short: string;
}

/** Maps a type name or code ("Kết luận", "QĐi", "kh") to its code, if known. */
export function typeCode(name: string): string | undefined {
  const folded = fold(name).replace(/\s+/g, ' ').trim();
  return DOCUMENT_TYPES.find((t) => t.folded === folded || t.code.toLowerCase() === folded || t.aliases.some((a) => fold(a) === folded))?.code;
}

const FULL_REF = /(\d{1,4})\s*-\s*([a-z]{1,4})\s*\/\s*([a-z]{1,10})/g;
/** State numbers: "45/KH-UBND", "1125/UBND-VX", "30/2020/NĐ-CP", "58/2010/QH12" (folded). */
const STATE_REF = /\b(\d{1,4})\s*\/\s*(?:(\d{4})\s*\/\s*([a-z]{1,6}\d{0,2})(?:\s*-\s*([a-z]{1,8}))?|([a-z]{1,6})\s*-\s*([a-z]{1,8}\d{0,2}))\b/g;
const SHORT_REF = /\b(ke hoach|kh|ket luan|kl|quy dinh|qdi|qd|quyet dinh|nghi quyet|nq|chi thi|ct|huong dan|hd|thong bao|tb|nghi dinh|nd|thong tu|quy che|qc)\.?\s+(?:so\s+)?(\d{1,4})\b(?!\s*[-/]\s*[a-z0-9])/g;
/** Types that read as ordinary words before a number ("báo cáo 6 tháng"): a reference only with "số". */
const SHORT_REF_WITH_SO = /\b(bao cao|cong van|phuong an|de an|chuong trinh|to trinh|cong dien)\s+so\s+(\d{1,4})\b(?!\s*[-/]\s*[a-z0-9])/g;

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
  for (const m of folded.matchAll(STATE_REF)) {
    const [, num, year, yearType, yearIssuer, type, issuer] = m;
    const kind = (year ? yearType : type)!;
    const code = typeCode(kind) ?? kind.toUpperCase();
    const full = year ? `${Number(num)}/${year}/${kind.toUpperCase()}${yearIssuer ? `-${yearIssuer.toUpperCase()}` : ''}` : `${Number(num)}/${kind.toUpperCase()}-${issuer!.toUpperCase()}`;
    add({ full, short: `${code}-${Number(num)}` });
  }
  for (const pattern of [SHORT_REF, SHORT_REF_WITH_SO]) {
    for (const m of folded.matchAll(pattern)) {
      const code = typeCode(m[1]!);
      if (code) add({ short: `${code}-${Number(m[2])}` });
    }
  }
  return refs;
}

/** Search terms for references: both the full and the short key. */
export function docRefTerms(text: string): string[] {
  return findDocRefs(text).flatMap((ref) => (ref.full ? [`#${ref.full.toLowerCase()}`, `#${ref.short.toLowerCase()}`] : [`#${ref.short.toLowerCase()}`]));
}

/** A place inside a document: "Điều 29", "khoản 2 Điều 5", "Điều 29, khoản 1, điểm b". */
export interface ArticleRef {
  article: string;
  clause?: string;
  /** Folded: "đ" reads as "d". */
  point?: string;
}

const ARTICLE_REF = /\b(?:diem ([a-z])\s*,?\s*)?(?:khoan (\d{1,3})\s*,?\s*(?:cua\s+)?)?dieu (\d{1,3})\b(?:\s*,?\s*khoan (\d{1,3})\b)?(?:\s*,?\s*diem ([a-z])\b)?/g;

/**
 * Article references in any text, in the legal order ("điểm b khoản 1 Điều 29") or the
 * citation order ("Điều 29, khoản 1, điểm b"), accents optional.
 *
 * @example findArticleRefs('khoản 2 Điều 5 nói gì?') // [{ article: '5', clause: '2' }]
 */
export function findArticleRefs(text: string): ArticleRef[] {
  const refs: ArticleRef[] = [];
  for (const m of fold(text).matchAll(ARTICLE_REF)) {
    const clause = m[2] ?? m[4];
    const point = m[1] ?? m[5];
    refs.push({ article: m[3]!, ...(clause ? { clause } : {}), ...(point ? { point } : {}) });
  }
  return refs;
}
