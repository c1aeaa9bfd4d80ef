/**
 * Chat shorthand, as cadres type on a phone ("đc", "ko", "bn", "KH22", "TW"),
 * expanded to the words the documents use, before any other analysis. Only
 * whole words, and only forms that are unambiguous in a question.
 */
import { looksEnglish } from './glossary.js';
import { fold } from './fold.js';

const WORDS: Record<string, string> = {
  ko: 'không', k: 'không', hok: 'không', hông: 'không', khg: 'không', kg: 'không',
  dc: 'được', đc: 'được', dk: 'được', đk: 'được',
  bn: 'bao nhiêu', bnh: 'bao nhiêu', bnhieu: 'bao nhiêu', nhiu: 'nhiêu',
  j: 'gì', ntn: 'như thế nào', vs: 'với', ng: 'người', tg: 'thời gian',
  cb: 'cán bộ', dv: 'đảng viên', đv: 'đảng viên', cbcc: 'cán bộ công chức',
  z: 'vậy', hn: 'hội nghị', vb: 'văn bản', cq: 'chính quyền', mxh: 'mạng xã hội', xd: 'xây dựng', vh: 'văn hóa', btv: 'Ban Thường vụ', bch: 'Ban Chấp hành', bcv: 'báo cáo viên', ub: 'Ủy ban',
};

/**
 * Everyday words for what directives write formally: "gặp chuyện phức tạp" is "vấn đề", "làm xong" is
 * "hoàn thành", "tiền" is "kinh phí" (only accented words where the bare form is another word: "chuyen", "bot",
 * "tien"). They are ALTERNATIVES of the typed word, not words the asker wrote: the question's kinds are read
 * without them ("thu tiền theo kỳ mấy tháng" asks a period, not an amount), and a sentence writing either
 * form holds the one word. `+` keeps the typed word in the searched text too (the documents write both).
 */
const EVERYDAY_WORDS: Record<string, string> = {
  online: 'trực tuyến', zoom: 'trực tuyến', offline: 'trực tiếp', deadline: 'thời hạn',
  chuyện: 'vấn đề', xong: 'hoàn thành', bớt: 'giảm', tiền: '+kinh phí', sếp: 'lãnh đạo', nộp: '+gửi',
};

/** Acronyms the documents also write as such ("UBND tỉnh"): kept, with their expansion added. */
const ACRONYMS: Record<string, string> = {
  tw: 'Trung ương', ubnd: 'Ủy ban nhân dân', hdnd: 'Hội đồng nhân dân', hđnd: 'Hội đồng nhân dân',
  mttq: 'Mặt trận Tổ quốc', tttt: 'Thông tin và Truyền thông', vhttdl: 'Văn hóa Thể thao và Du lịch', tp: 'thành phố',
  btg: 'Ban Tuyên giáo', tgdv: 'Tuyên giáo và Dân vận', xdđ: 'xây dựng Đảng', xdd: 'xây dựng Đảng', đbqh: 'đại biểu Quốc hội',
  dbqh: 'đại biểu Quốc hội', pctn: 'phòng, chống tham nhũng', cntt: 'công nghệ thông tin', cđs: 'chuyển đổi số',
  ttxvn: 'Thông tấn xã Việt Nam', vov: 'Đài Tiếng nói Việt Nam', vtv: 'Đài Truyền hình Việt Nam', bcđ: 'Ban Chỉ đạo',
};

/** Phrases: "mấy tiếng" is hours, "hồi nào / lúc nào" is when, "họp" is a conference. */
const PHRASES: Array<[RegExp, string]> = [
  [/\b(mấy|bao nhiêu|may|bao nhieu) (tiếng|tieng)\b/giu, '$1 giờ'],
  // "mấy lần một năm": how often; directives head that "Tần suất".
  [/(^|[^\p{L}])(mấy|bao nhiêu|may|bao nhieu) (lần|lan)(?![\p{L}])/giu, '$1$2 $3⟦+tần suất⟧'],
  // "được nói bao lâu": at a conference, speaking for a length of time is "phát biểu".
  [/(^|[^\p{L}])(nói|noi)(?=\s+(?:bao lâu|bao lau|mấy|may|tối đa|toi da|không quá|khong qua|trong)(?![\p{L}]))/giu, '$1$2⟦phát biểu⟧'],
  // …but "xa hoi nao" is "xã hội nào" (which society / social network).
  [/\b(hồi nào|lúc nào|(?<!\bxa\s)hoi nao|luc nao)\b/giu, 'khi nào'],
  // Unaccented "hop" is also "hợp" (hợp tác, phối hợp, phù hợp): only a bare "hop" that no such word follows
  // or precedes ("truong hop nao" is "trường hợp nào", a condition, not a meeting).
  [/(^|[^\p{L}])(?<!(?:^|[^\p{L}])(?:truong|phoi|phu|tong|thich|ket|lien|hon|hoa|to)\s+)(họp|hop)(?![\p{L}])(?!\s+(?:tac|ly|le|phap|dong|nhat|thanh|tinh|chuan|luc|ngu|khoi)\b)/giu, '$1$2⟦+hội nghị⟧'],
  // "TT&TT", "TG&DV": an acronym written with an ampersand is the same acronym.
  [/\b(TT|TG)\s*[&-]\s*(TT|DV)\b/giu, '$1$2'],
  // "… ko bn?", "bn ơi": "bn" closing a yes/no question or calling out is "bạn" (you), not "bao nhiêu".
  [/(^|[^\p{L}])(ko|không|khong|k|hok|hông|chưa|chua|j|gì|gi|ko vậy|ko z)\s+bn\s*([?.!]*)\s*$/giu, '$1$2$3'],
  [/^\s*(bn|bạn|ban)\s+(ơi|oi)\b[,!]?/giu, ''],
  // "AI" in capitals is artificial intelligence, not "ai" (who).
  [/\bAI\b/gu, 'trí tuệ nhân tạo'],
  // "KH22", "QĐ100": a document type glued to its number.
  [/\b(KH|QĐ|QD|NQ|KL|HD|CT)(\d{1,4})\b/giu, '$1 $2'],
];

/** Type codes written as words ("NQ 14", "cái KH đó"), never inside a reference like "22-KH/TU". */
const TYPE_CODES: Record<string, string> = { kh: 'Kế hoạch', nq: 'Nghị quyết', qđ: 'Quy định', qd: 'Quy định', kl: 'Kết luận', ct: 'Chỉ thị', hd: 'Hướng dẫn' };
// Lowercase only where unambiguous: "ct" and "kl" are also chat for "công tác", "kết luận"…
const TYPE_CODE = /(?<![-/\p{L}\p{N}])(KH|NQ|QĐ|QD|KL|CT|HD|Kh|Nq|Qđ|Qd|Hd|kh|nq|qđ|qd|hd)(?![-/\p{L}\p{N}])/gu;

/** The acronyms kept beside their expansion: a question's "UBND" is searched, but the words say what it means. */
export function isExpandedAcronym(folded: string): boolean {
  return ACRONYM_LENGTHS.has(folded);
}

/** Folded acronym → the number of words of its expansion ("hdnd" → 4: Hội đồng nhân dân). */
const ACRONYM_LENGTHS = new Map(Object.entries(ACRONYMS).map(([k, expansion]) => [k.replace(/đ/g, 'd'), expansion.match(/[\p{L}\p{N}]+/gu)?.length ?? 0]));

/** Folded expansions of the acronyms kept beside them, as words, longest first ("uy ban nhan dan" → "ubnd"). */
const EXPANSIONS = Object.entries(ACRONYMS)
  .map(([k, expansion]) => ({ acronym: k.replace(/đ/g, 'd'), words: fold(expansion).match(/[a-z0-9]+/g) ?? [] }))
  .filter((e, i, all) => all.findIndex((o) => o.acronym === e.acronym) === i)
  .sort((a, b) => b.words.length - a.words.length);

/**
 * Folded words with each spelled-out acronym written as the acronym ("dang uy uy ban nhan dan tinh" →
 * "dang uy ubnd tinh"): a body's name reads the same however a text spells it. From word `from`, and only
 * the first `limit` words out (a sentence's opening is all a heading test reads).
 */
export function contractAcronyms(words: string[], from = 0, limit = Infinity): string[] {
  const out: string[] = [];
  for (let i = from; i < words.length && out.length < limit; ) {
    const hit = EXPANSIONS.find((e) => e.words.length > 1 && e.words.every((w, k) => words[i + k] === w));
    if (hit) {
      out.push(hit.acronym);
      i += hit.words.length;
    } else out.push(words[i++]!);
  }
  return out;
}

/** The number of words an acronym kept beside its expansion is spelled out in ("hdnd" → 4: Hội đồng nhân dân). */
export function acronymLength(folded: string): number {
  return ACRONYM_LENGTHS.get(folded) ?? 0;
}

/** A folded Vietnamese syllable: onset, vowels, coda. */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/**
 * A word typed in Telex with the keyboard switched off ("dduoc", "docj", "guiwr"):
 * its letters without the tone key and with "dd/aa/ee/oo/aw/ow/uw" read as the
 * letters they make. Only when the result is a Vietnamese syllable and the word
 * shows Telex keys; the folded form is enough for matching.
 */
export function untelex(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length < 3 || SYLLABLE.test(word)) return word;
  if (!/dd|aa|ee|oo|w|[a-z][sfrxj]/.test(word)) return word;
  let out = word.replace(/^dd/, 'd').replace(/aa|ee|oo/g, (m) => m[0]!);
  // "w" marks the a/o/u before it (ă, ơ, ư); alone it is "ư".
  out = out.replace(/w/g, /[aou]/.test(out.replace(/w/g, '')) ? '' : 'u');
  if (SYLLABLE.test(out)) return out;
  // The tone key: anywhere after the first letter ("docj", "chusc").
  for (let i = 1; i < out.length; i++) {
    if (!'sfrxj'.includes(out[i]!)) continue;
    const without = out.slice(0, i) + out.slice(i + 1);
    if (SYLLABLE.test(without)) return without;
  }
  return word;
}

/**
 * A question with its shorthand read: spellings replaced ("bn" → "bao nhiêu", "KH22" → "Kế hoạch 22", "UBND" →
 * "UBND Ủy ban nhân dân"), and each everyday word followed by its alternative in marks: "tiền⟦+kinh phí⟧"
 * (the documents write both), "xong⟦hoàn thành⟧" (the documents write the alternative). Read it with
 * typedForm (what the asker wrote), searchForm (what retrieval searches) and alternativesIn.
 */
export function markShorthand(text: string): string {
  let out = text.normalize('NFC');
  // Telex leftovers, only in a question written without diacritics.
  if (!/[^\x00-\x7f]/.test(out) && !looksEnglish(out)) out = out.replace(/[a-z]+/gi, (w) => (w === w.toLowerCase() ? untelex(w) : w));
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  out = out.replace(TYPE_CODE, (code) => TYPE_CODES[code.toLowerCase()]!);
  // Words already marked ("họp⟦+hội nghị⟧") keep their marks; the rest are read word by word.
  return out
    .split(/(⟦[^⟧]*⟧)/u)
    .map((part) =>
      part.startsWith('⟦')
        ? part
        : part.replace(/[\p{L}\p{N}]+/gu, (word) => {
            const key = word.toLowerCase();
            if (EVERYDAY_WORDS[key]) return `${word}⟦${EVERYDAY_WORDS[key]}⟧`;
            return WORDS[key] ?? (ACRONYMS[key] ? `${word} ${ACRONYMS[key]}` : word);
          }),
    )
    .join('');
}

const MARK = /⟦(\+?)([^⟧]*)⟧/gu;

/** A marked question as the asker wrote it, spellings read, without alternatives: what its kinds are read on. */
export function typedForm(marked: string): string {
  return marked.replace(MARK, '');
}

/** A marked question as retrieval searched it: each alternative beside (`+`) or instead of its word. */
export function searchForm(marked: string): string {
  return marked.replace(/([\p{L}\p{N}]+)⟦(\+?)([^⟧]*)⟧/gu, (_, word: string, beside: string, alternative: string) => (beside ? `${word} ${alternative}` : alternative));
}

/**
 * The alternatives of a marked question's words, folded, by the index of the word in foldedSyllables(typedForm):
 * "nộp⟦+gửi⟧ hồ sơ" → {0: ["gui"]}.
 */
export function alternativesIn(marked: string, foldWords: (text: string) => string[]): Map<number, string[]> {
  const found = new Map<number, string[]>();
  let typed = '';
  let at = 0;
  for (const m of marked.matchAll(MARK)) {
    typed += marked.slice(at, m.index);
    at = m.index + m[0].length;
    const index = foldWords(typed).length - 1;
    const alternative = foldWords(m[2]!).join(' ');
    if (index >= 0 && alternative) found.set(index, [...(found.get(index) ?? []), alternative]);
  }
  return found;
}

/** Shorthand expanded into the documents' words, alternatives written out (searchForm of markShorthand). */
export function expandShorthand(text: string): string {
  return searchForm(markShorthand(text));
}
