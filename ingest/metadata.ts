/**
 * Metadata: document type, number, issuer, date, place, trích yếu, signer and
 * referenced documents, read off the header, the signature block and digital
 * signature trailers. Header words damaged by OCR or written in capitals are
 * restored from the corpus vocabulary; the body text is never altered.
 */
import { fold } from '../src/text/fold.js';
import { findDocRefs } from '../src/text/doc-refs.js';
import type { Vocabulary } from '../src/text/vocabulary.js';
import type { DocumentMeta, DocumentReference } from '../src/types.js';
import type { DigitalSignature } from './clean.js';

/** The part of DocumentMeta read off the text itself. */
export type ExtractedMetadata = Pick<DocumentMeta, 'docType' | 'docNumber' | 'issuer' | 'date' | 'place' | 'summary' | 'signer' | 'references'>;

const DOC_TYPES: Record<string, string> = {
  'ke hoach': 'Kế hoạch',
  'huong dan': 'Hướng dẫn',
  'ket luan': 'Kết luận',
  'chi thi': 'Chỉ thị',
  'nghi quyet': 'Nghị quyết',
  'quy dinh': 'Quy định',
  'thong bao': 'Thông báo',
  'quyet dinh': 'Quyết định',
  'bao cao': 'Báo cáo',
  'chuong trinh': 'Chương trình',
  'cong van': 'Công văn',
};
const DOC_TYPE_LINE = new RegExp(`^(${Object.keys(DOC_TYPES).join('|')})\\s*$`);
const NATIONAL_MOTTO = /\s*[ĐDP][AẢ]NG\s+C[OỘ]NG\s+S[AẢ]N\s+V\S{1,3}T\s+NAM.*$/iu;
const DOC_NUMBER = /(\d{1,4})\s*-\s*(\p{Lu}{1,4})\s*\/\s*(\p{Lu}{2,10})/u;
const DATE_WORDS = /ng[aà]y\s+(\d{1,2})\s+th\S*\s+(\d{1,2})\s+n\S*\s+(\d{4})/iu;
const BODY_START = /^(thuc hien|thyc hien|can cu|cin cu)/;
const PERSON = /^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}*$/u;
const ORG_WORD = /^(ban|tinh|huyen|dang|uy|so|van phong|mat tran|hoi dong)\b/;
const REFERENCE =
  /((?:Kết luận|Kế hoạch|Nghị quyết|Quy định|Chỉ thị|Hướng dẫn|Quyết định|Thông báo|Công văn)\s+(?:số\s+)?)?(\d{1,4}\s*-\s*\p{Lu}{1,4}\s*\/\s*\p{Lu}{2,10})(?:,?\s*(?:ng[aà]y\s+)?(\d{1,2}\/\d{1,2}\/\d{4}))?/gu;

function isoDate(day: string | number, month: string | number, year: string | number): string | undefined {
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (!(d >= 1 && d <= 31 && m >= 1 && m <= 12 && y > 1900)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function canonicalNumber(raw: string): string {
  const m = raw.match(DOC_NUMBER)!;
  return `${Number(m[1])}-${m[2]}/${m[3]}`;
}

/** Header organisation lines: the issuing body above the national motto. */
function organisationLines(header: string[]): string[] {
  return header
    .map((line) => line.replace(NATIONAL_MOTTO, '').trim())
    .filter((line) => line.length > 3 && line === line.toUpperCase() && /\p{Lu}{3}/u.test(line) && !DOC_NUMBER.test(line) && !/\d/.test(line))
    .filter((line) => !DOC_TYPE_LINE.test(fold(line)));
}

function extractIssuer(lines: string[], header: string[], place: string | undefined, signatures: DigitalSignature[], vocabulary: Vocabulary): string | undefined {
  const orgs = organisationLines(header);
  const restore = (text: string) => vocabulary.restore(text.replace(/\s+/g, ' ').trim());
  let parent = orgs[0];
  let sub = orgs.slice(1).find((line) => /^(ban|van phong|dang uy|uy ban)\b/.test(fold(line)));
  if (parent && /^(ban|van phong)\b/.test(fold(parent)) && !sub) [sub, parent] = [parent, undefined];
  // "T/M BAN THƯỜNG VỤ" names the body that signed on behalf of the committee.
  const onBehalf = lines.map((l) => l.match(/\bT\/M\.?\s+(BAN [\p{Lu} ]{3,40}?)\s*$/u)?.[1]).find(Boolean);
  if (onBehalf && !sub) sub = onBehalf;
  if (parent) {
    const folded = fold(parent);
    // "TỈNH ỦY SƠN LA" damaged beyond reading: rebuild it from the place name.
    if (/^tinh\b/.test(folded) && !/^tinh uy\b/.test(folded) && place) parent = `Tỉnh ủy ${place}`;
    else parent = restore(parent);
  }
  if (parent || sub) return [sub ? restore(sub) : undefined, parent].filter(Boolean).join(' ');
  const signedBy = signatures.map((s) => s.signer).find((name) => ORG_WORD.test(fold(name)));
  if (signedBy) return signedBy;
  // "…, Ban Thường vụ Đảng ủy xây dựng Kế hoạch …" in the opening paragraph.
  const opening = lines.find((line) => BODY_START.test(fold(line)));
  const m = opening?.match(/(Ban [^,;:]{3,60}?)\s+(?:xây dựng|ban hành|hướng dẫn)\b/u);
  return m?.[1];
}

function extractReferences(text: string, own: string | undefined): DocumentReference[] {
  const refs = new Map<string, DocumentReference>();
  for (const m of text.matchAll(REFERENCE)) {
    const number = findDocRefs(m[2]!)[0]?.full;
    if (!number || number === (own && findDocRefs(own)[0]?.full) || refs.has(number)) continue;
    const [d, mo, y] = (m[3] ?? '').split('/');
    refs.set(number, { number, text: m[0].trim(), date: m[3] ? isoDate(d!, mo!, y!) : undefined });
  }
  return [...refs.values()];
}

/** Reads metadata from a cleaned document. `preamble` is the text before the first heading. */
export function extractMetadata(input: {
  text: string;
  preamble: string;
  closing: string;
  signatures: DigitalSignature[];
  vocabulary: Vocabulary;
}): ExtractedMetadata {
  const lines = input.text.split('\n').map((l) => l.trim());
  const preamble = input.preamble.split('\n').map((l) => l.trim()).filter(Boolean);
  const typeIndex = preamble.findIndex((line) => DOC_TYPE_LINE.test(fold(line)) && line === line.toUpperCase());
  const header = typeIndex >= 0 ? preamble.slice(0, typeIndex) : preamble.slice(0, 6);
  const docType = typeIndex >= 0 ? DOC_TYPES[fold(preamble[typeIndex]!).trim()] : undefined;

  const numberLine = header.find((line) => DOC_NUMBER.test(line));
  const docNumber = numberLine ? canonicalNumber(numberLine) : undefined;

  const dateLine = header.find((line) => DATE_WORDS.test(fold(line)));
  let date: string | undefined;
  let place: string | undefined;
  if (dateLine) {
    const m = fold(dateLine).match(DATE_WORDS)!;
    date = isoDate(m[1]!, m[2]!, m[3]!);
    const before = dateLine.slice(0, dateLine.search(/,\s*ng/i)).replace(/^.*\d\s*-\s*\p{Lu}+\s*\/\s*\p{Lu}+\s*/u, '').trim();
    if (before && before.length < 40) place = input.vocabulary.restore(before);
  }
  if (!date && input.signatures.length) {
    const [y, mo, d] = input.signatures[0]!.signedAt.slice(0, 10).split('-');
    date = isoDate(d!, mo!, y!);
  }

  let summary: string | undefined;
  if (typeIndex >= 0) {
    const parts: string[] = [];
    // The trích yếu: up to three lines under the type, before the separator or the opening words.
    for (const line of preamble.slice(typeIndex + 1, typeIndex + 4)) {
      if (BODY_START.test(fold(line)) || /^[-_*=]{3,}$/.test(line)) break;
      parts.push(line);
    }
    summary = parts.join(' ').trim() || undefined;
    if (summary) summary = summary[0]!.toUpperCase() + summary.slice(1);
  }

  const personSigner = input.signatures.map((s) => s.signer).find((name) => !ORG_WORD.test(fold(name)) && PERSON.test(name));
  const closingLines = input.closing.split('\n').map((l) => l.trim()).filter(Boolean);
  // A scan of a two-column closing merges the recipients with the signature: the name ends a recipients line.
  const trailingName = (line: string) => {
    const last = line.split(',').pop()!.trim();
    return last.includes(' ') && PERSON.test(last) && !ORG_WORD.test(fold(last)) && last !== last.toUpperCase() ? last : undefined;
  };
  const signer =
    personSigner ??
    [...closingLines].reverse().find((line) => PERSON.test(line) && line !== line.toUpperCase()) ??
    [...closingLines].reverse().map(trailingName).find(Boolean);

  return {
    docType,
    docNumber,
    issuer: extractIssuer(lines, header, place, input.signatures, input.vocabulary),
    date,
    place,
    summary,
    signer,
    references: extractReferences(input.text, docNumber),
  };
}

/** A scanned "received" stamp (CÔNG VĂN ĐẾN / Số / Ngày / Chuyển) in capitals: not "đến năm 2030". */
const RECEIVED_STAMP = /(?:^|\s)(?:s\S{0,2}\s*:?\s*)?[ĐDP][EẾ]N\s+\d|(?:^|\s)NG[AÀ]Y\s*:?\s*[\d.…]|(?:^|\s)CHUY[EỂ]N\b/u;

/**
 * The trích yếu of a scan without the "received" stamp OCR read into it
 * ("… chinh tri so DEN 3 NGAY 1..1.x… CHUYEN. …"): for display only.
 */
export function withoutReceivedStamp(summary: string): string {
  const at = summary.search(RECEIVED_STAMP);
  return at > 0 ? summary.slice(0, at).trim() : summary;
}
