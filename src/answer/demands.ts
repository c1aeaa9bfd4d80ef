/**
 * What a question asks for that a near-miss quote leaves out: a salary ("lương cơ sở"), a sanction
 * ("bị kỷ luật mức nào"), a rate per month or week ("mấy lần 1 tháng"), the administrative level
 * ("cấp huyện"), a prize rank ("giải A") or a count of people ("How many party members …"). A quote about the same topic
 * that does not state the thing asked for answers another question: the answerer refuses instead.
 */
import { fold } from '../text/fold.js';
import { foldedSyllables } from '../text/tokens.js';
import { withinOneEdit } from '../text/edit-distance.js';
import type { QueryAnalysis } from '../retrieval/query.js';
import { detectKinds } from '../question/registry.js';

export interface Demands {
  /** The question asks for pay (a salary, an allowance): the quote must write "lương" (not "lượng" of "số lượng"), "phụ cấp" … */
  salary: boolean;
  /** The question asks for a sanction: the quote must name one ("khiển trách", "xử lý kỷ luật", "phạt"). */
  sanction: boolean;
  /** "mỗi tháng / 1 tuần / hằng quý": the period a rate is counted over, which the quote must write. */
  period?: string;
  /** "cấp huyện / toàn huyện": levels the question is about; a quote naming only other levels is about those. */
  levels: string[];
  /** "trao giải A cho tác phẩm nào", "ai đạt giải nhất": the prize rank the quote must award. */
  prize?: string;
  /** "tổng giá trị giải thưởng bao nhiêu", "kinh phí": a sum of money, which the quote must state in a currency. */
  money: boolean;
}

/** Prize sums the money kind does not name ("tổng giá trị giải thưởng bao nhiêu", "trị giá"). */
const PRIZE_MONEY_ASKED = / (tong gia tri|gia tri (giai|giai thuong)|tri gia|muc thuong) /;
const MONEY_ASKED_EN = /(how much money|budget|funding|cost|prize money|worth|amount of money)/i;
/** A sum stated: a currency word, or digits grouped in thousands ("5.000.000"). */
const MONEY_STATED = /\d[\d.,]* ?(dong|d|trieu|ty|nghin|ngan)\b|\b(vnd|usd)\b|\d{1,3}(\.\d{3})+/;

/** Words before "lượng" that make it an amount, not a salary: "số lượng", "chất lượng", "thời lượng" … */
const AMOUNT_PREFIXES = ['so', 'chat', 'thoi', 'luc', 'khoi', 'nang', 'trong', 'ham', 'dung', 'thuong', 'lieu', 'luu', 'dai', 'san', 'dinh', 'do', 'tu', 'the', 'ban', 'uoc'];

const NOT_SALARY = ['thuc', 'tam', 'thien', 'y', 'duyen'];

/** "bị phạt", not "bị phát tán / phát hiện". */
const SANCTION_ASKED = /\b(bi|muc|xu ly|hinh thuc|thi hanh) k[iy] luat\b|\b(bi|muc|xu) phat\b(?! (tan|hien|bieu|dong|trien|sinh|thanh|hanh|ngon|huy|giac|thai))|\bphat tien\b/;
/** "speech discipline" is a rule, not a sanction; "disciplined / disciplinary action" asks one. */
const SANCTION_ASKED_EN = /\b(penalt(y|ies)|punish\w*|disciplined|disciplinary|sanction(s|ed)?|fined|(a|the) fine)\b/i;
/** A sanction stated: a form of discipline, a fine, or discipline as an act done to someone. */
const SANCTION_STATED = /\b(khien trach|canh cao|cach chuc|khai tru|xoa ten|phat tien|xu phat|bi phat|muc phat|(bi|xu ly|hinh thuc|thi hanh) k[iy] luat)\b/;

const PERIODS: Record<string, string> = { ngay: 'ngay', thang: 'thang', tuan: 'tuan', quy: 'quy', day: 'ngay', month: 'thang', week: 'tuan', quarter: 'quy', daily: 'ngay', monthly: 'thang', weekly: 'tuan', quarterly: 'quy' };
/** "mỗi tháng", "1 tuần", "hằng quý", "bao nhiêu một ngày": a rate's period (a year is every plan's default period). */
const PERIOD_ASKED = /\b(?:1|mot|moi|hang|trong mot|trong 1) (ngay|thang|tuan|quy(?! (?:dinh|che|mo|trinh|hoach|chuan|tac|luat|uoc|tu|trach))) /;
const PERIOD_ASKED_EN = /\b(?:per|a|each|every) (day|month|week|quarter)\b|\b(daily|monthly|weekly|quarterly)\b/i;

const PRIZE_ASKED = /\bgiai (a|b|c|nhat|nhi|ba|khuyen khich|dac biet)\b/;

const LEVEL_WORDS = ['tinh', 'huyen', 'xa', 'phuong', 'thon', 'co so', 'trung uong', 'quoc gia'];
/** "toàn xã hội" is society, not the commune. */
const LEVEL_ASKED = /\b(?:cap|toan) (tinh|huyen|xa(?! hoi)|phuong|thon|co so|trung uong|quoc gia)\b/g;
/** The national level is named without "cấp" too ("thi học sinh giỏi quốc gia", "giải quốc gia"). */
const NATIONAL_ASKED = / (quoc gia) /;
/** The level as the question's subject: "huyện được họp mấy lần" ("Huyện Tam Đường …" is a name). */
const SUBJECT_LEVEL = /^ (tinh|huyen|xa|phuong) (?:duoc|dc|phai|co|hop|to) /;

/** Pay other than a salary: an allowance, a remuneration, a bonus (folded). */
const PAY = / (phu cap|thu lao|tien thuong|tien cong) /;

/** The question's pay word: "phụ cấp", "lương", or "luong" written without accents and not part of "số lượng". */
function asksSalary(question: string, english: boolean): boolean {
  if (english) return /\b(salar(y|ies)|wages?|payroll|allowances?|remuneration|bonus(es)?)\b/i.test(question);
  if (PAY.test(` ${foldedSyllables(question).join(' ')} `)) return true;
  const raw = question.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // "lương thực / lương tâm / lương thiện" are food, conscience, honesty.
  return raw.some(
    (w, i) => (w === 'lương' || w === 'luong') && !(w === 'luong' && AMOUNT_PREFIXES.includes(fold(raw[i - 1] ?? ''))) && !NOT_SALARY.includes(fold(raw[i + 1] ?? '')),
  );
}

export function demandsOf(analysis: QueryAnalysis): Demands {
  // Read on the words typed: "tiền" said as a topic is not "kinh phí" asked.
  const question = analysis.english ? analysis.question : analysis.typed;
  const folded = ` ${foldedSyllables(question).join(' ')} `;
  const english = Boolean(analysis.english);
  const periodWord = english ? (PERIOD_ASKED_EN.exec(question)?.slice(1).find(Boolean)?.toLowerCase() ?? undefined) : PERIOD_ASKED.exec(folded)?.[1];
  return {
    salary: asksSalary(question, english),
    sanction: english ? SANCTION_ASKED_EN.test(question) : SANCTION_ASKED.test(folded),
    period: periodWord ? PERIODS[periodWord] : undefined,
    levels: english ? [] : [...new Set([...[...folded.matchAll(LEVEL_ASKED)].map((m) => m[1]!), ...(SUBJECT_LEVEL.exec(folded)?.slice(1) ?? []), ...(NATIONAL_ASKED.exec(folded)?.slice(1) ?? [])])],
    prize: english ? undefined : PRIZE_ASKED.exec(folded)?.[1],
    // Asked as a sum ("… bao nhiêu"), not as a topic ("có được chi vượt định mức không").
    money: english
      ? MONEY_ASKED_EN.test(question) && /\bhow much\b/i.test(question)
      : detectKinds(fold(question).toLowerCase()).some((k) => k.name === 'money') || (PRIZE_MONEY_ASKED.test(folded) && / (bao nhieu|may) /.test(folded)),
  };
}

export const hasDemands = (d: Demands) => d.salary || d.sanction || d.period !== undefined || d.levels.length > 0 || d.prize !== undefined || d.money;

/**
 * The quote (raw text, with the heading and document title around it for levels) states what the
 * question demands. Scanned text may misread a letter: a word of three letters or more matches
 * within one edit.
 */
export function meetsDemands(d: Demands, quote: string, around: string, ocr: boolean): boolean {
  const words = foldedSyllables(quote);
  const joined = ` ${words.join(' ')} `;
  const same = (w: string, term: string) => w === term || (ocr && term.length >= 3 && w.length >= 2 && withinOneEdit(term, w));
  if (d.salary) {
    const written = ocr
      ? words.some((w, i) => w === 'luong' && !AMOUNT_PREFIXES.some((p) => same(words[i - 1] ?? '', p)))
      : /(^|[^\p{L}])lương(?![\p{L}])/iu.test(quote.normalize('NFC'));
    if (!written && !PAY.test(joined)) return false;
  }
  if (d.sanction && !SANCTION_STATED.test(joined)) return false;
  // The period as a rate's ("mỗi tháng", "02 lần/tháng"), not a date's ("tháng 12", "quý IV").
  if (d.period && !words.some((w, i) => same(w, d.period!) && !/^(\d+|[ivx]+)$/.test(words[i + 1] ?? ''))) return false;
  if (d.prize && !joined.includes(` giai ${d.prize} `)) return false;
  if (d.money && !MONEY_STATED.test(joined) && !MONEY_STATED.test(fold(quote))) return false;
  if (d.levels.length) {
    // Levels the quote itself names ("cấp tỉnh … toàn tỉnh/năm; cấp xã …"; a scan writes "Cép tinh", "clp x4").
    const named = new Set<string>();
    for (let i = 0; i + 1 < words.length; i++) {
      if (!(same(words[i]!, 'cap') || words[i] === 'toan')) continue;
      const next = `${words[i + 1]} ${words[i + 2] ?? ''}`;
      const level = LEVEL_WORDS.find((l) => words[i + 1] === l || next === l);
      if (level) named.add(level);
    }
    // Lenient: the asked level anywhere in the quote, its heading or its document keeps the quote.
    const everywhere = ` ${foldedSyllables(`${quote} ${around}`).join(' ')} `;
    // The commune level ("cấp xã") holds wards ("phường") too.
    const kin = (l: string) => (l === 'xa' || l === 'phuong' ? ['xa', 'phuong'] : [l]);
    if (named.size && !d.levels.some((l) => kin(l).some((k) => everywhere.includes(` ${k} `)))) return false;
  }
  return true;
}
