/**
 * Questions about a document itself rather than its content: who signed it,
 * when it was issued, which document it implements. The answer comes from the
 * metadata read at ingest, and the quote is the verbatim line of the document
 * that states it (header, "Thực hiện …" opening, signature block).
 */
import { fold } from '../text/fold.js';
import { looksEnglish, translateToVietnamese } from '../text/glossary.js';
import { positionsOf, referenceIndex, tokenIndex } from '../retrieval/document-index.js';
import { ownRefKeys } from '../retrieval/sentence-cache.js';
import { findDocRefs, typeCode } from '../text/doc-refs.js';
import { DOCUMENT_TYPES } from '../text/document-types.js';
import { SIGNED_PAPERS } from '../question/lexicon.js';
import { documentsNamingPlace, refKeysOf, subjectType, type QueryAnalysis } from '../retrieval/query.js';
import type { Chunk, Citation, DocumentMeta, Passage } from '../types.js';
import { displayDate, displayTitle, documentLine, OCR_NOTE, quoteLines, quoteSection, READING_LABEL, sectionTitles } from './format.js';
import { readingOfQuote, sliceReading } from '../text/reading-slice.js';
import type { AnswerDraft } from './extractive.js';
import { headerNumberOf, segments, signatureOf } from './signature.js';
import { validityStatements } from './validity.js';
import { articleContent, articleCount, articleQuestion, whichArticle, type ArticleQuestion } from './article-lookup.js';

/** What the answerer can read of the corpus: full document texts and chunks. */
export interface CorpusView {
  documents: Map<string, { meta: DocumentMeta; text: string; reading?: string }>;
  chunks: Chunk[];
  /** Syllables of the clean documents (see CorpusIndex.knownWords). */
  knownWords?: Set<string>;
  /** The documents' metadata as one array (CorpusIndex.list): the lookup tables the retriever built for it serve here too. */
  list?(): DocumentMeta[];
}

export type MetadataKind = 'signer' | 'date' | 'basis' | 'number' | 'recipients' | 'topic' | 'effective' | 'replaces' | 'issuer';

/** "Nghị quyết của tỉnh mà văn bản căn cứ …": the type named first is the basis's, not the document's. */
const BASIS_NAMED_FIRST = /\b(huong dan|ket luan|nghi quyet|quy dinh|chi thi|van ban)( cua)?( trung uong| tinh| tw)? (ma )?(no|ke hoach|kh|huong dan|van ban)( [a-z]+)?( duoc)? can cu\b/;

/** Folded type names ("ke hoach|huong dan|…"), longest first: what a document is called in a question. */
const TYPE_NAMES = DOCUMENT_TYPES.map((t) => t.folded)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** "ngày nào", "khi nào", "tháng mấy năm nào": a question about a date. */
const WHEN = '(?:ngay nao|ngay bao nhieu|ngay may|ngay thang nam nao|ngay thang nao|thang may nam nao|thang nao nam nao|khi nao|bao gio|luc nao|hom nao)';
/**
 * The document's own date: "(được) ban hành / ký (số) / ra đời … ngày nào", the verb followed by the date asked
 * or by what was issued ("ký hướng dẫn … vào ngày nào"). "Ký" is the verb only as a word of its own: "định kỳ",
 * "nhiệm kỳ", "kỷ luật", "kỳ họp" fold to the same letters. "… ra ngày nào" only after the document ("Quy định 55
 * ra ngày nào"), not "diễn ra". A deadline ("phải ban hành … trước ngày nào") is not the document's date.
 */
const ISSUE_VERB = '(?:(?<!\\b(?:cong tac|viec) )ban hanh|(?<!\\b(?:dinh|nhiem|hoc|hang|chu|thoi|moi|cac|tung|truong|ki|ky|hop|gia|nua|tieu|dac|ve) )k[iy](?! (?:luat|hop|niem|nang|thuat|cuong|cuc|vong|tich|thi|ket|cam|nghi|han|dieu|lam|phu|quy|uc)\\b)(?: so)?|ra doi|phat hanh)';
const DEADLINE = '\\b(?:phai|truoc ngay|cham nhat|han chot|thoi han)\\b';
const ISSUE_DATE = new RegExp(
  [
    `^(?!.*${DEADLINE}).*\\b${ISSUE_VERB} (?:(?:vao|tu|trong|luc) )?(?:${WHEN}|(?:${TYPE_NAMES}|van ban|hd|kh|no|nay|do)\\b.*\\b${WHEN})\\b`,
    `^(?!.*${DEADLINE}|.*\\bdien ra\\b).*\\b(?:${TYPE_NAMES}|van ban|no|kh|hd)\\b.*\\bra (?:vao )?${WHEN}`,
    '\\b(?:issued|signed|dated)\\b.*\\b(?:when|what date|which date)\\b|\\b(?:when|what date)\\b.*\\b(?:issued|signed)\\b',
    '\\bngay ban hanh\\b|\\b(?:de|ghi) ngay (?:nao|bao nhieu|may|thang nam nao)\\b',
    // "Quy định 22-QĐ/TW … có từ ngày nào": a numbered document and a date, nothing done by it.
    '\\b\\d+-[a-z]+\\/[a-z]+\\b(?!.*\\b(?:hoan thanh|han|nop|bao cao|to chuc|thuc hien|trien khai)\\b).*\\bngay (?:nao|bao nhieu|may)\\s*$',
  ].join('|'),
);

const ISSUER = new RegExp(
  [
    `^(?!.*${DEADLINE}).*\\b(?:(?:co quan|don vi|ai|cap|ban|to chuc) nao|do ai|ai) (?:da )?ban hanh(?: ra)?(?: (?:${TYPE_NAMES}|van ban|no)\\b.*)?$`,
    '\\b(?:co quan|don vi|noi) ban hanh\\b.*\\b(?:nao|ai|gi)\\b',
    '\\bwho (?:issued|issues)\\b|\\bissued by (?:whom|which|what)\\b|\\b(?:which|what) (?:body|agency|authority|office|organ|committee) (?:issued|issues)\\b',
  ].join('|'),
);

/** "có hiệu lực (kể) từ ngày nào", "áp dụng từ khi nào", "ngày có hiệu lực", "take effect", "in force". */
const EFFECTIVE = new RegExp(
  [
    `\\b(?:co hieu luc|hieu luc|ap dung|thi hanh)(?: thi hanh)?(?: (?:ke )?(?:tu|vao|tinh tu))? ${WHEN}\\b(?! den\\b)`,
    `\\b(?:${TYPE_NAMES}|van ban|no)\\b.*\\bbat dau (?:duoc )?(?:ap dung|thuc hien|thi hanh|co hieu luc)\\b(?: (?:ke )?tu)? ${WHEN}\\b(?! den\\b)`,
    '\\bngay (?:co )?hieu luc\\b|\\bhieu luc (?:thi hanh )?(?:tu|ke tu|la) (?:ngay|khi) (?:nao|gi)\\b',
    '\\b(?:take|takes|took|taking) effect\\b|\\beffective (?:date|from)\\b|\\b(?:come|comes|came) into (?:force|effect)\\b|\\bin force\\b',
  ].join('|'),
);

const KINDS: Array<[MetadataKind, RegExp]> = [
  // "mang số bao nhiêu", "số hiệu là gì", "Hướng dẫn của Tam Đường số mấy": the document's own number (not "làm theo
  // hướng dẫn số mấy", a cited one).
  // "số văn bản hành chính phải giảm bao nhiêu" counts documents: "số văn bản" asks the number only when the question word follows it.
  ['number', new RegExp(String.raw`\b(mang so|so hieu|ky hieu)\b.*\b(bao nhieu|may|gi|nao)\b|\bso van ban( (nay|do|do la))?( la)? (bao nhieu|may|gi)\b|\b(ban hanh|ra) (ke hoach|huong dan|van ban|quyet dinh|nghi quyet|ket luan|chi thi|quy dinh)\b.*\bso (may|bao nhieu|gi)\b|\bwhat is the number\b|^(?:${TYPE_NAMES}|van ban)\b(?!.*\b(thuc hien|theo|can cu|trien khai|giam|cat)\b).*\bso (bao nhieu|may)\s*$`)],
  ['signer', /\b(k[iy] (voi|duoi) (chuc vu|chuc danh|cuong vi|tu cach)|ai (da |dung ten |thay mat (?:[a-z]+ ){1,6})?k[iy]|chu k[iy]\b.*\b(cua ai|la ai|cua nguoi nao|cua dong chi nao)|nguoi k[iy]|k[iy] boi ai|do ai k[iy]|(dong chi|ong|ba|nguoi|lanh dao) nao k[iy]|(ho ten|ten) (dong chi|nguoi|lanh dao) k[iy]|who signed|signed by|signatory)\b/],
  // "… có hiệu lực / áp dụng từ ngày nào", "bắt đầu áp dụng từ khi nào", "when does it take effect": the document's
  // statement of its effect — not "thực hiện từ ngày nào đến ngày nào", a period of its content. Before the date: "quyết định ban hành … có hiệu lực khi nào" asks the effect.
  ['effective', EFFECTIVE],
  ['date', ISSUE_DATE],
  // "căn cứ hướng dẫn nào", "thực hiện văn bản nào của tỉnh", "căn cứ hướng dẫn của … ban hành ngày nào" — not "thực hiện Kết luận 226 xong khi nào".
  ['basis', /\b(can cu|thuc hien|cu the hoa)( vao)? (van ban|huong dan|hd|ket luan|nghi quyet|quy dinh|chi thi|ke hoach) ((so )?(nao|gi|may)\b|cua .*\b(nao|gi)\b)|\b(implement\w*|based on)\b.*\b(which|what)\b|\b(which|what) ([a-z]+ )?(document|guidance|guideline|conclusion|resolution|regulation|directive) does\b|\b(which|what) ([a-z]+ )?(document|guidance|guideline|conclusion|resolution|regulation|directive) (is|was|are|were)\b.*\bbased on\b|\bon what basis\b/],
  ['basis', BASIS_NAMED_FIRST],
  // "… do cơ quan nào ban hành", "ai ban hành …", "cơ quan ban hành là ai", "who issued": the issuing body —
  // not "cơ quan nào phải ban hành kế hoạch …", a duty the document gives.
  ['issuer', ISSUER],
  // "… thay thế văn bản nào", "bãi bỏ quyết định nào", "which document does it replace".
  ['replaces', /\bthay the (?:cho )?(?:(?:van ban|[a-z]+ [a-z]+|[a-z]+) )?(?:nao|gi|so may|so nao|so bao nhieu)\b|\bbai bo (?:(?:van ban|[a-z]+ [a-z]+|[a-z]+) )?(?:nao|gi)\b|\b(?:replace[sd]?|supersede[sd]?)\b.*\b(?:which|what)\b|\b(?:which|what)\b.*\b(?:replace[sd]?|supersede[sd]?)\b/],
  // "Kế hoạch 121 nói về chủ đề gì", "trích yếu": the title lines under the document's type heading.
  ['topic', /\b(noi|ban) ve (chu de|van de|viec|noi dung) (gi|nao)\b|\bchu de (cua [a-z0-9 /-]+ )?(la )?gi\b|\btrich yeu\b|\bwhat (topic|subject)\b|\bwhat is [a-z0-9 /'-]+ about\b/],
  // "gửi báo cáo lên những cơ quan nào", "nơi nhận": the recipients list at the foot of the document.
  // "Báo cáo kết quả … gửi về đâu, bao lâu một lần" asks the body's reporting rule, not this list.
  ['recipients', /\bgui bao cao (len |ve |toi |den |cho )?(nhung |cac )?(co quan|ban|don vi|noi|cap)\b.*\bnao\b|\bnoi nhan\b|\bgui (cho|toi|den) (nhung |cac )?(co quan|don vi|noi) nao\b|\b(recipients?|distribution list)\b|\bsen[dt] (its )?(reports? )?to (whom|which)\b/],
];

/** "ký giấy phép", "ký hợp đồng": the signing of a paper the document describes (lexicon `signedPapers`). */
const SIGNS_PAPER = new RegExp(`\\bk[iy] (?:${SIGNED_PAPERS.join('|')})\\b`);

export function metadataKind(question: string): MetadataKind | undefined {
  const folded = fold(question).replace(/[?!.,]/g, ' ').replace(/\s+/g, ' ').trim();
  const kinds = KINDS.filter(([kind, pattern]) => pattern.test(folded) && !(kind === 'signer' && SIGNS_PAPER.test(folded))).map(([kind]) => kind);
  // "căn cứ hướng dẫn … ban hành ngày nào": the date of the basis, answered with the reference.
  // "Which document does Decision 12 replace?": naming the replacing verb, it asks what is replaced, not the basis.
  if (kinds.includes('basis')) return kinds.includes('replaces') ? 'replaces' : 'basis';
  return kinds[0];
}

/**
 * "Công văn 1125 … ai ký": a document whose metadata lacks its number, named by the number its header writes
 * ("Số: 1125/UBND-VX"); only when exactly one document's header starts with a number the question writes.
 */
function numberedInText(analysis: QueryAnalysis, documents: DocumentMeta[], corpus: CorpusView): DocumentMeta | undefined {
  const asked = new Set(fold(analysis.question).match(/\b\d{2,4}\b/g)?.filter((n) => !/^(19|20)\d\d$/.test(n)).map((n) => String(Number(n))) ?? []);
  if (!asked.size) return undefined;
  const matches = documents.filter((d) => {
    if (d.docNumber) return false;
    const text = corpus.documents.get(d.id)?.text;
    const number = text ? headerNumberOf(text)?.text.match(/^\d+/)?.[0] : undefined;
    return number !== undefined && asked.has(String(Number(number)));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** The share of a document's title words the question writes (its content terms, expansions included). */
function titleShare(d: DocumentMeta, analysis: QueryAnalysis): number {
  const asked = new Set(analysis.content.map((t) => t.term));
  const words = new Set(fold(d.title).toLowerCase().match(/[a-z0-9]+/g) ?? []);
  return words.size ? [...words].filter((w) => asked.has(w)).length / words.size : 0;
}

/** The document a question is about: named by number, else the best-ranked passage's. */
function targetDocument(analysis: QueryAnalysis, passages: Passage[], documents: DocumentMeta[]): DocumentMeta | undefined {
  const keys = refKeysOf(analysis);
  const index = referenceIndex(documents);
  // "Hướng dẫn … về Kế hoạch 22 ký ngày nào?": the subject is the first document type named, not the one it is about.
  // "Văn bản đó ban hành ngày nào?" after "Hướng dẫn tuyên truyền Kế hoạch 22 do ai ban hành?": the document pointed
  // back at is the one the last question was about, the first type it named.
  const pointsBack = analysis.followUp && /\b(van ban|no) (do|nay|ay)\b|\bno\b/.test(fold(analysis.question));
  const previous = analysis.text.split('\n')[1];
  // An English question names the type in English ("the guidance on …"): read through the glossary.
  const asked = looksEnglish(analysis.question) ? translateToVietnamese(analysis.question) : analysis.question;
  const subject = BASIS_NAMED_FIRST.test(fold(asked)) ? undefined : (subjectType(asked) ?? (pointsBack && previous ? subjectType(previous) : undefined));
  const ofType = (d: DocumentMeta) => !subject || !d.docType || fold(d.docType) === subject;
  const typed = (at: number) => !subject || index.types[at] === undefined || index.types[at] === subject;
  const named = positionsOf(index.own, keys).find(typed);
  if (named !== undefined) return documents[named];
  // The one document of the place the question (or the one it follows up) names ("… của Tam Đường").
  const placedAll = documentsNamingPlace(analysis, documents);
  const placed = placedAll.filter(ofType);
  if (placed.length === 1) return placed[0];
  // The place's documents are of other types ("kế hoạch thu gom rác" of a Phương án): the one whose title the
  // question writes most of, when one does more than the others.
  if (!placed.length && placedAll.length) {
    const shares = placedAll.map((d) => titleShare(d, analysis)).sort((a, b) => b - a);
    const best = placedAll.find((d) => titleShare(d, analysis) === shares[0]);
    if (best && shares[0]! > 0 && shares[0]! > (shares[1] ?? 0)) return best;
  }
  // The question names the issuer or place ("… của Ban Tổ chức Huyện ủy …"): the document that matches most
  // (the first in document order among equals), when it is the only one that matches that much.
  const counts = new Map<number, number>();
  for (const w of new Set(analysis.content.map((t) => t.term))) for (const at of tokenIndex(documents).get(w) ?? []) if (typed(at)) counts.set(at, (counts.get(at) ?? 0) + 1);
  let best = -1;
  let bestN = 0;
  let secondN = 0;
  for (const [at, n] of counts) {
    if (n > bestN || (n === bestN && at < best)) {
      if (n > bestN) secondN = bestN;
      else secondN = n;
      best = at;
      bestN = n;
    } else if (n > secondN) secondN = n;
  }
  if (best >= 0 && bestN >= 3 && bestN > secondN) return documents[best];
  const ofSubject = passages.find((p) => ofType(p.doc))?.doc;
  // "Văn bản đó …" after a question about a type the corpus holds none of: a document the corpus only cites.
  if (!ofSubject && pointsBack && subject && !documents.some(ofType)) return undefined;
  return ofSubject ?? passages[0]?.doc;
}

const squash = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');

/**
 * A WeakMap that starts afresh past `max` entries: squashed texts are cached
 * per chunk and per document (re-folding them was O(corpus) per metadata
 * answer), without keeping every text of a large corpus in memory for good.
 */
class BoundedWeakCache<K extends object, V> {
  private map = new WeakMap<K, V>();
  private size = 0;
  constructor(private readonly max: number) {}
  get(key: K, make: () => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (++this.size > this.max) {
        this.map = new WeakMap();
        this.size = 1;
      }
      value = make();
      this.map.set(key, value);
    }
    return value;
  }
}

/** A document's text split into lines, each squashed on first use. */
interface DocumentLines {
  text: string;
  lines: string[];
  squashed: Array<string | undefined>;
}

const documentLines = new BoundedWeakCache<{ text: string }, DocumentLines>(256);
const linesOf = (stored: { text: string }) =>
  documentLines.get(stored, () => {
    const text = stored.text;
    const lines = text.split('\n');
    return { text, lines, squashed: new Array<string | undefined>(lines.length) };
  });

const squashedChunks = new BoundedWeakCache<Chunk, string>(20_000);
/** Chunks by document, in corpus order (the chunk list of an index never changes). */
const chunksByDocument = new WeakMap<Chunk[], Map<string, Chunk[]>>();
export function chunksOf(chunks: Chunk[], docId: string): Chunk[] {
  let byDoc = chunksByDocument.get(chunks);
  if (!byDoc) {
    byDoc = new Map();
    for (const c of chunks) {
      const list = byDoc.get(c.docId);
      if (list) list.push(c);
      else byDoc.set(c.docId, [c]);
    }
    chunksByDocument.set(chunks, byDoc);
  }
  return byDoc.get(docId) ?? [];
}

/** The line of the document that holds `needle` (compared folded, ignoring spacing and punctuation). */
function lineWith(doc: DocumentLines, needle: string): { start: number; end: number } | undefined {
  const target = squash(needle);
  if (!target) return undefined;
  let offset = 0;
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    if ((doc.squashed[i] ??= squash(line)).includes(target)) {
      const start = offset + (line.length - line.trimStart().length);
      return { start, end: offset + line.trimEnd().length };
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** "… giữ chức vụ / chức danh gì": the signer's position, not only the name. */
const POSITION_ASKED = /\b(chuc vu|chuc danh|cuong vi|position|title)\b/;

/** A signing block's title lines: "K/T TRƯỞNG BAN" (or "T/M", "TM.", "KT.") and the line under it. */
const SIGNING_BLOCK = /(^|\n)((?:K\/T|T\/M|KT\.|TM\.)\s+\S[^\n]*\n[^\n]*\S[^\n]*)/;

const DATE_LINE = /ng[aà]y\s+\d{1,2}\s+th\S*\s+\d{1,2}\s+n\S*\s+\d{4}/iu;

/** Where a quote stands when it is not a section's text: the signature block. */
interface QuotePlace {
  sectionLabel: string;
  sectionTitle: string;
}

interface Found {
  span: { start: number; end: number };
  fact: string;
  place?: QuotePlace;
}

/** A scanned text's words as people can read them: the reading's slice for the span (OCR documents), else the text. */
function readable(text: string, reading: string | undefined, span: { start: number; end: number }): string {
  const scanned = text.slice(span.start, span.end);
  return (reading && sliceReading(text, reading, span.start, span.end)) || scanned;
}

/**
 * The signer from the signature block: the name under the titles ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Ngô
 * Văn Bảy"), quoted as the block when its lines hold nothing else, else as the name alone (a scan that merged
 * the columns puts the name at the end of a recipients line: the line is not quoted). A scanned name is given
 * as its reading, the scan beside it.
 */
function signerFromBlock(meta: DocumentMeta, doc: DocumentLines, reading: string | undefined): Found | undefined {
  const signature = signatureOf(doc.text);
  if (!signature || (meta.signer && squash(signature.name.text) !== squash(meta.signer))) return undefined;
  const name = readable(doc.text, reading, signature.name);
  const titles = signature.titleSpans.map((t) => readable(doc.text, reading, t).replace(/\s+/g, ' ').trim());
  const scanned = name !== signature.name.text ? ` (${READING_LABEL.toLowerCase()}; bản quét: “${signature.name.text}”)` : '';
  return {
    span: signature.block ?? signature.name,
    fact: `Người ký: ${name}${scanned}${titles.length ? ` – ${titles.join(', ')}` : ''}.`,
    place: { sectionLabel: 'phần chữ ký', sectionTitle: titles.join(' – ') },
  };
}

/**
 * Where the opening names the issuer: the line that writes most of its name ("… của Ủy ban nhân dân xã Suối
 * Lâm)", "Ban Tuyên giáo Huyện ủy hướng dẫn …", a header's "TỈNH ỦY ĐIỆN BIÊN"), its whole name first, then
 * shorter runs of its first or last words. A header segment beside the motto is quoted without the other column.
 */
function issuerSpan(doc: DocumentLines, issuer: string): { start: number; end: number } | undefined {
  const words = issuer.split(/\s+/);
  const opening = doc.lines.slice(0, 40).join('\n').length;
  for (let k = words.length; k >= 2; k--) {
    for (const run of new Set([words.slice(0, k).join(' '), words.slice(-k).join(' ')])) {
      if (squash(run).length < 10) continue;
      const line = lineWith(doc, run);
      if (!line || line.start >= opening) continue;
      const segment = segments(doc.text, line.start, line.end).find((seg) => squash(seg.text).includes(squash(run)));
      return segment ?? line;
    }
  }
  return undefined;
}

/** "Thực hiện …", "Căn cứ …" opening the text: a basis the document names without a number ("quy định của Trung ương"). */
function openingBasis(doc: DocumentLines): Found | undefined {
  let offset = 0;
  for (const line of doc.lines.slice(0, 40)) {
    const at = line.length - line.trimStart().length;
    if (/^(thuc hien|can cu|cu the hoa)\b/.test(fold(line.trim()).toLowerCase())) {
      const end = line.trimEnd().length;
      return { span: { start: offset + at, end: offset + end }, fact: 'Văn bản căn cứ (phần mở đầu):' };
    }
    offset += line.length + 1;
  }
  return undefined;
}

function quoteFor(kind: MetadataKind, meta: DocumentMeta, doc: DocumentLines, question: string, reading?: string): Found | undefined {
  if (kind === 'number' && meta.docNumber) {
    const span = lineWith(doc, meta.docNumber);
    return span && { span, fact: `Số hiệu: ${meta.docNumber}.` };
  }
  if (kind === 'issuer' && meta.issuer) {
    const span = issuerSpan(doc, meta.issuer);
    return span && { span, fact: `Cơ quan ban hành: ${meta.issuer}.` };
  }
  if (kind === 'signer') {
    const block = signerFromBlock(meta, doc, reading);
    if (block) return block;
  }
  if (kind === 'signer' && meta.signer) {
    const span = lineWith(doc, meta.signer);
    // "Người ký … giữ chức vụ gì": the title lines above the name ("K/T TRƯỞNG BAN / PHÓ BAN") belong to the quote.
    if (span && POSITION_ASKED.test(fold(question))) {
      const above = doc.text.slice(0, span.start).split('\n').slice(-4, -1);
      const titled = above.findIndex((l) => /^[\p{Lu}\s/.,&-]{4,}$/u.test(l.trim()) && /\p{Lu}{2}/u.test(l));
      if (titled >= 0) {
        const lines = above.slice(titled);
        const start = span.start - lines.reduce((n, l) => n + l.length + 1, 0);
        return { span: { start, end: span.end }, fact: `Người ký: ${meta.signer} (${lines.map((l) => l.trim()).join(', ')}).` };
      }
    }
    return span && { span, fact: withSignerReading(`Người ký: ${meta.signer}.`, meta, doc.text, reading) };
  }
  // Metadata without a number or a signer: the header's "Số: …" and the signing block, read from the text.
  if (kind === 'number' && !meta.docNumber) {
    const number = headerNumberOf(doc.text);
    if (number) return { span: number, fact: `Số hiệu: ${number.text}.` };
  }
  // "… được ký với chức danh gì" of a document whose scan shows no name: its signing block's title lines ("K/T TRƯỞNG BAN").
  if (kind === 'signer' && !meta.signer && POSITION_ASKED.test(fold(question))) {
    const tail = doc.text.length - doc.lines.slice(-15).join('\n').length;
    const block = SIGNING_BLOCK.exec(doc.text.slice(tail));
    if (block) {
      const start = tail + block.index + block[1]!.length;
      const end = start + block[2]!.trimEnd().length;
      return { span: { start, end }, fact: `Chức danh người ký: ${block[2]!.replace(/\s+/g, ' ').trim()}.` };
    }
  }
  if (kind === 'date' && meta.date) {
    const head = doc.lines.slice(0, 25).join('\n');
    const m = head.match(DATE_LINE);
    const span = m ? lineWith(doc, m[0]) : undefined;
    if (span) return { span, fact: `Ngày ban hành: ${displayDate(meta.date)}.` };
    // No "ngày … tháng … năm" line: the date is the digital signature's (ingest reads it from the
    // signature trailer, which the cleaned text leaves out), so the signature line is what can be quoted.
    const signed = meta.signer ? lineWith(doc, meta.signer) : undefined;
    return signed && { span: signed, fact: `Ngày ký số: ${displayDate(meta.date)} (văn bản không ghi ngày ban hành ở phần đầu; ngày theo chữ ký số của ${meta.signer}, ghi ${meta.date}).` };
  }
  if (kind === 'topic') {
    const span = titleLines(doc, meta);
    return span && { span, fact: `Trích yếu: ${displayTitle(meta)}.` };
  }
  if (kind === 'basis' && !meta.references.length) return openingBasis(doc);
  if (kind === 'basis') {
    // Prefer the type and level the question names ("hướng dẫn nào của Trung ương").
    // An English question is read through the glossary ("central guidance" → "trung ương … hướng dẫn").
    const folded = fold(looksEnglish(question) ? translateToVietnamese(question) : question);
    // The type after "căn cứ / thực hiện" is the one asked for ("KH 121 căn cứ HD nào": a Hướng dẫn).
    const named = /\b(?:can cu|thuc hien|cu the hoa)(?: vao)? (huong dan|hd|ket luan|nghi quyet|quy dinh|chi thi|ke hoach|thong bao)\b/.exec(folded)?.[1];
    const wantType = named ? (named === 'hd' ? 'huong dan' : named) : ['huong dan', 'ket luan', 'nghi quyet', 'quy dinh', 'chi thi', 'ke hoach', 'thong bao'].find((t) => folded.includes(t));
    const code = wantType ? typeCode(wantType) : undefined;
    const level = /trung uong|\btw\b/.test(folded) ? /TW$/ : /\btinh\b/.test(folded) ? /TU$/ : undefined;
    const fits = (number: string) => (!code || number.includes(`-${code}`)) && (!level || level.test(number));
    const own = meta.docNumber;
    const ref = meta.references.find((r) => r.number !== own && fits(r.number)) ?? meta.references.find((r) => r.number !== own);
    if (!ref) return openingBasis(doc);
    const span = lineWith(doc, ref.text);
    return span && { span, fact: `Văn bản căn cứ: ${ref.text.replace(/\s+/g, ' ')}.` };
  }
  return undefined;
}

/** Keeps a long line to the sentence-sized window around its start (still verbatim). */
function clip(text: string, span: { start: number; end: number }, maxChars: number): string {
  const line = text.slice(span.start, span.end);
  if (line.length <= maxChars) return line;
  const cut = line.lastIndexOf(' ', maxChars);
  return line.slice(0, cut > maxChars / 2 ? cut : maxChars);
}

/** A document the question names that is not in the corpus but cited by one that is: its number and date are in the citing text. */
function citedReference(analysis: QueryAnalysis, documents: DocumentMeta[], passages: Passage[]) {
  // Full keys ("22-KH/TU"), else the short ones ("HD 122") when the corpus holds no document numbered so.
  const fulls = analysis.refs.map((r) => r.full).filter(Boolean) as string[];
  const keys = new Set(fulls.length ? fulls : analysis.refs.map((r) => r.short));
  if (!keys.size) return undefined;
  const index = referenceIndex(documents);
  if (positionsOf(index.own, keys).length) return undefined;
  const refOf = (meta: DocumentMeta) =>
    meta.references.find((r) => {
      const ref = r.date ? findDocRefs(r.number)[0] : undefined;
      return ref && keys.has((fulls.length ? ref.full : ref.short) ?? '');
    });
  // The best-ranked passages' documents first, then the corpus in order.
  for (const { doc } of passages) {
    const ref = refOf(doc);
    if (ref) return { meta: doc, ref };
  }
  for (const at of positionsOf(index.citesDated, keys)) {
    const ref = refOf(documents[at]!);
    if (ref) return { meta: documents[at]!, ref };
  }
  return undefined;
}

/** The document is one the question's references name: by its own number or as the one its title implements. */
function aboutRefs(meta: DocumentMeta, analysis: QueryAnalysis): boolean {
  const keys = refKeysOf(analysis);
  return ownRefKeys(meta).some((k) => keys.has(k)) || findDocRefs(meta.title).some((r) => keys.has(r.full!) || keys.has(r.short));
}

/** The documents' metadata as one array per corpus (so the per-list lookup tables are built once). */
const metaLists = new WeakMap<Map<string, { meta: DocumentMeta }>, DocumentMeta[]>();
function metasOf(corpus: CorpusView): DocumentMeta[] {
  if (corpus.list) return corpus.list();
  let list = metaLists.get(corpus.documents);
  if (!list) metaLists.set(corpus.documents, (list = [...corpus.documents.values()].map((d) => d.meta)));
  return list;
}

/** "Điều 7 … quy định gì", "Điều nào quy định …": the article, from the document asked about (else the best-ranked ones'). */
function articleAnswer(asked: ArticleQuestion, analysis: QueryAnalysis, passages: Passage[], corpus: CorpusView): AnswerDraft | undefined {
  const chunks = (docId: string) => chunksOf(corpus.chunks, docId);
  // "Quy định 294-QĐ/TW có bao nhiêu điều": only the document numbered so is asked about, not one citing it.
  const numbered = findDocRefs(analysis.question).length > 0;
  const documents = articleDocuments(analysis, passages, metasOf(corpus)).filter((d) => !numbered || aboutRefs(d, analysis));
  const found =
    asked.mode === 'which'
      ? documents.map((d) => whichArticle(d, chunks(d.id), analysis.content, analysis.question)).find(Boolean)
      : asked.mode === 'count'
        ? documents.slice(0, 1).map((d) => articleCount(d, chunks(d.id), analysis.question))[0]
        : articleContent(asked, documents, chunks, analysis.question);
  if (!found) return undefined;
  const meta = corpus.documents.get(found.chunk.docId)?.meta;
  return meta && draft(meta, found.chunk.text, found.span, found.fact, corpus, found.chunk.reading);
}

/**
 * The documents an article question may be about, most likely first: named by number, then by place, then by
 * how many of their title's words the question writes, then as the retriever ranked them (a Quy chế attached
 * to a Quyết định is asked about by the Quy chế's name, so the type is not a filter here).
 */
function articleDocuments(analysis: QueryAnalysis, passages: Passage[], documents: DocumentMeta[]): DocumentMeta[] {
  const ranked = [...new Set(passages.map((p) => p.doc))];
  const keys = refKeysOf(analysis);
  const byNumber = new Set(positionsOf(referenceIndex(documents).own, keys).map((at) => documents[at]!));
  const byPlace = new Set(documentsNamingPlace(analysis, documents));
  for (const d of [...byNumber, ...byPlace]) if (!ranked.includes(d)) ranked.push(d);
  const score = (d: DocumentMeta) => (byNumber.has(d) ? 4 : 0) + (byPlace.has(d) ? 2 : 0) + titleShare(d, analysis);
  return ranked.map((d, rank) => ({ d, rank, score: score(d) })).sort((a, b) => b.score - a.score || a.rank - b.rank).map(({ d }) => d);
}

export function metadataAnswer(analysis: QueryAnalysis, passages: Passage[], corpus: CorpusView): AnswerDraft | undefined {
  // A question about one of the document's articles is not about the document as a whole ("Điều 7 nói về việc gì").
  const asked = articleQuestion(analysis.question);
  if (asked) return articleAnswer(asked, analysis, passages, corpus);
  const kind = metadataKind(analysis.question);
  if (!kind) return undefined;
  const documents = metasOf(corpus);
  if (kind === 'date') {
    const cited = citedReference(analysis, documents, passages);
    if (cited) {
      const stored = corpus.documents.get(cited.meta.id);
      const doc = stored && linesOf(stored);
      const span = doc && lineWith(doc, cited.ref.text);
      if (doc && span) return draft(cited.meta, doc.text, span, `${cited.ref.text.replace(/\s+/g, ' ')} (ngày ${displayDate(cited.ref.date)}).`, corpus, stored.reading);
    }
    // A numbered document the corpus neither holds nor cites: not ours to date.
    const fulls = analysis.refs.map((r) => r.full).filter(Boolean) as string[];
    if (fulls.length && !positionsOf(referenceIndex(documents).own, fulls).length) return undefined;
  }
  const meta = numberedInText(analysis, documents, corpus) ?? targetDocument(analysis, passages, documents);
  const stored = meta && corpus.documents.get(meta.id);
  if (!meta || !stored) return undefined;
  // "HD 122 … ra ngày nào?" asks about the document numbered so, not about one that mentions it.
  if (findDocRefs(analysis.question).length && !aboutRefs(meta, analysis)) return undefined;
  // "Năm 2024 Sơn La có kế hoạch … số mấy?": a plan of 2023 is not the one asked for.
  const year = /\b(?:19|20)\d\d\b/.exec(fold(analysis.question))?.[0];
  // A plan for next year is issued late this year: the year after the date is the document's too.
  if (year && kind !== 'basis' && meta.date && !meta.date.startsWith(year) && !meta.date.startsWith(String(Number(year) - 1)) && !fold(meta.title).includes(year)) return undefined;
  if (kind === 'recipients') return recipientsAnswer(meta, analysis, corpus);
  if (kind === 'effective' || kind === 'replaces') {
    // Only the document's statement about itself answers; one about a document it cites is left to the content answerer.
    const statement = validityStatements(kind, chunksOf(corpus.chunks, meta.id), meta, fold(analysis.question).toLowerCase())[0];
    return statement?.itself ? draft(meta, statement.chunk.text, statement.span, statement.fact, corpus, statement.chunk.reading) : undefined;
  }
  const doc = linesOf(stored);
  const found = quoteFor(kind, meta, doc, analysis.question, stored.reading);
  if (!found) return undefined;
  return draft(meta, doc.text, found.span, found.fact, corpus, stored.reading, found.place);
}

/** The lines under the type heading ("KẾ HOẠCH" / a scan's "KE HOACH") up to a blank line: the document's title as written. */
function titleLines(doc: DocumentLines, meta: DocumentMeta): { start: number; end: number } | undefined {
  const type = meta.docType && squash(meta.docType);
  if (!type) return undefined;
  let offset = 0;
  for (let i = 0; i < Math.min(doc.lines.length, 40); i++) {
    const line = doc.lines[i]!;
    if (squash(line) === type) {
      const start = offset + line.length + 1;
      // Up to three lines, ending before a blank, a stamp's scrap ("so DEN 3") or the opening sentence ("Thực hiện …").
      const rest = doc.lines.slice(i + 1, i + 4);
      const count = rest.findIndex((l, k) => !l.trim() || (k > 0 && (l.length > 150 || (l.match(/\p{L}{2,}/gu)?.length ?? 0) < 3 || /^\s*(thuc hien|thyc hien|can cu)\b/.test(fold(l)))));
      const taken = rest.slice(0, count < 0 ? rest.length : count);
      if (!taken.length) return undefined;
      return { start, end: start + taken.join('\n').trimEnd().length };
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** "(b/c)", "(để báo cáo)", a scan's "(& bdo cdo)": the recipient receives the document as a report. */
const AS_REPORT = /\((?:\s*(?:de|[&@])\s*)?(?:b\s*\/\s*c|b\w{1,2}o\s+c\w{1,2}o)\s*\)/;

/**
 * The recipients list ("Nơi nhận: …"): for "gửi báo cáo …", its lines marked as reports, from the first to the
 * last (one verbatim quote); otherwise the list itself.
 */
function recipientsAnswer(meta: DocumentMeta, analysis: QueryAnalysis, corpus: CorpusView): AnswerDraft | undefined {
  const chunk = chunksOf(corpus.chunks, meta.id).find((c) => c.section === 'Nơi nhận');
  if (!chunk) return undefined;
  const lines = chunk.text.split('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts.push(at);
  // The list's items: past the "Nơi nhận:" line, up to the signature block ("K/T TRƯỞNG BAN", a name).
  const items = lines.map((line, i) => ({ line, i })).filter(({ line, i }) => i > 0 && line.trim().length > 2);
  const reports = items.filter(({ line }) => AS_REPORT.test(fold(line)));
  const asksReports = /\bbao cao\b|\breports?\b/.test(fold(analysis.question));
  const chosen = asksReports && reports.length ? reports : items.filter(({ line }) => /^\s*[-+•]/.test(line));
  if (!chosen.length) return undefined;
  const first = chosen[0]!;
  const last = chosen[chosen.length - 1]!;
  const span = { start: starts[first.i]! + (first.line.length - first.line.trimStart().length), end: starts[last.i]! + last.line.trimEnd().length };
  const fact = asksReports && reports.length ? 'Văn bản được gửi để báo cáo (b/c) tới các nơi sau.' : 'Nơi nhận văn bản:';
  return draft(meta, chunk.text, span, fact, corpus, chunk.reading);
}

function readingOf(text: string, reading: string | undefined, quote: string): { reading?: string } {
  const read = reading && readingOfQuote(text, reading, quote);
  return read && read !== quote ? { reading: read } : {};
}

/** A scanned signer's name as people can read it: "Người ký: Trần Tiến Dũng (bản quét: “Tran Tién Diing”)". */
function withSignerReading(fact: string, meta: DocumentMeta, text: string, reading: string | undefined): string {
  const at = meta.signer && reading ? text.indexOf(meta.signer) : -1;
  if (at < 0) return fact;
  const name = sliceReading(text, reading!, at, at + meta.signer!.length);
  if (!name || name === meta.signer) return fact;
  return fact.replace(`Người ký: ${meta.signer}`, `Người ký: ${name} (${READING_LABEL.toLowerCase()}; bản quét: “${meta.signer}”)`);
}

/** `reading`: the restored reading of `text` (OCR documents), for the quote's reading. */
function draft(meta: DocumentMeta, text: string, span: { start: number; end: number }, fact: string, corpus: CorpusView, reading?: string, place?: QuotePlace): AnswerDraft {
  const quote = clip(text, span, 420);
  const squashedQuote = squash(quote);
  const chunk = chunksOf(corpus.chunks, meta.id).find((c) => squashedChunks.get(c, () => squash(c.text)).includes(squashedQuote));
  const citation: Citation = {
    n: 1,
    source: meta.source,
    title: displayTitle(meta),
    ...(meta.docNumber ? { docNumber: meta.docNumber } : {}),
    ...(meta.issuer ? { issuer: meta.issuer } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    ...(chunk ? quoteSection(chunk, quote) : { section: '' }),
    ...(chunk ? sectionTitles(chunk) : { sectionTitle: '' }),
    ...(place?.sectionTitle ? place : {}),
    quote,
    score: 1,
    ...(meta.ocr ? { ocr: true } : {}),
    ...readingOf(text, reading, quote),
    docId: meta.id,
  };
  const where = documentLine(meta);
  const lines = [`Theo ${where}: ${fact}`, quoteLines(citation)];
  if (meta.ocr) lines.push('', OCR_NOTE);
  return { answered: true, answer: lines.join('\n'), citations: [citation] };
}
