/**
 * Vietnam's provinces and centrally-run cities (the 63 before the 2025 merger; the 34 after it keep
 * names from among them), as a gazetteer: "Lai Châu quy định …" names a province whether or not the
 * corpus ever writes it, so a near-miss about another province can be told from a question about ours.
 */
import { fold } from './fold.js';

export const PROVINCE_NAMES = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre', 'Bình Định', 'Bình Dương',
  'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cần Thơ', 'Cao Bằng', 'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên', 'Đồng Nai',
  'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương', 'Hải Phòng', 'Hậu Giang', 'Hòa Bình',
  'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Long An', 'Nam Định',
  'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh',
  'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên Huế', 'Tiền Giang',
  'Hồ Chí Minh', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
];

/** Capitalised as written ("Lai Châu"). */
const WRITTEN = new RegExp(`(?<![\\p{L}])(${PROVINCE_NAMES.map((n) => n.replace(/ - /g, '\\s*-\\s*')).join('|')})(?![\\p{L}])`, 'gu');
const FOLDED = PROVINCE_NAMES.map((n) => fold(n).replace(/\s*-\s*/g, ' '));
/** Words after which a folded name is a place: "tỉnh (ủy) …", "thành phố / tp …", "ở / tại / của …", English "in / of …", or the question's start. */
const PLACE_MARKS = new Set(['', 'tinh', 'uy', 'pho', 'tp', 'o', 'tai', 'cua', 'in', 'of']);

/**
 * The provinces a question names, folded ("lai chau"). With diacritics, as capitalised names ("Hòa Bình",
 * not "hòa bình"); without them, only after a word that marks a place ("tinh lai chau", "o son la"),
 * since "hoa binh" or "nam dinh" could be common words there.
 */
export function namedProvinces(question: string): string[] {
  const found = new Set<string>();
  for (const m of question.normalize('NFC').matchAll(WRITTEN)) found.add(fold(m[1]!).replace(/\s*-\s*/g, ' '));
  if (!/[^\x00-\x7f]/.test(question)) {
    const folded = ` ${fold(question).replace(/[^a-z0-9]+/g, ' ').trim()} `;
    for (const name of FOLDED) {
      for (let at = folded.indexOf(` ${name} `); at >= 0; at = folded.indexOf(` ${name} `, at + 1)) {
        if (PLACE_MARKS.has(folded.slice(0, at).split(' ').pop()!)) found.add(name);
      }
    }
  }
  return [...found];
}
