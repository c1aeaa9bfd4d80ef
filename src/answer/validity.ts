/**
 * What a document says about its own validity: when it takes effect ("Quyết định này có hiệu lực kể từ
 * ngày ký", "Phương án được thực hiện từ ngày 01/01/2027", "Quy chế áp dụng từ …") and which earlier
 * document it replaces ("… thay thế Quyết định số 96/QĐ-UBND ngày 20/4/2023", "bãi bỏ …"). Read from the
 * document's sentences (Party and state formats alike), quoted verbatim; never inferred.
 */
import { fold } from '../text/fold.js';
import { findDocRefs } from '../text/doc-refs.js';
import { DOCUMENT_TYPES } from '../text/document-types.js';
import type { Chunk, DocumentMeta } from '../types.js';
import { displayDate } from './format.js';

export type ValidityKind = 'effective' | 'replaces';

/** A sentence of a chunk that states the document's effect or what it replaces. */
export interface ValidityStatement {
  chunk: Chunk;
  span: { start: number; end: number };
  /** The sentence's subject is the document itself ("Quyết định này …"), not a document it cites. */
  itself: boolean;
  /** The answer's own words: "có hiệu lực kể từ ngày ký (08/04/2026)", "Quyết định số 96/QĐ-UBND …". */
  fact: string;
}

const TYPE_NAMES = DOCUMENT_TYPES.map((t) => t.folded)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** "có hiệu lực (thi hành) (kể) từ ngày …", "áp dụng từ …", "thực hiện từ ngày …", "thi hành kể từ …" (folded). */
const TAKES_EFFECT = /\b(co hieu luc(?: thi hanh)?|hieu luc|ap dung|thuc hien|thi hanh|trien khai)(?: (?:ke|tinh))? tu (ngay|khi|thoi diem)\b/;
/** "… kể từ ngày ký / ngày ban hành": the date is the document's own. */
const FROM_SIGNING = /\btu (?:ngay|khi) (ky|ban hanh)\b/;
/** A date written in the sentence ("01/01/2027", "ngày 15 tháng 10 năm 2026"). */
const DATE = /\b\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}\b|\bng[aà]y\s+\d{1,2}\s+th[aá]ng\s+\d{1,2}\s+n[aă]m\s+\d{4}\b/iu;
/** "thay thế Quyết định số …", "bãi bỏ …", "… hết hiệu lực" (folded). */
const REPLACES = /\b(thay the|bai bo|het hieu luc)\b/;

/** The sentence's subject is the document itself ("Quyết định này …", "Phương án được thực hiện …"). */
function aboutItself(folded: string): boolean {
  return new RegExp(`^(?:[-+•]\\s*)?(?:dieu \\d+\\.?\\s*)?(?:${TYPE_NAMES}|van ban)\\b`).test(folded) || /^\S+(?: \S+){0,2} nay\b/.test(folded);
}

/** The document's statements of the kind asked, best first: about itself, then closer to the asked words. */
export function validityStatements(kind: ValidityKind, chunks: Chunk[], meta: DocumentMeta, askedFolded: string): ValidityStatement[] {
  const asksForce = /\bhieu luc\b|\beffect|\bforce\b/.test(askedFolded);
  const asksApply = /\bap dung\b|\bapply|\bapplies\b/.test(askedFolded);
  const found: Array<ValidityStatement & { rank: number }> = [];
  chunks.forEach((chunk, order) => {
    for (const span of chunk.sentences) {
      const sentence = chunk.text.slice(span.start, span.end);
      const folded = fold(sentence).toLowerCase();
      if (kind === 'effective') {
        const m = TAKES_EFFECT.exec(folded);
        if (!m) continue;
        const rank = (aboutItself(folded) ? 4 : 0) + (asksForce && /hieu luc/.test(m[1]!) ? 2 : 0) + (asksApply && m[1] === 'ap dung' ? 2 : 0) + order / 1000;
        const date = DATE.exec(sentence.slice(m.index))?.[0];
        const own = FROM_SIGNING.exec(folded.slice(m.index));
        if (!date && !own) continue;
        const phrase = m[1] === 'hieu luc' || m[1]!.startsWith('co hieu luc') ? 'Có hiệu lực' : 'Áp dụng';
        const signed = meta.date ? ` (${displayDate(meta.date)})` : '';
        const from = own ? `kể từ ngày ${own[1] === 'ban hanh' ? 'ban hành' : 'ký'}${signed}` : `từ ngày ${date!.replace(/\s+/g, '')}`;
        found.push({ chunk, span, itself: aboutItself(folded), fact: `${phrase} ${from}.`, rank });
      } else {
        const m = REPLACES.exec(folded);
        if (!m) continue;
        const refs = findDocRefs(sentence.slice(m.index)).filter((r) => !meta.docNumber || r.full !== findDocRefs(meta.docNumber)[0]?.full);
        if (!refs.length) continue;
        const rank = (aboutItself(folded) ? 4 : 0) + (m[1] === 'thay the' ? 2 : 0) + order / 1000;
        const named = /(?:thay thế|bãi bỏ)\s+([^;.]*?\d[^;.]*?)(?:[;.]|$)/iu.exec(sentence)?.[1]?.trim();
        found.push({ chunk, span, itself: aboutItself(folded), fact: named ? `${m[1] === 'bai bo' ? 'Bãi bỏ' : 'Thay thế'} ${named}.` : 'Văn bản nêu văn bản được thay thế:', rank });
      }
    }
  });
  return found.sort((a, b) => b.rank - a.rank).map(({ rank: _rank, ...s }) => s);
}
