/**
 * The rule-based question writer: each clause kind has a natural Vietnamese
 * question shape ("… không quá bao nhiêu phút?", "Cơ quan nào chủ trì …?").
 * For OCR-damaged documents the words are read first (the reading answers show);
 * when they cannot be read well enough, a small template over the (read) section
 * title is used instead, so every question reads as proper Vietnamese.
 */
import { fold } from '../text/fold.js';
import { foldedSyllables } from '../text/tokens.js';
import { subjectBefore } from './clauses.js';
import type { DocumentMeta } from '../types.js';
import type { ReadPhrase } from './read-phrase.js';
import type { Clause, QuestionWriter } from './types.js';

/** Minimum share of read words for OCR text to be shown in a question. */
const READABLE = 0.8;
const MAX_SYLLABLES = 28;

/** A clause that opens with an organisation ("Ban …", "Đảng ủy …", "Các cấp ủy …"). */
const ORGANISATION = /^(ban|dang uy|dang bo|uy ban|so|van phong|cac cap uy|cong an|mat tran|hoi dong|thanh tra|phong|trung tam|cac chi|cac dang uy|cac co quan|bao va phat thanh)\b/;
/** Verbs that start the duty after the organisation's name ("tổ chức" is left out: it is part of names). */
const ACTION = /\b(chu tri|phoi hop|tang cuong|lanh dao|chi dao|phat huy|tham muu|thuc hien|theo doi|xay dung|huong dan|dinh huong|trien khai|quan ly|ban hanh|day manh|kip thoi|chu dong|co trach nhiem|tap trung|giam sat)\b/;

const BULLET = /^(?:\(\d{1,2}\)\s*[-–]?\s*|[a-zđ¢]\)\s*|\d{1,2}(?:\.\d{1,2})*\.\s*|[-–+•*]\s*)+/iu;

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** Lowercases the first word unless it looks like a proper name ("Ban …", "Ủy ban …", "Đảng …"). */
function lowerFirst(text: string): string {
  if (/^(Ban|Ủy|Uỷ|Đảng|Sở|Mặt|Hội đồng|Văn phòng|Thanh tra|Công an|Trung|Bộ|Nhà|Nhân dân|Tỉnh|Huyện)\b/u.test(text)) return text;
  if (/^\p{Lu}{2,}/u.test(text)) return text;
  return text ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Sentence case for ALL-CAPS headings. */
function sentenceCase(text: string): string {
  return text === text.toUpperCase() ? capitalize(text.toLowerCase()) : text;
}

function tidy(text: string): string {
  return text
    .replace(BULLET, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.…-]+$/u, '')
    .replace(/\s+([,;:?])/g, '$1')
    .trim();
}

/** Cuts a phrase to at most `max` syllables, preferring a comma/semicolon boundary. */
function cut(text: string, max = MAX_SYLLABLES): string {
  const firstPart = text.split(/\s*[;(]\s*/)[0]!;
  if (foldedSyllables(firstPart).length <= max) return tidy(firstPart);
  const pieces = firstPart.split(/,\s*/);
  let out = '';
  for (const piece of pieces) {
    const next = out ? `${out}, ${piece}` : piece;
    if (foldedSyllables(next).length > max) break;
    out = next;
  }
  // A first piece too short to say anything ("Tuyên truyền,"): take words up to the limit instead.
  if (foldedSyllables(out).length < 6) out = firstPart.split(/\s+/).slice(0, max).join(' ');
  return tidy(out.replace(/\s+(và|của|các|những|với|cho|trong|theo|để|về|hoặc)$/u, ''));
}

/** "10 phút" → "bao nhiêu phút", "60%" → "bao nhiêu phần trăm" (first number only). */
function askForNumber(text: string): string | undefined {
  // The number after the rule marker is the answer ("tổ chức không quá 02 hội nghị").
  const marker = fold(text).search(/\b(khong qua|toi da|it nhat|toi thieu|chiem|dat|tinh gian|cat giam)\b/);
  const from = Math.max(0, marker);
  const m = text.slice(from).match(/(\d+(?:[.,/]\d+)*)\s*%|(\d+(?:[.,/]\d+)*)/);
  if (!m || m.index === undefined) return undefined;
  const at = from + m.index;
  const replacement = m[0].includes('%') ? 'bao nhiêu phần trăm' : 'bao nhiêu';
  return `${text.slice(0, at)}${replacement}${text.slice(at + m[0].length)}`;
}

export interface WriterContext {
  /** Reads OCR-damaged words (only used for documents marked ocr). */
  read?: (text: string, doc: DocumentMeta) => ReadPhrase;
}

export class RuleQuestionWriter implements QuestionWriter {
  constructor(private readonly context: WriterContext = {}) {}

  /** The clause text as questions see it: read when the document is OCR-damaged. */
  private view(clause: Clause, text: string): { text: string; readable: boolean } {
    if (!clause.doc.ocr || !this.context.read) return { text, readable: true };
    const read = this.context.read(text, clause.doc);
    // OCR debris between words: quotes, "-1", " .", ",word".
    const clean = read.text
      .replace(/["'`“”]/g, '')
      .replace(/(^|\s)-\d+\b/g, '$1')
      .replace(/\s+\./g, '')
      .replace(/([,;:])(?=[^\s\d])/g, '$1 ')
      .replace(/\.(?=\p{L})/gu, '')
      .replace(/\s+/g, ' ')
      .trim();
    return { text: clean, readable: read.known >= READABLE && read.unresolved === 0 };
  }

  write(clause: Clause): string | undefined {
    const raw = clause.chunk.text.slice(clause.start, clause.end);
    const labelPrefix = clause.label ? raw.indexOf(clause.label) : -1;
    let body = raw;
    if (clause.label && labelPrefix >= 0) body = raw.slice(labelPrefix + clause.label.length).replace(/^:\s*/, '');
    const seen = this.view(clause, tidy(body));
    const label = clause.label ? this.view(clause, tidy(clause.label)) : undefined;
    const title = this.view(clause, tidy(clause.chunk.sectionTitle));
    const question = seen.readable
      ? this.fromClause(clause, seen.text, { label: label?.readable ? label.text : undefined, title: title.readable ? title.text : undefined, roughTitle: title.text, labelUnreadable: Boolean(label && !label.readable) })
      : undefined;
    return question ?? this.organisationDuty(clause, body) ?? this.template(clause, title.readable ? title.text : undefined);
  }

  /** The clause turned into a question, or undefined when its shape is not recognised. */
  private fromClause(
    clause: Clause,
    text: string,
    { label, title, roughTitle, labelUnreadable }: { label?: string; title?: string; roughTitle: string; labelUnreadable: boolean },
  ): string | undefined {
    const folded = fold(text);
    const context = placeOf(clause, folded, roughTitle);
    switch (clause.kind) {
      case 'limit': {
        let subjectful = text;
        if (labelUnreadable && /^(chiem|cat giam|thuc hien|dat|t[iy] le|tinh gian)\b/.test(folded)) return undefined;
        // "Văn bản hành chính: Cắt giảm tối thiểu 15% …": the label is the subject.
        if (label && (fold(label) === fold(title ?? '') || /^(chiem|cat giam|thuc hien|dat|t[iy] le|tinh gian)\b/.test(folded))) subjectful = `${label} ${lowerFirst(text)}`;
        // "kết luận không quá 50 phút" after "Phát biểu khai mạc không quá 10 phút": the lead's head is elided.
        else if (clause.lead) {
          const lead = subjectBefore(this.view(clause, tidy(clause.chunk.text.slice(...clause.lead))).text);
          const own = subjectBefore(text);
          // …unless the part names its own subject ("cấp xã" after "Cấp tỉnh tổ chức").
          const sameHead = foldedSyllables(own ?? '')[0] === foldedSyllables(lead ?? '')[0];
          if (lead && own && !sameHead && foldedSyllables(own).length <= 2 && foldedSyllables(lead).length >= 3) {
            subjectful = `${lead.split(/\s+/).slice(0, 2).join(' ')} ${lowerFirst(text)}`;
          }
        }
        const asked = askForNumber(cut(subjectful, 40));
        if (!asked) return undefined;
        return `${capitalize(insertContext(asked, context))}?`;
      }
      case 'deadline': {
        const m = folded.match(/\b(phai hoan thanh|hoan thanh|truoc ngay|trong quy|dinh k[iy]|hang quy|hang nam)\b/);
        const before = m?.index ? tidy(text.slice(0, m.index)) : '';
        if (foldedSyllables(before).length < 2) return undefined;
        const subject = /^\p{Ll}/u.test(before) || /^(Tổ chức|Xây dựng|Thực hiện|Báo cáo|Triển khai)\b/u.test(before) ? `Việc ${lowerFirst(cut(before))}` : cut(before);
        return /dinh k[iy]|hang/.test(m![1]!) ? `${subject} được thực hiện định kỳ như thế nào?` : `${subject} phải hoàn thành khi nào?`;
      }
      case 'prohibition': {
        const rest = text.replace(/^(Không được|Không|Nghiêm cấm|Cấm)\s+/iu, '');
        if (rest === text || foldedSyllables(rest).length < 2) return undefined;
        return `Có được ${lowerFirst(insertContext(cut(rest), context))} không?`;
      }
      case 'responsibility': {
        const m = folded.match(/\b(chu tri|phoi hop voi)\b/);
        if (m?.index && m.index > 0) {
          const rest = cut(text.slice(m.index));
          return `Cơ quan nào ${lowerFirst(rest)}?`;
        }
        if (/^(co quan thuc hien)/.test(folded)) return undefined;
        // "Đảng ủy HĐND tỉnh tăng cường giám sát …": the subject is the answer, ask for it.
        if (ORGANISATION.test(folded)) {
          const verb = folded.slice(2).search(ACTION);
          if (verb >= 0) return `Cơ quan nào ${lowerFirst(cut(text.slice(verb + 2).trim()))}?`;
          return this.content(clause, text);
        }
        // A bullet under "Tổ chức thực hiện" is a duty of the section's organisation.
        if (!/to chuc thuc hien/.test(fold(clause.chunk.headings.join(' ')))) return this.content(clause, text);
        return `Cơ quan, đơn vị nào có trách nhiệm ${lowerFirst(cut(text))}?`;
      }
      case 'definition': {
        const quoted = text.match(/((?:phương châm|hình ảnh[^“"]{0,60}?)\s*[“"][^”"]{1,30}[”"])/iu);
        if (quoted) return `${capitalize(tidy(quoted[1]!))} là gì?`;
        const motto = folded.match(/\btheo phuong cham\b/);
        if (motto?.index) return `${capitalize(cut(text.slice(0, motto.index)))} theo phương châm nào?`;
        if (label) return `${capitalize(tidy(label))} gồm những gì?`;
        const form = folded.match(/^(cac )?(hinh thuc|noi dung|phuong tien)[^;:]*?(?=\s(can|gom|bao gom|la|thong qua|duoc)\b)/);
        if (form) return `${capitalize(tidy(text.slice(0, form[0].length)))} gồm những gì?`;
        if (/^hinh thuc/.test(fold(clause.chunk.headings[0] ?? '')) && !/^hinh thuc/.test(folded)) {
          const what = lowerFirst(cut(text, 16));
          return `Hình thức ${/^tuyen truyen\b/.test(folded) ? what : `tuyên truyền ${what}`} được thực hiện như thế nào?`;
        }
        return this.content(clause, text);
      }
      default:
        return this.content(clause, text);
    }
  }

  /** A question about a clause that states content, not a rule. */
  private content(clause: Clause, text: string): string {
    const docType = (clause.doc.docType ?? 'Văn bản').toLowerCase();
    const phrase = lowerFirst(cut(text.split(/[:;]/)[0]!, 14)).replace(/^(về|tuyên truyền về|tuyên truyền,?)\s+/iu, '');
    const heading = fold(clause.chunk.headings[0] ?? '');
    if (/muc dich/.test(heading)) return `Mục đích, yêu cầu của ${docType} về ${phrase} là gì?`;
    if (/noi dung/.test(heading)) return `Cần tuyên truyền những gì về ${phrase}?`;
    return `${capitalize(docType)} đề ra yêu cầu gì về ${phrase}?`;
  }

  /**
   * "Ủy ban Mặt trận Tổ quốc tỉnh … có trách nhiệm gì?" when only the organisation's
   * name (the words before its duty) can be read reliably.
   */
  private organisationDuty(clause: Clause, body: string): string | undefined {
    if (clause.kind !== 'responsibility' || !this.context.read) return undefined;
    const seen = this.view(clause, tidy(body)).text;
    const folded = fold(seen);
    if (!ORGANISATION.test(folded)) return undefined;
    const verb = folded.slice(2).search(ACTION);
    if (verb < 0) return undefined;
    const name = this.view(clause, tidy(seen.slice(0, verb + 2)));
    if (!name.readable || foldedSyllables(name.text).length < 2) return undefined;
    return `Theo mục ${clause.chunk.section} của ${docLabel(clause)}, ${name.text} có trách nhiệm gì?`;
  }

  /** Readable fallback for OCR text that cannot be read. */
  private template(clause: Clause, title: string | undefined): string {
    const label = docLabel(clause);
    const section = clause.chunk.section ? `mục ${clause.chunk.section}` : 'phần mở đầu';
    // The clause's longest reliably read phrase names it best; else the section title.
    const phrase = this.context.read?.(tidy(clause.chunk.text.slice(clause.start, clause.end)), clause.doc).phrase ?? '';
    const words = phrase.split(/\s+/).filter(Boolean);
    const quoted = words.length >= 4 ? tidy(words.slice(0, 12).join(' ').replace(/\s+(và|của|các|những|với|cho|trong|theo|để|về|hoặc|,)$/u, '')) : '';
    const about = quoted ? ` về nội dung “${lowerFirst(quoted)}…”` : title ? ` về ${lowerFirst(sentenceCase(cut(title, 14)))}` : '';
    switch (clause.kind) {
      case 'limit':
        return `Theo ${section} của ${label}, chỉ tiêu, định mức${about} là bao nhiêu?`;
      case 'deadline':
        return `Theo ${section} của ${label}, thời hạn thực hiện${about} là khi nào?`;
      case 'prohibition':
        return `Theo ${section} của ${label}, điều gì không được làm${about}?`;
      case 'responsibility':
        return `Theo ${section} của ${label}, cơ quan nào chịu trách nhiệm${about}?`;
      default:
        return `${capitalize(section)} của ${label} quy định gì${about}?`;
    }
  }
}

/** "tại hội nghị" when the clause is about conferences but does not say so (the section title does). */
function placeOf(clause: Clause, folded: string, title: string): string | undefined {
  const where = fold(`${title} ${clause.label ?? ''}`);
  if (/hoi nghi/.test(where) && !/hoi nghi/.test(folded)) return 'tại hội nghị';
  return undefined;
}

function docLabel(clause: Clause): string {
  return clause.doc.docNumber ? `${clause.doc.docType ?? 'Văn bản'} số ${clause.doc.docNumber}` : (clause.doc.docType ?? 'văn bản');
}

/** Puts a context phrase ("tại <nơi>") before the rule marker ("không quá", "tối đa", …) of a generated question. */
function insertContext(question: string, context: string | undefined): string {
  if (!context) return question;
  const m = fold(question).match(/\s(khong qua|toi da|it nhat|toi thieu|chiem)\b/);
  if (!m || m.index === undefined) return `${question} ${context}`;
  return `${question.slice(0, m.index)} ${context}${question.slice(m.index)}`;
}
