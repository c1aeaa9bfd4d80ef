/**
 * A document's signature block and number read from its own text, for documents whose metadata lacks them
 * (state documents laid out in two columns: "Nơi nhận" on the left, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) /
 * name" on the right; Party documents: "T/M BAN THƯỜNG VỤ / BÍ THƯ / name"). Spans are offsets in the text,
 * so the quote stays verbatim.
 */
import { fold } from '../text/fold.js';
import { SURNAMES } from '../text/surnames.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * The segments of a line: columns are separated by three or more spaces, or (when cleaning collapsed the
 * spaces) by the space after a list item's ";", ":", ")" or "." (not the "." of "TM.", "KT.") ("- Lưu: VT; Ngô Văn Bảy").
 */
export function segments(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  const line = text.slice(from, to);
  let at = 0;
  for (const sep of [...line.matchAll(/\s{3,}|\s*\|\s*|\t+|(?<=[;:)]|(?<!\b(?:TM|KT|TL|TUQ|Q|T\.M|K\.T))\.)\s+/g), { index: line.length, 0: '' }]) {
    const part = line.slice(at, sep.index);
    const trimmed = part.trim();
    if (trimmed) {
      const start = from + at + part.indexOf(trimmed);
      out.push({ start, end: start + trimmed.length, text: trimmed });
    }
    at = sep.index! + sep[0]!.length;
  }
  return out;
}

/** "TM.", "T/M", "KT.", "K/T", "TL.", "T/L", "TUQ.", "Q.": the block signs on someone's behalf. */
const ON_BEHALF = '(?:K\\/T|T\\/M|T\\/L|TM\\.|KT\\.|TL\\.|TUQ\\.|Q\\.|T\\.M\\.?|K\\.T\\.?)';
/** A title in a signing block: "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "CHÁNH VĂN PHÒNG" (capitals). */
const POSITION = new RegExp(`^(?:${ON_BEHALF}\\s*)?[\\p{Lu}][\\p{Lu}\\s.,-]{3,60}$`, 'u');
/** Capital words (two or more) ending a segment, with the block's prefix: "TM. ỦY BAN NHÂN DÂN". */
const TRAILING_TITLE = new RegExp(`(?:${ON_BEHALF}\\s*)?\\p{Lu}{2,}(?:\\s+\\p{Lu}{2,})+$`, 'u');
/**
 * Words that make capitals a position or the body signed for ("CHỦ TỊCH", "BÍ THƯ", "TRƯỞNG BAN", "ỦY BAN NHÂN
 * DÂN", "GIÁM ĐỐC"), folded: a chapter heading in capitals ("ĐIỀU KHOẢN THI HÀNH") has none.
 */
const POSITION_WORD = /\b(?:chu tich|bi thu|truong|pho|giam doc|chanh|thu truong|chi huy|uy vien|ban|uy ban|dang uy|huyen uy|tinh uy|thanh uy|hoi dong|van phong|can bo|hieu truong|tong|chu nhiem|thuong truc|thuong vu|uy|chi bo|doan|cong doan|mat tran|so|phong)\b/;
/** A numbered heading ("IV. TỔ CHỨC THỰC HIỆN", "Chương IV"), not a title. */
const SECTION_HEADING = /^(?:[IVXL]+|\d+)\s*[.)]|^(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[IVXL\d]+/u;
/** Lines from a block's first title to its name (a scan that merged the columns puts the recipients between). */
const BLOCK_LINES = 12;
/** Lines between two titles of one block (a blank line, a scan's stray line). */
const TITLE_GAP = 3;
/** "Nơi nhận:" (a scan's "Noi nhén:"): the block stands beside or after it. */
const RECIPIENTS = /^\s*[*_]*\s*N\S{0,2}i\s+nh\S{1,3}n\b/u;
/** A person's name: two to five capitalised words ("Ngô Văn Bảy", "Giàng A Páo"), nothing else on the segment. */
const NAME = /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}*){1,4}$/u;
/** A rank or degree written before the name ("Đại tá", "TS.", "ThS."): not part of it. */
const NAME_PREFIX = /^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tá|úy|uý|tướng)|(?:PGS\.\s*|GS\.\s*)?(?:TS|ThS|BS|KS|CN|TS\.BS|BSCKII|BSCKI)\.|Đồng chí|Ông|Bà)\s+/u;
/** Capitalised words that open list items or labels, not names. */
const NOT_NAME = /^(Nơi|Lưu|Như|Các|Ban|Sở|Phòng|Ủy|Uỷ|Trung|Văn|Hội|Đảng|Chi|Thường|Báo|Đoàn|Trưởng|Phó|Chủ|Bí|Giám|Chánh|Đã|Kính|Công|Cục|Tỉnh|Huyện|Xã|Phường|Thị|Thành)\b/u;
/** Markdown emphasis and table bars around a segment ("**Nguyễn Văn A**", "| *(Đã ký)* |"): not text. */
const MARKUP = /^[\s*_#>|]+|[\s*_|]+$/g;

/** The segment without the markup around it, its span moved to match. */
function unmarked(seg: Span): Span {
  const lead = /^[\s*_#>|]*/.exec(seg.text)![0].length;
  const text = seg.text.replace(MARKUP, '');
  return { start: seg.start + lead, end: seg.start + lead + text.length, text };
}

/** The name in a segment, past a rank or degree ("Đại tá Nguyễn Văn A" → "Nguyễn Văn A"), as a span. */
function nameIn(seg: Span, surnames: ReadonlySet<string>): Span | undefined {
  const prefix = NAME_PREFIX.exec(seg.text)?.[0].length ?? 0;
  const text = seg.text.slice(prefix);
  const capitals = text === text.toUpperCase();
  // A name in capitals ("NGUYỄN VĂN AN") is told from a title by its surname and the absence of position words.
  const named = capitals ? /^\p{Lu}+(?:\s\p{Lu}+){1,4}$/u.test(text) && surnames.has(text.split(/\s/)[0]!.toLowerCase()) && !POSITION_WORD.test(fold(text).toLowerCase()) : NAME.test(text) && !NOT_NAME.test(text);
  return named ? { start: seg.start + prefix, end: seg.end, text } : undefined;
}

/** A scan that ran the two columns together ends a recipients line with the name: "- Các xã, phường, Trần Văn A". */
function trailingName(seg: Span, surnames: ReadonlySet<string>): Span | undefined {
  const m = /[,;]\s*([^,;]+)$/.exec(seg.text);
  if (!m) return undefined;
  const start = seg.start + m.index + m[0].length - m[1]!.length;
  return nameIn({ start, end: seg.end, text: m[1]! }, surnames);
}

export interface Signature {
  name: Span;
  /** The titles above the name, as written ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"). */
  titles: string[];
  titleSpans: Span[];
  /** From the first title's line to the name's line, when those lines hold nothing but the block ("(Đã ký)"). */
  block?: { start: number; end: number };
}

/** "(Đã ký)", "(ký, đóng dấu)", "[đã ký]", a seal's note: lines a block may hold between its titles and name. */
const SIGNED_NOTE = /^[([]?\s*(?:đã\s+ký|ký|da\s+ky|ky)(?!\p{L})[^)\]]*[)\]]?$|^\(?\s*(?:chữ ký|dấu)(?!\p{L})/iu;

/**
 * The signer's name (after a title within the document's last lines) and the titles above it. The last block of
 * the document wins (a decision's attached rules may repeat it); a name is never taken from a recipients list
 * without a title line above it.
 */
export function signatureOf(text: string, surnames: ReadonlySet<string> = SURNAMES): Signature | undefined {
  const lines: Array<[number, number]> = [];
  for (let i = 0, at = 0; at <= text.length; i++) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    lines.push([at, stop]);
    if (end < 0) break;
    at = end + 1;
  }
  // From the last recipients list (a few lines before it: a block may stand above it), else the last lines.
  let from = -1;
  for (let i = lines.length - 1; i >= 0 && from < 0; i--) if (RECIPIENTS.test(text.slice(lines[i]![0], lines[i]![1]))) from = i;
  const tail = from >= 0 ? lines.slice(Math.max(0, from - 10), from + 60) : lines.slice(-60);
  let titles: Array<[number, Span]> = [];
  let found: Signature | undefined;
  tail.forEach(([from, to], line) => {
    // A numbered heading line ("IV. TỔ CHỨC THỰC HIỆN", "Chương I" of attached rules) holds no title and no name.
    const heading = SECTION_HEADING.test(text.slice(from, to).replace(MARKUP, ''));
    for (const raw of segments(text, from, to)) {
      const seg = unmarked(raw);
      if (!seg.text) continue;
      const name = titles.length && !heading ? (nameIn(seg, surnames) ?? trailingName(seg, surnames)) : undefined;
      // A scan may run the columns together: the title is then the capitals ending the segment ("…; CHỦ TỊCH").
      const title = name ? undefined : POSITION.test(seg.text) ? seg.text : TRAILING_TITLE.exec(seg.text)?.[0];
      if (title && !heading && /\p{Lu}{2}/u.test(title) && (new RegExp(`^${ON_BEHALF}`, 'u').test(title) || POSITION_WORD.test(fold(title).toLowerCase()))) {
        const start = seg.start + seg.text.length - title.length;
        // A block's titles stand on consecutive lines: capitals further below start another block.
        if (titles.length && line - titles[titles.length - 1]![0] > TITLE_GAP) titles = [];
        titles.push([line, { start, end: seg.end, text: title.trim() }]);
        continue;
      }
      // The titles of one block stand within a few lines above the name.
      titles = titles.filter(([at]) => line - at <= BLOCK_LINES);
      if (titles.length && name) {
        const [firstFrom, firstTo] = tail[titles[0]![0]]!;
        const titleSegment = (seg: Span) => titles.some(([, t]) => t.start >= seg.start && t.end <= seg.end && t.text.length === seg.text.length);
        const nameSegment = (seg: Span) => seg.start <= name.start && seg.end >= name.end;
        // Every segment from the first title to the name belongs to the block: the quote can be the block itself.
        const clean = tail
          .slice(titles[0]![0], line + 1)
          .every(([a, b]) => segments(text, a, b).map(unmarked).every((seg) => !seg.text || titleSegment(seg) || nameSegment(seg) || SIGNED_NOTE.test(seg.text)));
        const indent = text.slice(firstFrom, firstTo).length - text.slice(firstFrom, firstTo).trimStart().length;
        // Markup between the lines ("**BÍ THƯ**") is not text: such a block is quoted by its name alone.
        const marked = /[*_|#]/.test(text.slice(firstFrom + indent, name.end));
        found = { name, titles: titles.map(([, t]) => t.text), titleSpans: titles.map(([, t]) => t), ...(clean && !marked ? { block: { start: firstFrom + indent, end: name.end } } : {}) };
        titles = [];
      }
    }
  });
  return found;
}

/** "Số: 03/CT-UBND", "Số 22-KH/TU" in the document's first lines: the number as written. */
const NUMBER = /\bS[ốo]\s*:?\s*(\d{1,4}\s*[/-]\s*[\p{L}Đđ]{1,8}(?:\s*[/-]\s*[\p{L}Đđ\d]{1,10}){0,2})/u;

export function headerNumberOf(text: string): Span | undefined {
  const head = text.slice(0, 1500);
  const m = NUMBER.exec(head);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length, text: m[1]! };
}
