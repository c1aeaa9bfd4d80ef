/**
 * The Vietnamese document types vanban reads, written once: their names, their
 * folded forms (how questions and headers are matched) and the codes their numbers
 * carry ("22-KH/TU", "45/KH-UBND", "30/2020/NĐ-CP").
 */
import { fold } from './fold.js';

export interface DocumentType {
  /** As written in a citation: "Kế hoạch". */
  name: string;
  /** Accent-folded, lowercase: "ke hoach". */
  folded: string;
  /** The code in document numbers: "KH". Folded, uppercase (Đ → D). */
  code: string;
  /** Other codes and short forms seen in numbers and questions ("QĐi" for a Party Quy định). */
  aliases: string[];
  /** Issued attached to a decision ("ban hành kèm theo Quyết định …"), with articles of its own. */
  attachable?: boolean;
  /** Titled by a name after the type ("LUẬT VIÊN CHỨC" → Luật Viên chức), not by a trích yếu. */
  named?: boolean;
}

const NAMED = new Set(['Hiến pháp', 'Bộ luật', 'Luật']);

const TYPES: Array<[name: string, code: string, aliases?: string[], attachable?: boolean]> = [
  ['Hiến pháp', 'HP'],
  ['Bộ luật', 'BLU'],
  ['Luật', 'LUAT'],
  ['Nghị quyết', 'NQ'],
  ['Nghị định', 'ND'],
  ['Thông tư', 'TT'],
  ['Quyết định', 'QD'],
  ['Quy chế', 'QC', [], true],
  ['Quy định', 'QD', ['QDI'], true],
  ['Chỉ thị', 'CT'],
  ['Kết luận', 'KL'],
  ['Thông báo', 'TB'],
  ['Kế hoạch', 'KH'],
  ['Hướng dẫn', 'HD', [], true],
  ['Chương trình', 'CTR', [], true],
  ['Phương án', 'PA', [], true],
  ['Đề án', 'DA', [], true],
  ['Công văn', 'CV'],
  ['Báo cáo', 'BC'],
  ['Tờ trình', 'TTR'],
  ['Công điện', 'CĐ'],
  ['Điều lệ', 'ĐL', [], true],
  ['Nội quy', 'NQY', [], true],
];

export const DOCUMENT_TYPES: readonly DocumentType[] = TYPES.map(([name, code, aliases = [], attachable]) => ({
  name,
  folded: fold(name),
  code: fold(code).toUpperCase(),
  aliases,
  ...(attachable ? { attachable } : {}),
  ...(NAMED.has(name) ? { named: true } : {}),
}));

/** Longest names first: "bo luat dan su" is a Bộ luật, not a Luật. */
const BY_LENGTH = [...DOCUMENT_TYPES].sort((a, b) => b.folded.length - a.folded.length);

/**
 * The type a folded header line names, if it is a type line: "ke hoach"; "quy che lam viec"
 * (a Quy chế with two more words); "luat vien chuc" (a law: `name` is the rest, "vien chuc").
 */
export function typeOfTitleLine(foldedLine: string): { type: DocumentType; rest: string } | undefined {
  const line = foldedLine.replace(/\s+/g, ' ').trim();
  for (const type of BY_LENGTH) {
    if (line === type.folded) return { type, rest: '' };
    if (!line.startsWith(`${type.folded} `)) continue;
    const rest = line.slice(type.folded.length + 1);
    if (type.named || (type.attachable && rest.split(' ').length <= 2)) return { type, rest };
  }
  return undefined;
}

/** The type whose name is `folded` exactly. */
export function typeByFoldedName(folded: string): DocumentType | undefined {
  return DOCUMENT_TYPES.find((t) => t.folded === folded);
}
