/**
 * Metadata: document type, number, issuer, date, place, trích yếu, signer and
 * referenced documents, read off the header, the signature block and digital
 * signature trailers. Header words damaged by OCR or written in capitals are
 * restored from the corpus vocabulary; the body text is never altered.
 */
import { fold } from '../src/text/fold.js';
import { findDocRefs } from '../src/text/doc-refs.js';
import { DOCUMENT_TYPES, typeOfTitleLine, type DocumentType } from '../src/text/document-types.js';
import type { Vocabulary } from '../src/text/vocabulary.js';
import type { DocumentMeta, DocumentReference } from '../src/types.js';
import type { DigitalSignature } from './clean.js';
import { signatureOf } from '../src/answer/signature.js';

/** The part of DocumentMeta read off the text itself. */
export type ExtractedMetadata = Pick<DocumentMeta, 'docType' | 'docNumber' | 'issuer' | 'date' | 'place' | 'summary' | 'signer' | 'references'>;

/** "ĐẢNG CỘNG SẢN VIỆT NAM" (Party) and the state's quốc hiệu – tiêu ngữ: the right column, never the issuer. */
const NATIONAL_MOTTO = /\s*[ĐDP][AẢ]NG\s+C[OỘ]NG\s+S[AẢ]N\s+V\S{1,3}T\s+NAM.*$/iu;
const STATE_MOTTO = /\s*C[OỘ]NG\s+H[OÒ]A\s+X[AÃ]\s+H[OỘ]I\s+CH\S{1,3}\s+NGH\S{1,3}A\s+VI\S{1,3}T\s+NAM.*$|\s*Đ[oộ]c\s+l[aậ]p\s*[-–]\s*T[uự]\s+do\s*[-–]\s*H[aạ]nh\s+ph[uú]c.*$/iu;
/** Party numbers: "22-KH/TU", "08-QĐi/TU". */
const DOC_NUMBER = /(\d{1,4})\s*-\s*(\p{Lu}{1,4}i?)\s*\/\s*(\p{Lu}{2,10})/u;
/** State numbers on a "Số:" line: "45/KH-UBND", "1125/UBND-VX", "30/2020/NĐ-CP", "58/2010/QH12". */
const STATE_NUMBER = /(?:^|\s)(?:S[ốo6]|Luật số|LUẬT SỐ)\s*:?\s*(\d{1,4}\s*\/\s*(?:\d{4}\s*\/\s*)?\p{Lu}[\p{Lu}\d]{0,9}(?:\s*-\s*\p{Lu}[\p{Lu}\d]{0,9})?)/u;
const DATE_WORDS = /ng[aà]y\s+(\d{1,2})\s+th\S*\s+(\d{1,2})\s+n\S*\s+(\d{4})/iu;
const BODY_START = /^(thuc hien|thyc hien|can cu|cin cu)/;
const PERSON = /^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}*$/u;
const ORG_WORD = /^(ban|tinh|huyen|dang|uy|so|van phong|mat tran|hoi dong)\b/;
const TYPE_NAMES = DOCUMENT_TYPES.map((t) => t.name)
  .sort((a, b) => b.length - a.length)
  .join('|');
const REFERENCE = new RegExp(
  `((?:${TYPE_NAMES})\\s+(?:số\\s+)?)?(\\d{1,4}\\s*-\\s*\\p{Lu}{1,4}\\s*\\/\\s*\\p{Lu}{2,10}|\\d{1,4}\\/(?:\\d{4}\\/)?\\p{Lu}[\\p{Lu}\\d]{0,9}(?:-\\p{Lu}[\\p{Lu}\\d]{0,9})?)(?:,?\\s*(?:ng[aà]y\\s+)?(\\d{1,2}\\/\\d{1,2}\\/\\d{4}))?`,
  'gu',
);
/** Unit words of a place ("huyện Cát Long"): after one, words are a proper name. */
const ADMIN_UNIT = /^(?:tinh|huyen|xa|thi tran|thi xa|thanh pho|quan|phuong)$/;

function isoDate(day: string | number, month: string | number, year: string | number): string | undefined {
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (!(d >= 1 && d <= 31 && m >= 1 && m <= 12 && y > 1900)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function canonicalNumber(raw: string): string {
  const m = raw.match(DOC_NUMBER)!;
  return `${Number(m[1])}-${m[2]}/${m[3]}`;
}

/** The document's number from the header: Party ("Số 22-KH/TU" → "22-KH/TU") or state ("Số: 45/KH-UBND"), as issued. */
function headerNumber(header: string[]): string | undefined {
  const party = header.find((line) => DOC_NUMBER.test(line));
  if (party) return canonicalNumber(party);
  for (const line of header) {
    const m = line.match(STATE_NUMBER);
    if (m) return m[1]!.replace(/\s+/g, '');
  }
  return undefined;
}

function isTypeLine(line: string): boolean {
  return line === line.toUpperCase() && typeOfTitleLine(fold(line)) !== undefined;
}

/** "Mẫu Sơn, ngày 05 tháng 3 năm 2027" ending a header line: the right column of a body's line, collapsed by cleaning. */
const PLACE_AND_DATE = /\s+(?:\p{Lu}\p{Ll}*\s+){0,3}\p{Lu}\p{Ll}*\s*,\s*ng[aà]y\s+\d.*$/u;

/** Header organisation lines: the issuing body above the national motto. */
function organisationLines(header: string[]): string[] {
  return header
    // A two-column header line ("CHI BỘ THÔN NÀ MÒ      Nà Mò, ngày …"): the body is the left column.
    .map((line) => line.trim().split(/\s{3,}/)[0]!.replace(NATIONAL_MOTTO, '').replace(STATE_MOTTO, '').replace(PLACE_AND_DATE, '').trim())
    .filter((line) => line.length > 3 && line === line.toUpperCase() && /\p{Lu}{3}/u.test(line) && !DOC_NUMBER.test(line) && !/\d/.test(line))
    .filter((line) => !isTypeLine(line));
}

/** "ỦY BAN NHÂN DÂN XÃ NẬM KHĂN" → "Ủy ban nhân dân xã Nậm Khăn": sentence case, place names capitalised. */
function stateBodyName(capitals: string): string {
  const words = capitals.replace(/[^\p{L}]+$/u, '').replace(/\s+/g, ' ').trim().toLowerCase().split(' ');
  let proper = false;
  const out = words.map((word, i) => {
    const capital = i === 0 || proper;
    // "thị trấn", "thành phố": the unit word may be two words; the name starts after it.
    const pair = `${fold(word)} ${fold(words[i + 1] ?? '')}`;
    if (!proper && (ADMIN_UNIT.test(fold(word)) && !ADMIN_UNIT.test(pair))) proper = true;
    return capital ? word[0]!.toUpperCase() + word.slice(1) : word;
  });
  return out.join(' ');
}

/**
 * The issuer of a state document (Nghị định 30/2020 layout): the left column above the
 * motto. "ỦY BAN NHÂN DÂN" / "HUYỆN CÁT LONG" is one body written on two lines;
 * "ỦY BAN NHÂN DÂN TỈNH X" / "SỞ Y TẾ" is the superior body (cơ quan chủ quản) and the issuer.
 */
function stateIssuer(orgs: string[]): string | undefined {
  if (!orgs.length) return undefined;
  const startsWithUnit = (line: string) => ADMIN_UNIT.test(fold(line).split(' ')[0]!) || /^(thi tran|thi xa|thanh pho)\b/.test(fold(line));
  const bodies: string[] = [];
  for (const line of orgs) {
    if (bodies.length && startsWithUnit(line)) bodies[bodies.length - 1] = `${bodies[bodies.length - 1]} ${line}`;
    else bodies.push(line);
  }
  return stateBodyName(bodies[bodies.length - 1]!);
}

function extractIssuer(lines: string[], header: string[], place: string | undefined, signatures: DigitalSignature[], vocabulary: Vocabulary, headerOrgs: string[]): string | undefined {
  let orgs = headerOrgs;
  if (header.some((line) => STATE_MOTTO.test(line))) return stateIssuer(orgs);
  // "ĐẢNG BỘ TỈNH HẢI ĐÔNG" / "HUYỆN ỦY CÁT LONG": the first line is the superior committee, the second issues.
  if (orgs.length >= 2 && /^dang bo\b/.test(fold(orgs[0]!))) orgs = orgs.slice(1);
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

/** "TM.", "T/M", "KT.", "K/T", "TL.", "T/L", "TUQ.", "Q.": a signature block signs on someone's behalf. */
const SIGNATURE_MARK = /(?:^|[\s,])(?:T\/M|TM\.|KT\.|K\/T|TL\.|T\/L|TUQ\.|Q\.)\s*\p{Lu}{2}/u;

/**
 * The person who signed: the first name after the last signature block ("TM. ỦY BAN NHÂN DÂN /
 * CHỦ TỊCH / (Đã ký) / Lò Văn Thắm"), wherever the block sits (before or beside "Nơi nhận").
 * A two-column closing merged by the scan puts the name after a recipient: "…; Ngô Văn Bảy".
 */
function blockSigner(lines: string[]): string | undefined {
  let mark = -1;
  for (let i = lines.length - 1; i >= 0 && mark < 0; i--) if (SIGNATURE_MARK.test(lines[i]!)) mark = i;
  if (mark < 0) return undefined;
  const after = lines.slice(mark + 1).filter(Boolean).slice(0, 8);
  for (const line of after) {
    if (isPerson(line)) return line;
    const trailing = line.split(/[,;]/).pop()!.trim();
    if (trailing !== line && isPerson(trailing)) return trailing;
  }
  return undefined;
}

/** "VIÊN CHỨC" → "Viên chức". */
function sentenceCase(capitals: string): string {
  const lower = capitals.trim().toLowerCase();
  return lower ? lower[0]!.toUpperCase() + lower.slice(1) : '';
}

/** "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …" under a decision's trích yếu: the authority that decides, not the subject. */
function isCapitalsAuthority(line: string): boolean {
  return line.length > 12 && line === line.toUpperCase() && /\p{Lu}{2,}\s+\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(line);
}

/**
 * The place of the date line as the header writes it in capitals ("XÃ NẬM KHĂN" → "Nậm Khăn"),
 * when the two agree letter for letter: capitals carry the accents a damaged date line lost.
 */
function placeFromHeader(written: string, orgs: string[]): string | undefined {
  const key = fold(written).replace(/[^a-z]/g, '');
  for (const line of orgs) {
    const words = line.split(/\s+/);
    for (let k = 1; k <= Math.min(4, words.length); k++) {
      const tail = words.slice(-k).join(' ');
      if (!/[^\x00-\x7f]/.test(tail) || fold(tail).replace(/[^a-z]/g, '') !== key) continue;
      return tail
        .toLowerCase()
        .split(' ')
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join(' ');
    }
  }
  return undefined;
}

function isPerson(text: string): boolean {
  return text.includes(' ') && PERSON.test(text) && !ORG_WORD.test(fold(text)) && text !== text.toUpperCase();
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
  const typeIndex = preamble.findIndex(isTypeLine);
  // A state công văn has no type line: its trích yếu follows "V/v" under the number.
  const subjectIndex = typeIndex < 0 ? preamble.slice(0, 8).findIndex((line) => /^V\/v\b/iu.test(line)) : -1;
  const headerEnd = typeIndex >= 0 ? typeIndex : subjectIndex >= 0 ? subjectIndex : 6;
  const header = preamble.slice(0, headerEnd);
  const typed = typeIndex >= 0 ? typeOfTitleLine(fold(preamble[typeIndex]!)) : undefined;
  const docType = typed?.type.name ?? (subjectIndex >= 0 ? 'Công văn' : undefined);

  const docNumber = headerNumber(header);
  const orgs = organisationLines(header);

  const dateLine = header.find((line) => DATE_WORDS.test(fold(line)));
  let date: string | undefined;
  let place: string | undefined;
  if (dateLine) {
    const m = fold(dateLine).match(DATE_WORDS)!;
    date = isoDate(m[1]!, m[2]!, m[3]!);
    // The date's own column: a two-column line puts the body or the number on its left.
    const dateColumn = dateLine.trim().split(/\s{3,}/).find((column) => DATE_WORDS.test(fold(column))) ?? dateLine;
    let before = dateColumn
      .slice(0, dateColumn.search(/,\s*ng/i))
      .replace(/^.*\d\s*-\s*\p{Lu}+i?\s*\/\s*\p{Lu}+\s*/u, '')
      .replace(/^.*?\d+\s*\/\s*[\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d]+)*\s+/u, '')
      .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
      .trim();
    // "CHI BỘ THÔN NÀ MÒ Mẫu Sơn": the body's capitals, collapsed onto the line, precede the place.
    const written = /\p{Lu}{2,}\s+((?:\p{Lu}\p{Ll}+\s*){1,4})$/u.exec(before)?.[1]?.trim() ?? before;
    if (written !== before) before = written;
    if (before && before.length < 40) place = placeFromHeader(before, orgs) ?? input.vocabulary.restore(before);
  }
  if (!date && input.signatures.length) {
    const [y, mo, d] = input.signatures[0]!.signedAt.slice(0, 10).split('-');
    date = isoDate(d!, mo!, y!);
  }

  let summary: string | undefined;
  if (typed?.type.named) {
    // "LUẬT VIÊN CHỨC": the law's name is its title ("Luật Viên chức").
    summary = sentenceCase(preamble[typeIndex]!.split(/\s+/).slice(typed.type.name.split(' ').length).join(' ')) || undefined;
  } else if (typeIndex >= 0 || subjectIndex >= 0) {
    const start = typeIndex >= 0 ? typeIndex : subjectIndex;
    // "QUY CHẾ LÀM VIỆC": the words after the type open the trích yếu.
    const words = typeIndex >= 0 ? preamble[typeIndex]!.split(/\s+/).slice(typed!.type.name.split(' ').length).join(' ').toLowerCase() : preamble[subjectIndex]!.replace(/^V\/v\s*/iu, '');
    const parts: string[] = words ? [words] : [];
    // The trích yếu: up to three lines under the type, before the separator or the opening words.
    for (const line of preamble.slice(start + 1, start + 4)) {
      if (BODY_START.test(fold(line)) || /^[-_*=]{3,}$/.test(line) || /^kinh gui\b/.test(fold(line)) || isCapitalsAuthority(line)) break;
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
  // The signature block read as the answerer reads it (titles, then the name; Markdown, merged scans), then
  // the older readings of the lines after the last block mark and of the closing.
  const signer =
    personSigner ??
    signatureOf(input.text)?.name.text ??
    blockSigner(lines) ??
    [...closingLines].reverse().find((line) => PERSON.test(line) && line !== line.toUpperCase()) ??
    [...closingLines].reverse().map(trailingName).find(Boolean);

  return {
    docType,
    docNumber,
    issuer: extractIssuer(lines, header, place, input.signatures, input.vocabulary, orgs),
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
