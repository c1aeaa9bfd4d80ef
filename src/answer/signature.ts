/**
 * A document's signature block and number read from its own text, for documents whose metadata lacks them
 * (state documents laid out in two columns: "Nơi nhận" on the left, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) /
 * name" on the right; Party documents: "T/M BAN THƯỜNG VỤ / BÍ THƯ / name"). Spans are offsets in the text,
 * so the quote stays verbatim.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * The segments of a line: columns are separated by three or more spaces, or (when cleaning collapsed the
 * spaces) by the space after a list item's ";", ":", ")" or "." (not the "." of "TM.", "KT.") ("- Lưu: VT; Ngô Văn Bảy").
 */
function segments(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  const line = text.slice(from, to);
  let at = 0;
  for (const sep of [...line.matchAll(/\s{3,}|(?<=[;:)]|(?<!\b(?:TM|KT|TL|TUQ))\.)\s+/g), { index: line.length, 0: '' }]) {
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

/** A title in a signing block: "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "CHÁNH VĂN PHÒNG" (capitals). */
const POSITION = /^(?:(?:K\/T|T\/M|TM\.|KT\.|TL\.|TUQ\.)\s*)?[\p{Lu}][\p{Lu}\s.]{3,40}$/u;
/** Capital words (two or more) ending a segment, with the block's prefix: "TM. ỦY BAN NHÂN DÂN". */
const TRAILING_TITLE = /(?:(?:K\/T|T\/M|TM\.|KT\.|TL\.|TUQ\.)\s*)?\p{Lu}{2,}(?:\s+\p{Lu}{2,})+$/u;
/** A numbered heading ("IV. TỔ CHỨC THỰC HIỆN"), not a title. */
const SECTION_HEADING = /^(?:[IVXL]+|\d+)\s*[.)]/;
/** Lines from a block's first title to its name. */
const BLOCK_LINES = 8;
/** A person's name: two to five capitalised words ("Ngô Văn Bảy"), nothing else on the segment. */
const NAME = /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){1,4}$/u;
/** Capitalised words that open list items or labels, not names. */
const NOT_NAME = /^(Nơi|Lưu|Như|Các|Ban|Sở|Phòng|Ủy|Uỷ|Trung|Văn|Hội|Đảng|Chi|Thường|Báo|Đoàn|Trưởng)\b/u;

/** The signer's name (after a title within the document's last lines) and the titles above it. */
export function signatureOf(text: string): { name: Span; titles: string[] } | undefined {
  const lines: Array<[number, number]> = [];
  for (let i = 0, at = 0; at <= text.length; i++) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    lines.push([at, stop]);
    if (end < 0) break;
    at = end + 1;
  }
  const tail = lines.slice(-40);
  let titles: Array<[number, string]> = [];
  let found: { name: Span; titles: string[] } | undefined;
  tail.forEach(([from, to], line) => {
    // A numbered heading line ("IV. TỔ CHỨC THỰC HIỆN") holds no title.
    const heading = SECTION_HEADING.test(text.slice(from, to).trim());
    for (const seg of segments(text, from, to)) {
      // A scan may run the columns together: the title is then the capitals ending the segment ("…; CHỦ TỊCH").
      const title = POSITION.test(seg.text) ? seg.text : TRAILING_TITLE.exec(seg.text)?.[0];
      if (title && !heading && /\p{Lu}{2}/u.test(title)) titles.push([line, title.trim()]);
      else {
        // The titles of one block stand within a few lines above the name.
        titles = titles.filter(([at]) => line - at <= BLOCK_LINES);
        if (titles.length && NAME.test(seg.text) && !NOT_NAME.test(seg.text)) {
          found = { name: seg, titles: titles.map(([, t]) => t) };
          titles = [];
        }
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
