/**
 * The offline answerer: picks the sentence(s) that answer the question and
 * quotes them verbatim with [n] markers. When no sentence covers the question
 * well enough it says so, and names what the documents do cover.
 */
import { askedWords, asksForMeans, asksProhibition, DUTY_QUESTION, DUTY_WORDS, dutySubject, leadsWith, namingOf, namesPlaceOf, refKeysOf, type QueryAnalysis } from '../retrieval/query.js';
import { asksRecipients, isRecipientsList, isSectionOf, LEAD_COVERAGE, namedDocuments, spreadingDocuments, statesMeans } from '../retrieval/retriever.js';
import { chunkTokens, documentHeaders, documentTokens } from '../retrieval/sentence-cache.js';
import { INTENT_EVIDENCE, scoreSentence, termWeight, tokenizeSentence, writtenAlternative, type Idf, type SentenceScore, type SentenceTokens } from '../retrieval/sentence-score.js';
import { fold, hasDiacritics } from '../text/fold.js';
import { translateToVietnamese } from '../text/glossary.js';
import { namedProvinces } from '../text/provinces.js';
import { isExpandedAcronym } from '../text/shorthand.js';
import { numberSpellings, numberValue } from '../text/numbers.js';
import { foldedSyllables, syllables } from '../text/tokens.js';
import { withinOneEdit } from '../text/edit-distance.js';
import { findDocRefs, typeCode } from '../text/doc-refs.js';
import type { Citation, DocumentMeta, Passage } from '../types.js';
import { chunksOf, metadataAnswer, metadataKind, type CorpusView } from './metadata.js';
import { articleQuestion } from './article-lookup.js';
import { purposeSection } from './purpose-section.js';
import { corpusLocalities, namedLocalities, namesLocality } from './localities.js';
import { listSection, type ListSection } from './section-list.js';
import { demandsOf, hasDemands, meetsDemands } from './demands.js';
import { asksWhole, countsInColumn, headerOf, isTotalRow, rowAnswers, rowsNamed } from './table-rows.js';
import { countedAs, isCounter, isNotUnit, lexiconUnit, namesUnit, signOnly, statesBySign } from './units.js';
import { documentLabel, documentLine, OCR_NOTE, quoteLines, toCitation, whereLabel } from './format.js';
import { ANSWER_THRESHOLD, SWITCH_THRESHOLD, VETO_THRESHOLD, askedYear, contrastCoverage, judgeCandidates, kindEvidence, clausesOf, unitNextToNumber, valueClause, vetoProbability, wordSet, topicCoverage, type Features, type RefusalReason } from './decision.js';
import { THRESHOLDS } from './thresholds.js';
import { englishOffTopic } from './english-off-topic.js';
import { buildQuestion, describeQuestion, kindsOf, type Question } from '../question/question.js';
import { detectKinds, KIND_SPECS, showsEvidence, valueFamilies } from '../question/registry.js';
import { boundingNumber, statedSpans } from '../question/bounds.js';
import { inheritedWeights, repeatsAnswer } from '../question/follow-up.js';
import { MODAL_WORDS } from '../question/lexicon.js';
import { continuationEnd, type NextSentenceReading } from './continuation.js';
import { inSectionOf, pickCandidate, quoteFeatures, selectionQuestion, selectionWindow } from './selection.js';

export interface AnswerDraft {
  answered: boolean;
  answer: string;
  citations: Citation[];
  /** Why it did not answer (only when `answered` is false). */
  reason?: RefusalReason;
  /** How the answer was chosen (only when asked for with `debug`). */
  trace?: AnswerTrace;
}

/** A candidate as the trace shows it: where it stands, its features, the model's probability. */
export interface CandidateView {
  source: string;
  section: string;
  text: string;
  /** The text a quote of it would show (its sentence, extended over a lead-in's items). */
  evidence: string;
  features: Features;
  probability: number;
}

export interface AnswerTrace {
  question: object;
  /** The rule gates' verdict before the fitted decision: answered, or the reason they refused. */
  rules: 'answered' | RefusalReason;
  candidates: CandidateView[];
  decision: { answered: boolean; by: 'rules' | 'scorer' | 'section' | 'metadata' | 'gate'; reason?: RefusalReason; probability?: number; threshold: number; switchThreshold: number };
}

export interface ExtractiveOptions {
  /** Minimum share of the question's content a quote must cover. */
  minCoverage?: number;
  /** Minimum share the quote must cover with exact (not OCR-tolerant) matches. */
  minExactCoverage?: number;
  /** Quote budget: a sentence over 1.6× this is narrowed to the clauses that matter. */
  maxQuoteChars?: number;
  /** Near spellings of a term in the index (Retriever.near), for fast OCR-tolerant matching. */
  near?: (term: string) => string[];
  /** Full texts, for questions about a document itself (signer, date, basis). */
  corpus?: CorpusView;
  /** Attach a trace (the Question, candidates with features and probabilities, the decision). */
  debug?: boolean;
  /** Developer view (`npm run explain`): the ranked sentence candidates before the answer is chosen. */
  trace?: (candidates: CandidateTrace[]) => void;
}

export interface CandidateTrace {
  score: number;
  coverage: number;
  exactCoverage: number;
  pairs: number;
  passageScore: number;
  text: string;
}

interface Candidate {
  passage: Passage;
  /** Index of the sentence in the chunk. */
  index: number;
  start: number;
  end: number;
  score: number;
  coverage: number;
  exactCoverage: number;
  pairs: number;
  /** The sentence scored on the question's topic alone (the words its kinds consume left out). */
  topicOnly: () => { coverage: number; exactCoverage: number };
}

/** A line that starts a list item: "- ", "+ ", "a) ", "(1)", "1. ". */
const LIST_ITEM = /^\s*(?:[-–+•*]\s|[a-zđ]\)\s|\(\d{1,2}\)|\d{1,2}[.)]\s)/u;
/** A numbering label alone ("1.", "2.3.", "Điều 14.", "Chương II", "b)", "(3)"): no words of its own. */
const NUMBERING_ONLY = /^(?:(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Bước)\s+)?([IVXLC]+|\d{1,3}[a-zđ]?(?:\.\d{1,2})*|[a-zđ]|\(\d{1,2}\))\s*[.):\-–]?$/u;

/**
 * A sentence that only introduces what follows: it ends with ":" ("… theo
 * phương châm “3 hơn”:") or is the section's own heading line. Its answer is
 * in the next sentences or bullets.
 */
function isLeadIn(chunk: Passage['chunk'], index: number): boolean {
  const span = chunk.sentences[index]!;
  const text = chunk.text.slice(span.start, span.end);
  if (/:["”]?$/.test(text)) return true;
  // A label opening a paragraph ("Tăng trưởng thực chất. Không đánh đổi …"): what follows explains it.
  const next = chunk.sentences[index + 1];
  if (next && text.length <= 60 && !chunk.text.slice(span.end, next.start).includes('\n')) {
    const lineStart = chunk.text.lastIndexOf('\n', span.start - 1) + 1;
    if (/^[\s*_\-–•]*$/.test(chunk.text.slice(lineStart, span.start)) && text.trim().split(/\s+/).length <= 5) return true;
  }
  const heading = chunk.sectionTitle.trim();
  const firstLineEnd = chunk.text.indexOf('\n');
  return heading.length > 0 && firstLineEnd > 0 && span.end <= firstLineEnd && text.trim().endsWith(heading) && index + 1 < chunk.sentences.length;
}

const titleCache = new WeakMap<DocumentMeta, Set<string>>();

function titledTokens(meta: DocumentMeta): Set<string> {
  let cached = titleCache.get(meta);
  if (!cached) {
    cached = new Set([...documentTokens(meta), ...foldedSyllables(meta.title)]);
    titleCache.set(meta, cached);
  }
  return cached;
}

interface Specifics {
  /** "bao nhiêu tiền / mấy giờ": the unit the number must be counted in. */
  units: string[];
  /** Numbers, ordinals and terms ("khóa XVI", "lần thứ ba", "năm 2024") the answer must be about. */
  numbers: string[][];
  /** The word after each of `numbers` in the question ("4 phòng" → "phong"): a bound or range in that unit holds the number. */
  numberUnits: Array<string | undefined>;
  /** Numbers naming an event ("Hội nghị Trung ương 3"): [the word before it, its spellings]. */
  ordinals: Array<[string, string[]]>;
  /** "tổng mức hỗ trợ là bao nhiêu": the thing whose amount is asked, which the answer must name. */
  subject: string[];
  /** "bao nhiêu cây xanh trồng ven kênh": the words naming which ones are counted (after the counter). */
  counted: string[];
}

/** Positions a question may ask about; the answer must name the same one (folded). */
const POSITIONS = ['chu tich', 'pho chu tich', 'bi thu', 'pho bi thu', 'tong bi thu', 'thu tuong', 'truong ban', 'pho truong ban', 'giam doc', 'pho giam doc'];

/** Words a number after them makes a name of an event or term: "Trung ương 3", "khóa 14", "Đại hội 13". */
const ORDINAL_HEADS = new Set(['uong', 'nghi', 'khoa', 'hoi']);

/**
 * What a near-miss gets wrong: the unit asked for ("bao nhiêu tiền" when the
 * text gives no amount of money) or the number that identifies the thing
 * ("lần thứ ba" when the text speaks of "lần thứ hai"). Numbers inside
 * document references are the reference's, not the answer's.
 */
function specificsOf(analysis: QueryAnalysis, idf?: Idf): Specifics {
  // An English question's words are not Vietnamese syllables ("may" = "mấy"?): its amount is read from the
  // Vietnamese words its shape stands for ("how many households" → "bao nhiêu hộ"), as a Vietnamese question's is.
  const english = analysis.englishForm;
  const words = english ? foldedSyllables(english.questionWords.amount) : askedWords(analysis);
  const refNumbers = new Set(analysis.refs.flatMap((r) => [r.full, r.short]).filter(Boolean).flatMap((k) => k!.match(/\d+/g) ?? []));
  const units: string[] = [];
  const numbers: string[][] = [];
  const numberUnits: Array<string | undefined> = [];
  const ordinals: Array<[string, string[]]> = [];
  // "bao nhiêu % tổng số hội nghị": the sign is the unit (folding drops it), the words after it are the whole.
  const percent = !english && /(bao nhieu|may)\s*%/.test(fold(analysis.question));
  const typed = english ? [] : accentedMay(analysis.question, words, idf);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    // "lần thứ mấy khóa mấy": "thứ mấy / khóa mấy" asks an ordinal; the word after it starts the next part, it is no unit.
    // An accented question's "Mây" (a name), "máy" (a machine) asks nothing.
    const asks = (w === 'nhieu' && words[i - 1] === 'bao') || (w === 'may' && typed[i] !== false && !/^(bo|thu|khoa|so)$/.test(words[i - 1] ?? ''));
    // "bao nhiêu đại biểu": the unit is the whole word the corpus writes as a pair, not its first syllable ("đại" of "Đại hội");
    // "mét vuông", "héc ta": a unit the lexicon knows is whole though the corpus writes only its sign ("m2", "ha").
    const after = words[i + 2];
    const pair = lexiconUnit(words, i + 1) ?? (next && after && !QUESTION_PARTICLES.has(after) && idf && idf(`${next}_${after}`) < idf('\u0001') - 1e-9 ? `${next} ${after}` : next);
    if (asks && percent) units.push('phan');
    else if (asks && next && !/^(lau|gio|phan|tram)$/.test(next) && !QUESTION_PARTICLES.has(next) && !isCounter(next) && !isNotUnit(words, i + 1)) units.push(DURATIONS.includes(next) ? next : pair!);
    // "bao nhiêu phần trăm": answered by a "%".
    if (asks && next === 'phan' && after === 'tram') units.push('phan');
    if (asks && next === 'gio' && words[i + 2] !== 'nao') units.push('gio');
    // "bao lâu": a length of time ("1,5 ngày", "50 phút", "6 tháng"), not just any number.
    if (w === 'bao' && next === 'lau' && !analysis.intents.has('time')) units.push('lau');
    // "mấy lần 1 năm": "1 năm" is "a year", a rate, not a number to find.
    const perPeriod = isRatePeriod(words, i);
    if (/^\d+$/.test(w) && !perPeriod && !refNumbers.has(String(Number(w))) && !/^(19|20)\d\d$/.test(w)) {
      // "4 rưỡi chiều", "7 giờ tối": an afternoon or evening hour is written on the 24-hour clock too ("16 giờ 30").
      const later = Number(w) >= 1 && Number(w) <= 11 && words.slice(i + 1, i + 4).some((x) => x === 'chieu' || x === 'toi');
      const spellings = later ? [...numberSpellings(w), String(Number(w) + 12)] : numberSpellings(w);
      numbers.push(spellings);
      numberUnits.push(next);
      if (ORDINAL_HEADS.has(words[i - 1] ?? '')) ordinals.push([words[i - 1]!, spellings]);
    }
    if ((w === 'khoa' || (w === 'thu' && words[i - 1] === 'lan')) && next && /^([ivx]{2,5}|hai|ba|tu|nam|sau|bay|tam|chin|muoi)$/.test(next)) {
      const value = numberValue(next);
      numbers.push(value ? [next, ...numberSpellings(String(value))] : [next]);
      numberUnits.push(undefined);
    }
  }
  // A share ("tỷ lệ"), or a kind whose value only a sign shows ("lãi suất": a "%"), is answered by that sign.
  if ((asksRate(analysis) || (!english && signedKind(analysis))) && !units.includes('phan')) units.push('ti');
  // An English amount's unit is a translation: any wording the glossary gives for it shows it ("hộ|hộ gia đình").
  if (english) {
    const counted = english.questionWords.counted.map((c) => foldedSyllables(c).join(' '));
    const wordings = counted.join('|');
    for (let i = 0; i < units.length; i++) if (counted.some((c) => c === units[i] || c.startsWith(`${units[i]} `))) units[i] = wordings;
  }
  return { units, numbers, numberUnits, ordinals, subject: english ? [] : amountSubject(words, analysis), counted: english ? [] : countedThing(analysis.question, analysis) };
}

/**
 * For each folded word of the question, whether a "may" is the question word "mấy": false where an accented
 * question writes another word ("Mây", "máy"), undefined where it cannot tell (words that do not line up).
 */
function accentedMay(question: string, folded: string[], idf?: Idf): Array<boolean | undefined> {
  if (!hasDiacritics(question)) {
    // Without accents, a question that asks "bao nhiêu" as well writes "may" as part of a name the corpus writes ("con may xin …").
    const absent = idf ? idf('\u0001') - 1e-9 : 0;
    const asksElsewhere = folded.some((w, i) => w === 'nhieu' && folded[i - 1] === 'bao');
    return folded.map((w, i) => (w === 'may' && asksElsewhere && i > 0 && idf && idf(`${folded[i - 1]}_may`) < absent ? false : undefined));
  }
  const raw = syllables(question);
  if (raw.length !== folded.length) return [];
  return folded.map((w, i) => (w === 'may' ? raw[i] === 'mấy' : undefined));
}

const RATE_WORDS = new Set(['ti', 'le']);
/** The question is of a kind whose value is written with a sign (kinds.json `signed`: a rate's "%"). */
const signedKind = (analysis: QueryAnalysis) => detectKinds(fold(analysis.typed).toLowerCase()).some((k) => KIND_SPECS.find((s) => s.name === k.name)?.signed);
const asksRate = (analysis: QueryAnalysis) =>
  analysis.english ? /\b(share|percent(age)?|proportion|ratio)\b/i.test(analysis.question) : analysis.intents.has('quantity') && / t[iy] le /.test(` ${fold(analysis.question)} `);

/** Words before "là bao nhiêu" that say how, not what: bounds, "số lượng", "mức". */
const AMOUNT_WORDS = new Set(['toi', 'da', 'thieu', 'it', 'nhat', 'khong', 'qua', 'so', 'luong', 'muc', 'con', 'thi', 'duoc', 'phai', 'la']);

/** The two content words before "là bao nhiêu" ("giải thưởng là bao nhiêu" → giai, thuong). */
function amountSubject(words: string[], analysis: QueryAnalysis): string[] {
  const at = words.findIndex((w, i) => w === 'la' && words[i + 1] === 'bao' && words[i + 2] === 'nhieu');
  if (at < 0) return [];
  const content = new Set(analysis.content.map((t) => t.term));
  const subject: string[] = [];
  for (let i = at - 1; i >= 0 && subject.length < 2; i--) {
    if (AMOUNT_WORDS.has(words[i]!)) {
      if (subject.length) break;
      continue;
    }
    if (!content.has(words[i]!)) break;
    subject.unshift(words[i]!);
  }
  return subject;
}

/** Words that end a counted noun phrase and start what is said of it ("… thành viên có mặt thì …", "… để …"). */
const PREDICATE_START = new Set(['thi', 'de', 'moi', 'duoc', 'phai', 'co', 'la', 'can', 'se', 'da', 'dang', 'khi', 'neu', 'cua', 'do', 'trong', 'o']);

/**
 * "bao nhiêu cây xanh trồng ven kênh": the thing counted, after its counter and within its clause, up to what is
 * said of it. Its words must be written where the quote stands: a count of "cây xanh" trồng "trong trường học" is no
 * count of those "ven kênh".
 */
function countedThing(question: string, analysis: QueryAnalysis): string[] {
  if (!analysis.intents.has('quantity')) return [];
  const content = new Set(analysis.content.map((t) => t.term));
  for (const clause of question.split(/[,;:?!.()]/)) {
    const words = foldedSyllables(clause);
    const typed = accentedMay(clause, words);
    const at = words.findIndex((w, i) => (w === 'nhieu' && words[i - 1] === 'bao') || (w === 'may' && typed[i] !== false && !/^(bo|thu|khoa|so)$/.test(words[i - 1] ?? '')));
    const first = words[at + 1];
    if (at < 0 || !first) continue;
    if (QUESTION_PARTICLES.has(first) || LENGTHS.includes(first) || /^(phan|tram|lau|tien|lan)$/.test(first)) return [];
    const phrase: string[] = [];
    // The counter is one word, or a unit of several the lexicon knows ("ki lô mét kênh …").
    for (let j = at + 1 + (lexiconUnit(words, at + 1)?.split(' ').length ?? 1); j < words.length && phrase.length < 8; j++) {
      const w = words[j]!;
      if (QUESTION_PARTICLES.has(w) || PREDICATE_START.has(w) || /^\d/.test(w)) break;
      if (content.has(w)) phrase.push(w);
    }
    // The counter ("cây", "hộ dân") is checked as the unit; what follows it names which ones.
    return phrase.length >= 2 ? phrase : [];
  }
  return [];
}

/**
 * A document's code after its number, folded: the Party's "-kh/tu" ("22-kh/tu") or the State's "/kh-ubnd",
 * "/2015/nd-cp" ("96/kh-ubnd", "100/2015/nd-cp").
 */
const REFERENCE_CODE = String.raw`(?:-\s*[a-z]{1,5}\s*\/\s*[a-z]{1,10}|(?:\/\s*\d{4})?\s*\/\s*[a-z]{1,6}(?:\s*-\s*[a-z0-9]{1,10}){1,2})`;
const REFERENCE_NUMBER = new RegExp(String.raw`\d{1,4}\s*${REFERENCE_CODE}`, 'g');
/** A document reference with its date: "101-qd/tw, ngay 07/6/2012", "96/kh-ubnd ngay 12/3/2027" (folded). */
const CITED_DATE = new RegExp(String.raw`(\d{1,4})\s*${REFERENCE_CODE}\s*,?\s*(?:ng[a-z]{1,2}y?\s*)?(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4})`, 'g');

/** The opening words of a preamble line: the documents this one rests on, or who proposed it. */
const PREAMBLE_LINE = /^-?\s*(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị)\s/u;

/** A whole date: "16/01/2026", "ngày 16 tháng 01 năm 2026". */
const FULL_DATE = /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|\bngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}\b/g;

/** A day: of the month ("ngày 15", "15/10", "15-10", "13 tháng 10", "mùng 5"), or told from another ("ngày làm việc tiếp theo", "ngày hôm sau"). */
const DAY_EVIDENCE = /\bngay\s*\d|\b\d{1,2}\s*[/-]\s*\d{1,2}\b|\b\d{1,2}\s+thang\s+\d{1,2}\b|\b(mung|mong)\s+\d|\bngay (lam viec )?(tiep theo|ke tiep|hom sau|lien ke|lien sau)\b/;

/** "1 năm", "1 tháng" at `i`: the period a rate is counted over ("mấy lần 1 năm"), not a number to find. */
function isRatePeriod(words: string[], i: number): boolean {
  return words[i] === '1' && /^(nam|thang|tuan|ngay|quy)$/.test(words[i + 1] ?? '');
}

/** "phường nào / tỉnh nào": the answer must name a place of that kind. */
/** "của phường nào", "bí thư tỉnh nào" ask a place's name; "cơ quan cấp tỉnh nào" asks a body of that level. */
const WHICH_PLACE = /(?<!\bcap )\b(phuong|xa|tinh|huyen|thanh pho|thi xa) nao\b/;

/** Type codes of cited references ("18-CT/TU"), by the type word a question asks with "nào" / "which". */
const TYPE_CODES: Array<[RegExp, string]> = [
  [/\bchi thi (nao|gi)\b|\bwhich (?:[a-z]+ ){0,3}directives?\b/, 'ct'],
  [/\bquy dinh (nao|gi)\b|\bwhich (?:[a-z]+ ){0,3}regulations?\b/, 'q[dđ]i?'],
  [/\bnghi quyet (nao|gi)\b|\bwhich (?:[a-z]+ ){0,3}resolutions?\b/, 'nq'],
  [/\bket luan (nao|gi)\b|\bwhich (?:[a-z]+ ){0,3}conclusions?\b/, 'kl'],
  [/\bke hoach (nao|gi)\b|\bwhich (?:[a-z]+ ){0,3}plans?\b/, 'kh'],
];

/** The type of cited document a question asks for, as a pattern over folded text ("-ct/"). */
function askedDocumentType(analysis: QueryAnalysis): RegExp | undefined {
  const asked = fold(analysis.question);
  const code = TYPE_CODES.find(([pattern]) => pattern.test(asked))?.[1];
  return code ? new RegExp(`\\d\\s*-\\s*${code}\\s*/`) : undefined;
}

/** The quote writes the place word followed by a name (a capitalised word or a number). */
function namesPlaceIn(quote: string, place: string): boolean {
  const words = quote.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const folded = words.map((w) => fold(w));
  const parts = place.split(' ');
  return folded.some((_, i) => {
    if (!parts.every((p, k) => folded[i + k] === p)) return false;
    // "địa phương 2 cấp" is local government at two levels, not "phường 2".
    if (folded[i - 1] === 'dia') return false;
    // "Tỉnh ủy Lai Châu": the party committee of the place names it too.
    const at = i + parts.length + (folded[i + parts.length] === 'uy' ? 1 : 0);
    return /^\p{Lu}/u.test(words[at] ?? '') || (/^\d/.test(words[at] ?? '') && folded[at + 1] !== 'cap');
  });
}

const QUESTION_PARTICLES = new Set(['nao', 'gi', 'a', 'vay', 'the', 'khong', 'ngay', 'nam', 'thang', 'lan', 'cai', 'chiec']);
/** Lengths of time: "mấy tiếng / bao nhiêu phút" is answered by a count in any of them ("1/2 ngày"). */
const DURATIONS = ['gio', 'phut', 'ngay', 'buoi'];
/** "bao lâu" also takes longer periods ("trong 6 tháng"). */
const LENGTHS = [...DURATIONS, 'tuan', 'thang', 'nam'];

/** Digits and number words a count can be written with ("03", "ba", "60%"). */
const COUNT_WORD = new Set(['mot', 'hai', 'ba', 'bon', 'tu', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi', 'tram', 'nghin', 'ngan', 'trieu', 'cac', 'moi']);
/** Numbers written as words ("bốn nguyên tắc"), not "các / mọi". */
const SPELLED_NUMBER = new Set(['hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi']);

/** A count written as a word right before a unit asked for ("bốn nguyên tắc" for "mấy nguyên tắc"). */
function spelledCount(folded: string, units: string[]): boolean {
  const words = foldedSyllables(folded);
  return words.some((w, i) => SPELLED_NUMBER.has(w) && units.some((u) => words.slice(i + 1, i + 1 + u.split(' ').length).join(' ') === u));
}
const isCount = (w: string) => /^\d/.test(w) || COUNT_WORD.has(w);

/** "khóa XV", "lần thứ II", "quý IV": a count written in Roman numerals. */
const ROMAN_ORDINAL = /\b(khoa|thu|quy|k[iy]|nhiem k[iy])\s+[ivx]{1,5}\b/;

/** An item's number opening a clause ("…; (8) vai trò …", "2) …"): it orders the list, it counts nothing. */
const LIST_MARKER = /(^|[;:,.]\s*|\n\s*)\(?\d{1,2}\)(?=[\s-]*[a-z])/g;
/** A share: "15%", or a fraction "2/3" (not a date's "15/3"). */
const PERCENT = /\d%|(^|[^0-9/])[1-9]\s*\/\s*([2-9]|10)(?![0-9/])/;
/** A number standing alone ("03", "1/2", "60%"), not a digit OCR put inside a word ("t6i"). */
const STANDALONE_NUMBER = /(^|[^a-z0-9])\d+([.,/]\d+)*%?(?![a-z0-9])/;

function mentionsSpecifics(specifics: Specifics, quoteFolded: string, passage: Passage, known?: Set<string>, synonyms: Question['synonyms'] = [], columns?: string): boolean {
  const around = foldedSyllables(`${quoteFolded} ${columns ?? ''} ${passage.chunk.sectionTitle} ${passage.chunk.headings.join(' ')} ${passage.doc.title}`);
  const words = new Set(around);
  const near = (term: string) =>
    words.has(term) || (passage.chunk.ocr && term.length >= 3 && [...words].some((w) => w.length >= 2 && !known?.has(w) && withinOneEdit(term, w)));
  // "bao nhiêu X" is answered by a count of X: a number shortly before X ("45 xã, phường"), not X anywhere.
  const quoteWords = foldedSyllables(quoteFolded);
  const counted = (unit: string) => {
    const parts = unit.split(' ');
    const same = (term: string, w: string | undefined) =>
      // A short unit word is misread only letter for letter (as sentence-score reads short syllables): "am" of a scan's "1am" ("làm") is no "năm".
      w !== undefined && (w === term || (passage.chunk.ocr && term.length >= 3 && w.length >= 2 && (term.length > 3 || w.length === term.length) && !known?.has(w) && withinOneEdit(term, w)));
    for (let i = 0; i < quoteWords.length; i++) {
      if (!parts.every((p, k) => same(p, quoteWords[i + k]))) continue;
      // "ngày 16/01/2026" is a date, not a length of days.
      if (LENGTHS.includes(unit) && /^\d/.test(quoteWords[i + parts.length] ?? '')) continue;
      if (quoteWords.slice(Math.max(0, i - 3), i).some(isCount)) return true;
    }
    return false;
  };
  // "cắt giảm bao nhiêu văn bản" is answered by a share of them too ("cắt giảm 15% số lượng văn bản", "3/4 số thành viên").
  const shared = (unit: string) => PERCENT.test(quoteFolded) && unit.split(' ').every(near);
  // "hộ|hộ gia đình": a unit read from an English question through the glossary is shown by any of its wordings.
  const satisfied = (unit: string): boolean => (unit.includes('|') ? unit.split('|').some(satisfied) : shows(unit));
  // A table row states its numbers in the units its column headings name ("Lồng bè hư hỏng (cái)", "Diện tích (ha)").
  const byColumn = (unit: string) => columns !== undefined && namesUnit(unit, columns) && (countsInColumn(unit, columns, quoteFolded) ?? STANDALONE_NUMBER.test(quoteFolded));
  const shows = (unit: string) =>
    unit === 'lau'
      ? LENGTHS.some(counted)
      : DURATIONS.includes(unit)
        ? DURATIONS.some(counted)
        : signOnly(unit)
          ? statesBySign(unit, quoteFolded)
          : countedAs(unit).some(counted) || statesBySign(unit, quoteFolded) || shared(unit) || byColumn(unit);
  for (const unit of specifics.units) if (!satisfied(unit)) return false;
  // "quán 2 phòng" is about "từ 01 đến 03 phòng", "16 tuổi" about "chưa đủ 18 tuổi" (question/bounds.ts).
  const spans = specifics.numbers.length ? statedSpans(quoteWords) : [];
  const bounded = (k: number) => specifics.numberUnits[k] !== undefined && boundingNumber(quoteWords, spans, specifics.numbers[k]![0]!, specifics.numberUnits[k]!) !== undefined;
  for (const [k, alternatives] of specifics.numbers.entries()) if (!alternatives.some((a) => words.has(a)) && !bounded(k)) return false;
  // The thing whose amount is asked may be written as a synonym ("đăng ký qua mạng" as "đăng ký trực tuyến").
  const bySynonym = new Set(synonyms.filter(([, others]) => others.some((o) => o.split(' ').every(near))).flatMap(([phrase]) => phrase.split(' ')));
  if (!specifics.subject.every((w) => near(w) || bySynonym.has(w))) return false;
  // Which ones are counted: a paraphrased word may be missing, not two side by side (a qualifier: "ven kênh").
  const which = specifics.counted;
  const written = (w: string) => near(w) || bySynonym.has(w);
  if (which.some((w, i) => i > 0 && !written(w) && !written(which[i - 1]!))) return false;
  // "Hội nghị Trung ương 3" is answered by "Trung ương 3" or "lần thứ ba", not by "3 đột phá".
  if (specifics.ordinals.length) {
    const joined = ` ${around.join(' ')} `;
    for (const [head, spellings] of specifics.ordinals) if (!spellings.some((n) => joined.includes(` ${head} ${n} `) || joined.includes(` thu ${n} `))) return false;
  }
  return true;
}

/**
 * A proper name the corpus never writes ("Tỉnh Thanh Hóa", "Lào Cai"): its
 * syllables may each occur, but never side by side, so the question is about
 * something else. Only capitalised words after the first are taken as a name.
 */
function namesSomethingUnknown(question: string, idf: Idf, documents: DocumentMeta[]): boolean {
  const absent = idf('\u0001');
  const headers = documentHeaders(documents);
  return capitalisedPairs(question).some(([a, b, next]) => {
    const bigram = `${a}_${b}`;
    // Giải “Bùa Liềm Vàng”: quotes split the pair in the text, but the name goes on with a pair the corpus has.
    const continues = next !== undefined && idf(`${b}_${next}`) < absent - 1e-9;
    return idf(bigram) >= absent - 1e-9 && !headers.includes(` ${a} ${b} `) && !continues;
  });
}

/** Capitalised word pairs after the question's first word, folded, with the word after them: the names it writes. */
function capitalisedPairs(question: string): Array<[string, string, string | undefined]> {
  const text = question.normalize('NFC');
  const pairs: Array<[string, string, string | undefined]> = [];
  for (const phrase of text.split(/[,;:.?!()“”"]+/)) {
    const words = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
    for (let i = 1; i < words.length; i++) {
      const [a, b] = [words[i - 1]!, words[i]!];
      // The question's own first word is capitalised as a sentence start, not as a name.
      if (i === 1 && text.trimStart().startsWith(a)) continue;
      if (!/^\p{Lu}\p{Ll}+$/u.test(a) || !/^\p{Lu}\p{Ll}+$/u.test(b)) continue;
      const next = words[i + 1];
      pairs.push([foldedSyllables(a)[0]!, foldedSyllables(b)[0]!, next === undefined ? undefined : foldedSyllables(next)[0]]);
    }
  }
  return pairs;
}

/**
 * "Quy định 102-QĐ/TW có hiệu lực từ khi nào?": a document the corpus neither holds nor cites
 * (no chunk writes its reference) is not ours to speak about. Short mentions count only with a
 * number of two digits or more ("kế hoạch 5 năm" is not Kế hoạch số 5).
 */
function namesUnknownDocument(analysis: QueryAnalysis, idf: Idf): boolean {
  const absent = idf('\u0001') - 1e-9;
  // The references as read against the corpus ("Thông báo kết luận 186" is the corpus's "186-TB/HU").
  const own = (findDocRefs(analysis.question).length ? analysis.refs : []).filter((r) => r.full || Number(r.short.split('-')[1]) >= 10);
  return own.length > 0 && own.every((r) => idf(`#${(r.full ?? r.short).toLowerCase()}`) >= absent && idf(`#${r.short.toLowerCase()}`) >= absent);
}

/**
 * "Giá vàng SJC", "GRDP growth target": an acronym the corpus never writes names a thing the documents do not
 * speak of. Acronyms chat shorthand knows (UBND, HĐND, TTTT) carry their expansion; Roman numerals are ordinals.
 */
function namesUnknownAcronym(question: string, idf: Idf): boolean {
  const absent = idf('\u0001') - 1e-9;
  const acronyms = question.normalize('NFC').match(/(?<![\p{L}\p{N}\-/])[A-ZĐ]{3,6}(?![\p{L}\p{N}\-/])/gu) ?? [];
  return acronyms.some((a) => !/^[IVXLC]+$/.test(a) && !isExpandedAcronym(fold(a)) && idf(fold(a)) >= absent);
}


/** The rare names a question writes (capitalised pairs after its first word, as folded "a b"), the corpus writing each. */
function rareNamesOf(question: string, idf: Idf): string[] {
  const absent = idf('\u0001') - 1e-9;
  // Common words that make a rare pair ("Truyền thông" in a body's name) are no name of their own.
  return capitalisedPairs(question)
    .filter(([a, b]) => {
      const pair = idf(`${a}_${b}`);
      return pair >= THRESHOLDS.rareNameIdf && pair < absent && Math.max(idf(a), idf(b)) >= THRESHOLDS.rareNameIdf;
    })
    .map(([a, b]) => `${a} ${b}`);
}

/** The act a "who" question asks about: the first content word after "ai", past modals ("ai đạt giải" → "dat"). */
function askedAct(analysis: QueryAnalysis): string | undefined {
  const words = askedWords(analysis);
  const at = words.indexOf('ai');
  // "giúp ai nắm được …", "giao cho ai": "ai" as the object; the act is the question's, not the answer's.
  // "bầu bổ sung ai vào Ủy ban …": "ai" followed by a preposition is the object of the verb before it.
  if (at < 0 || OBJECT_VERBS.has(words[at - 1] ?? '') || AFTER_OBJECT.has(words[at + 1] ?? '')) return undefined;
  const content = new Set(analysis.content.map((t) => t.term));
  // "ai có quyền quyết định", "ai phải nộp": the act is the verb after the modal.
  const next = words.slice(at + 1).find((w) => content.has(w) && !MODAL_WORDS.has(w));
  return next && !DUTY_WORDS.has(next) ? next : undefined;
}

/** Prepositions after an object: "ai vào / làm / lên …". */
const AFTER_OBJECT = new Set(['vao', 'lam', 'len', 'giu']);
const OBJECT_VERBS = new Set(['giup', 'cho', 'giao', 'voi', 'gui', 'den', 'moi', 'cua', 'phuc']);

/**
 * The sentence writes the term, or (scanned text) one of its near spellings; `known` words, which clean
 * documents use as words of their own, are not taken as misreadings.
 */
function writesTerm(words: Set<string>, term: string, ocr: boolean, near?: (term: string) => string[], known?: Set<string>): boolean {
  return words.has(term) || (ocr && (near?.(term) ?? []).some((v) => words.has(v) && !known?.has(v)));
}

/** A heading that names the body a duty question asks about: two of its first three words (OCR-tolerant). */
function namesSubject(heading: SentenceTokens, subject: string[], ocr: boolean, near?: (term: string) => string[]): boolean {
  const found = subject.filter((w) => writesTerm(heading.set, w, ocr, near));
  return found.length >= Math.min(2, subject.length);
}

/** "Số 22-KH/TU" (a scan's "S6 …"), at the start of a line. */
const HEADER_NUMBER = /^(so|s6|s0|sb)[:\s]+\d{1,4}\s*-\s*[a-z]{1,6}\s*\/\s*[a-z]{1,10}\s*/;
/** "Điện Biên, ngày 16 tháng 01 năm 2026" (a scan's "thdng", "ndm"), at the start of a line. */
const HEADER_PLACE_DATE = /^[a-z\s.]{2,30},\s*ngay\s+\d{1,2}\s+th[a-z]{2,4}\s+\d{1,2}\s+n[a-z]{1,2}m\s+\d{4}\b/;

/** A header line: place and date ("Điện Biên, ngày 16 tháng 01 năm 2026"), or the number ("Số 22-KH/TU"), alone or together. */
function isDocumentHeaderLine(text: string): boolean {
  const folded = fold(text).trim();
  // A scan may join the number to the place and date, misreading "Số" and "tháng" ("S6 22-KH/TU Dién Bién, ngay 16 thdng 01 ndm 2026").
  if (HEADER_PLACE_DATE.test(folded)) return true;
  const rest = folded.replace(HEADER_NUMBER, '');
  return rest !== folded && (rest === '' || HEADER_PLACE_DATE.test(rest));
}

/** The sentence is (the end of) the section's heading line, with body text after it. */
function isHeadingLine(chunk: Passage['chunk'], index: number): boolean {
  const span = chunk.sentences[index]!;
  const text = chunk.text.slice(span.start, span.end);
  return isLeadIn(chunk, index) && !/:["”]?$/.test(text);
}

/**
 * Extends a quote over the sentences that follow it: for a lead-in, and for a
 * list question whose best sentence is followed by list items. Stays a
 * verbatim slice of the chunk; stops at the budget or the next non-item line
 * (for lists).
 */
function extendQuote(chunk: Passage['chunk'], index: number, end: number, list: boolean, maxChars: number): number {
  const leadIn = isLeadIn(chunk, index);
  const nextStartsItem = (i: number) => {
    const span = chunk.sentences[i];
    if (!span) return false;
    const lineStart = chunk.text.lastIndexOf('\n', span.start - 1) + 1;
    return lineStart === span.start && LIST_ITEM.test(chunk.text.slice(span.start, span.end));
  };
  if (!leadIn && !(list && nextStartsItem(index + 1))) return end;
  const start = chunk.sentences[index]!.start;
  let extended = end;
  for (let i = index + 1; i < chunk.sentences.length; i++) {
    const span = chunk.sentences[i]!;
    if (span.end - start > maxChars && extended !== end) break;
    if (!leadIn && !nextStartsItem(i)) break;
    extended = span.end;
    if (span.end - start > maxChars) break;
  }
  return extended;
}

const CITED_TYPE = /[,;(]\s*(?:va\s+)?(?:quy dinh|nghi quyet|ket luan|chi thi|ke hoach|huong dan|quyet dinh|thong bao)\b/g;

/**
 * "Quy định 99-QĐ/TW là về gì?": in a sentence that lists several documents,
 * the part about the one asked for (not when it is the quoted document's own, or the one it implements) — from its mention to the next document
 * the list names (still a verbatim slice).
 */
function aroundReference(text: string, start: number, end: number, analysis: QueryAnalysis, maxChars: number): [number, number] | undefined {
  const slice = text.slice(start, end);
  const folded = fold(slice);
  if (folded.length !== slice.length || !analysis.refs.length) return undefined;
  const mentions = [...folded.matchAll(/(\d{1,4})\s*-\s*([a-z]{1,4})\s*\/\s*[a-z]{1,10}/g)];
  const keyOf = (m: RegExpMatchArray) => `${typeCode(m[2]!) ?? m[2]!.toUpperCase()}-${Number(m[1])}`;
  // One document named twice ("… Kế hoạch số 22-KH/TU; … phổ biến Kế hoạch số 22-KH/TU") is no list of documents.
  if (new Set(mentions.map(keyOf)).size < 2) return undefined;
  const asked = new Set(analysis.refs.map((r) => r.short));
  const hit = mentions.find((m) => asked.has(keyOf(m)));
  if (!hit) return undefined;
  // Back to the list separator before "Quy định số 99-QĐ/TW"; on to the separator before the next document.
  const before = Math.max(folded.lastIndexOf(',', hit.index), folded.lastIndexOf(';', hit.index), folded.lastIndexOf('(', hit.index));
  const from = before >= 0 && hit.index - before <= 40 ? before + 1 : hit.index;
  CITED_TYPE.lastIndex = hit.index + hit[0].length;
  const next = CITED_TYPE.exec(folded);
  const to = Math.min(next ? next.index : folded.length, from + maxChars);
  return trimQuote(text, start + from, start + to);
}

/**
 * The question as a clause of this passage must answer it: words the section
 * heading or the document already state weigh almost nothing ("mô hình chính
 * quyền địa phương 2 cấp" in the heading of the section that defines it): the
 * clause to keep holds the rest ("cấp tỉnh … cấp xã mạnh về"), which may be
 * common words of low idf. Measured: 0.05 beats 0.3 on every set.
 */
function restOfQuestion(analysis: QueryAnalysis, passage: Passage): QueryAnalysis {
  const { context } = chunkTokens(passage.chunk);
  const document = documentTokens(passage.doc);
  return { ...analysis, content: analysis.content.map((t) => (context.has(t.term) || document.has(t.term) ? { ...t, weight: t.weight * 0.05 } : t)) };
}

/** Narrows a very long sentence to its best `;`-separated clauses (still a verbatim slice). */
function narrow(text: string, start: number, end: number, analysis: QueryAnalysis, idf: Idf, maxChars: number): [number, number] {
  if (end - start <= maxChars * THRESHOLDS.longQuote) return trimQuote(text, start, end);
  const clauses: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (text[i] === ';') {
      clauses.push([s, i + 1]);
      s = i + 1;
    }
  }
  clauses.push([s, end]);
  if (clauses.length < 2) return trimQuote(text, start, end);
  const scores = clauses.map(([a, b]) => scoreSentence(text.slice(a, b), analysis, idf, { fuzzy: true }).score);
  let best = scores.indexOf(Math.max(...scores));
  let [a, b] = clauses[best]!;
  // Grow towards the better neighbour while it fits.
  let left = best - 1;
  let right = best + 1;
  while (left >= 0 || right < clauses.length) {
    const takeLeft = right >= clauses.length || (left >= 0 && scores[left]! >= scores[right]!);
    const [na, nb] = takeLeft ? [clauses[left]![0], b] : [a, clauses[right]![1]];
    if (nb - na > maxChars) break;
    [a, b] = [na, nb];
    if (takeLeft) left--;
    else right++;
    best = -1;
  }
  return trimQuote(text, a, b);
}

/** Drops a leading bullet and separators: the quote stays a verbatim slice. */
function trimQuote(text: string, a: number, b: number): [number, number] {
  while (a < b && /[\s;,\-–+•]/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return [a, b];
}

/** "những mạng xã hội nào", "các hội nghị nào": the thing (two to four syllables) a list question asks for. */
const ASKED_THING = / (?:nhung|cac) ((?:[a-z]+ ){1,3}[a-z]+) nao /;
/** "gắn với phong trào gì", "bằng hình thức nào": the thing after a preposition that a "what/which" asks for. */
const LINKED_THING = / (?:voi|bang|qua|vao|theo) ((?:[a-z]+ ){1,2}[a-z]+) (?:gi|nao) /;

/**
 * The thing a "which X" question asks for: the last two or three syllables before "nào" that the corpus
 * writes side by side ("trên mạng xã hội nào" → "mạng xã hội").
 */
function whichThing(question: string, idf: Idf): string[] | undefined {
  const words = foldedSyllables(question);
  const at = words.indexOf('nao');
  if (at < 2) return undefined;
  const absent = idf('\u0001') - 1e-9;
  let from = at - 1;
  while (from > 0 && at - from < 3 && idf(`${words[from - 1]}_${words[from]}`) < absent) from--;
  return at - from >= 2 ? words.slice(from, at) : undefined;
}

/** "Which social networks does …": the thing asked for, through the glossary ("mạng xã hội"), when it is a phrase. */
function englishWhichThing(question: string): string[] | undefined {
  const m = /\b(?:which|what)\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)\s+(?:does|do|did|is|are|was|were|has|have|must|should|can|will)\b/i.exec(question);
  const words = m ? foldedSyllables(translateToVietnamese(m[1]!, { primary: true })) : [];
  return words.length >= 2 && words.length <= 4 ? words : undefined;
}

/** The sentence names the instances of the thing: "mạng xã hội (Facebook, …)", "hình thức: …", "… như …", "thông qua …". */
function enumerates(c: Candidate, thing: string[]): boolean {
  const text = fold(c.passage.chunk.text.slice(c.start, c.end)).toLowerCase();
  // Scans put stray dots inside a phrase ("mang xa. hoi").
  const phrase = thing.map((w) => w.replace(/[^a-z0-9]/g, '')).join('[\\s.]+');
  // "… thông qua Hội nghị toàn quốc …", "Hình thức … cần đa dạng thông qua các hội nghị …": the instances follow "thông qua".
  return new RegExp(`\\b${phrase}\\s*(?:\\(|:|nhu\\b|gom\\b)|\\bthong qua (?:cac |nhung )?${phrase}\\b|^\\W*${phrase}\\b[^.;:]{0,80}?\\bthong qua\\b`).test(text);
}

/**
 * A clause that forbids: it opens (the sentence, or after its label's ":" or a ";") with "Không …", "Nghiêm cấm",
 * "Tuyệt đối không", "Cấm"; or says "không được" (not in a title: "Quy định … về những điều đảng viên không được làm"). "Không quá" is a bound, "không chỉ … mà còn", "không ngừng" are no
 * prohibition. A scan writes "không" as "khéng", "khoéng".
 */
const PROHIBITION = /(?:^|[:;]\s*)[\s\-–+•*]*(?:[a-z]\)\s*|\(?\d{1,2}[.)]\s*)?(?:tuyet doi |nghiem )?(?:kh(?:o|e|oe)ng(?! (?:qua|chi|ngung|it|nhung|co|the|phai)\b)|cam(?! (?:ket|on)\b))\b|(?<!\bdieu (?:[a-z]+ ){0,3})\bkh(?:o|e|oe)ng duoc\b/;

function statesProhibition(sentence: string): boolean {
  return PROHIBITION.test(fold(sentence).toLowerCase().trim());
}

/** The end of the run of prohibitions that follows a forbidding sentence in its paragraph, within the budget. */
function prohibitionRun(chunk: Passage['chunk'], index: number, end: number, maxChars: number): number {
  if (!statesProhibition(chunk.text.slice(chunk.sentences[index]!.start, end))) return end;
  const start = chunk.sentences[index]!.start;
  let extended = end;
  for (let i = index + 1; i < chunk.sentences.length; i++) {
    const span = chunk.sentences[i]!;
    // A blank line or a new item ends the paragraph.
    if (span.end - start > maxChars || /\n\s*\n/.test(chunk.text.slice(extended, span.start)) || LIST_ITEM.test(chunk.text.slice(span.start, span.end))) break;
    if (!statesProhibition(chunk.text.slice(span.start, span.end))) break;
    extended = span.end;
  }
  return extended;
}


/** The short name a question quotes (“03 dám”, "3 hơn"), as folded syllables with numbers by value. */
function quotedName(question: string): string[] | undefined {
  const m = /[“"'‘]([^”"'’]{2,30})[”"'’]/u.exec(question);
  const words = m ? foldedSyllables(m[1]!).map((w) => (/^\d+$/.test(w) ? String(Number(w)) : w)) : [];
  return words.length >= 1 && words.length <= 4 ? words : undefined;
}

/** The sentence writes the phrase word for word; in a scan, a word of three letters or more may have one letter misread. */
function writesPhrase(words: string[], phrase: string[], ocr: boolean): boolean {
  const same = (a: string, w: string | undefined) =>
    w !== undefined && (a === w || (/^\d+$/.test(w) && String(Number(w)) === a) || (ocr && a.length >= 3 && w.length === a.length && withinOneEdit(a, w)));
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((p, k) => same(p, words[i + k]))) return true;
  return false;
}

/** Kinds of body a "which" question asks for: the answer names the body, rarely the kind. */
const BODY_KINDS = new Set(['co quan', 'don vi', 'to chuc']);
/** "Còn hình thức tuyên truyền thì …": the thing a follow-up turns to. */
const FOLLOW_UP_THING = /^ (?:con|the con|vay con) ((?:[a-z]+ ){1,3}[a-z]+) thi /;

/**
 * Weighted share of the question's words that neither the section heading nor
 * the document names, found in the sentence itself (1 when there are none).
 */
function restCoverage(c: Candidate, analysis: QueryAnalysis, idf: Idf): number {
  const { sentences, context } = chunkTokens(c.passage.chunk);
  const document = documentTokens(c.passage.doc);
  const tokens = sentences[c.index]!;
  const words = tokens.set;
  // As in scoreSentence: in clean text, an accented question word needs its own diacritics ("đâu" is not "đấu").
  const spelled = (term: string) => {
    const forms = c.passage.chunk.ocr ? undefined : analysis.accents?.get(term);
    return !forms || [...forms].some((f) => tokens.accented.has(f));
  };
  return weightedShare(analysis.content, idf, (term) => context.has(term) || document.has(term), (t) => (words.has(t.term) && spelled(t.term)) || writtenAlternative(t.alternatives, words, tokens.joined) !== undefined);
}

/** The idf-weighted share of `terms` that `found` finds, leaving out those `said` says are said where the sentence stands. */
function weightedShare(terms: QueryAnalysis['content'], idf: Idf, said: (term: string) => boolean, found: (term: QueryAnalysis['content'][number]) => boolean): number {
  let total = 0;
  let hit = 0;
  for (const t of terms) {
    if (said(t.term)) continue;
    const w = termWeight(t, idf);
    total += w;
    if (found(t)) hit += w;
  }
  return total ? hit / total : 1;
}

function refusal(passages: Passage[], documents: DocumentMeta[], reason: RefusalReason): AnswerDraft {
  const related = [...new Map(passages.map((p) => [p.doc.id, p.doc])).values()].slice(0, 3);
  const pool = related.length ? related : documents.slice(0, 5);
  const covered = pool.map((d) => `• ${documentLabel(d)}${d.issuer ? ` (${d.issuer})` : ''}`).join('\n');
  return {
    answered: false,
    answer: `Xin lỗi, các văn bản hiện có không nêu rõ nội dung này nên tôi không trả lời để tránh sai lệch.${covered ? `\nCác văn bản liên quan nhất có thể tra cứu:\n${covered}` : ''}\nBạn có thể hỏi cụ thể hơn, ví dụ về thời lượng hội nghị, chỉ tiêu, thời hạn hoặc cơ quan chủ trì.`,
    citations: [],
    reason,
  };
}

/** What the decision leaves for the trace, filled as it goes. */
interface DecisionSink {
  debug: boolean;
  rules?: 'answered' | RefusalReason;
  candidates?: CandidateView[];
  probability?: number;
}

type Decided = AnswerDraft & { by?: AnswerTrace['decision']['by'] };

export function extractiveAnswer(analysis: QueryAnalysis, passages: Passage[], idf: Idf, documents: DocumentMeta[], options: ExtractiveOptions = {}): AnswerDraft {
  const question = buildQuestion(analysis);
  const sink: DecisionSink = { debug: options.debug === true };
  const { by, ...draft } = decideRankingByTitle(analysis, passages, idf, documents, options, question, sink);
  if (!options.debug) return draft;
  const trace: AnswerTrace = {
    question: describeQuestion(question),
    rules: sink.rules ?? (draft.answered ? 'answered' : (draft.reason ?? 'no-candidate')),
    candidates: sink.candidates ?? [],
    decision: { answered: draft.answered, by: by ?? (sink.rules ? 'rules' : 'gate'), ...(draft.reason ? { reason: draft.reason } : {}), ...(sink.probability !== undefined ? { probability: sink.probability } : {}), threshold: ANSWER_THRESHOLD, switchThreshold: SWITCH_THRESHOLD },
  };
  return { ...draft, trace };
}

/** The words a candidate stands among: its sentence (a table row with its header row), its section's headings, its document's title and header. */
function candidateWords(c: Candidate): Set<string> {
  const { context } = chunkTokens(c.passage.chunk);
  return new Set([...sentenceTokens(c.passage.chunk, c.index).set, ...context, ...titledTokens(c.passage.doc)]);
}

const rowTokens = new WeakMap<Passage['chunk'], Map<number, SentenceTokens>>();

/** A sentence's tokens; a table row's hold its header row's words too ("Lồng bè hư hỏng (cái)" for "… | 118 | …"). */
function sentenceTokens(chunk: Passage['chunk'], index: number): SentenceTokens {
  const header = headerOf(chunk, index);
  if (!header) return chunkTokens(chunk).sentences[index]!;
  let rows = rowTokens.get(chunk);
  if (!rows) rowTokens.set(chunk, (rows = new Map()));
  let tokens = rows.get(index);
  if (!tokens) {
    const span = chunk.sentences[index]!;
    rows.set(index, (tokens = tokenizeSentence(`${header} | ${chunk.text.slice(span.start, span.end)}`)));
  }
  return tokens;
}


/**
 * The candidates are read twice when the first reading answers: ranked as scored, then with the words only the
 * document's title says counted in the rank too (a title names what every sentence of its document is about:
 * "nộp hồ sơ ở đâu" about a licence is answered under "Nộp hồ sơ", not by the sentence repeating the title). The
 * second reading answers when it answers too; a refusal stands as scored, so the title lets nothing through that
 * the document does not say.
 */
function decideRankingByTitle(analysis: QueryAnalysis, passages: Passage[], idf: Idf, documents: DocumentMeta[], options: ExtractiveOptions, question: Question, sink: DecisionSink): Decided {
  let titled = false;
  // The second reading scores the same sentences the same way: the first one's scores are kept for it.
  const scores = new Map<string, SentenceScore>();
  const plain = decide(analysis, passages, idf, documents, options, question, sink, { scores, sawTitle: () => (titled = true) });
  if (!plain.answered || plain.by !== 'rules' || !titled) return plain;
  const titledSink: DecisionSink = { debug: sink.debug };
  const ranked = decide(analysis, passages, idf, documents, options, question, titledSink, { scores, byTitle: true });
  if (!ranked.answered || ranked.by !== 'rules') return plain;
  Object.assign(sink, titledSink);
  return ranked;
}

/** How decideRankingByTitle reads the candidates: with the title's words in the rank or not, sentence scores kept between readings. */
interface Reading {
  scores: Map<string, SentenceScore>;
  /** Told when a candidate's rank would change by its title. */
  sawTitle?: () => void;
  byTitle?: boolean;
}

function decide(analysis: QueryAnalysis, passages: Passage[], idf: Idf, documents: DocumentMeta[], options: ExtractiveOptions, question: Question, sink: DecisionSink, { scores, sawTitle, byTitle = false }: Reading): Decided {
  // A word-by-word translation carries alternatives ("hội nghị cuộc họp") that no one sentence all holds.
  const minCoverage = options.minCoverage ?? (analysis.english ? THRESHOLDS.englishMinCoverage : THRESHOLDS.minCoverage);
  const maxQuote = options.maxQuoteChars ?? THRESHOLDS.maxQuoteChars;
  const minExact = options.minExactCoverage ?? (analysis.english ? THRESHOLDS.englishMinExactCoverage : THRESHOLDS.minExactCoverage);
  if (!analysis.content.length || !passages.length) return refusal(passages, documents, 'no-candidate');
  if (analysis.english) {
    if (englishOffTopic(analysis, idf, documents, Boolean(metadataKind(analysis.question) || articleQuestion(analysis.question)))) return refusal(passages, documents, 'off-topic');
    const absentIdf = idf('\u0001');
    const known = analysis.content.filter((t) => idf(t.term) < absentIdf - 1e-9);
    analysis = { ...analysis, content: known };
  }
  if (!analysis.english && namesSomethingUnknown(analysis.question, idf, documents)) return refusal(passages, documents, 'off-topic');
  if (namesUnknownDocument(analysis, idf) || namesUnknownAcronym(analysis.question, idf)) return refusal(passages, documents, 'off-topic');
  // A follow-up's words from the last question: which of them still say where the answer is, once the documents are known.
  if (analysis.inherited?.size) analysis = { ...analysis, content: inheritedWeights(analysis, new Set(passages.slice(0, 6).flatMap((p) => [...documentTokens(p.doc)]))) };
  // "tỷ lệ … là bao nhiêu": the rate is the unit, written as "60%" rather than named (checked in specificsOf).
  if (asksRate(analysis)) analysis = { ...analysis, content: analysis.content.map((t) => (RATE_WORDS.has(t.term) ? { ...t, weight: t.weight * 0.3 } : t)) };
  const place = analysis.english ? undefined : WHICH_PLACE.exec(fold(analysis.question))?.[1];
  // "của phường nào": the quote names one ("phường Mường Thanh", "xã 3"), not "địa phương" nor "các xã, phường".
  const namesPlace = (draft: AnswerDraft) => !place || draft.citations.some((c) => namesPlaceIn(c.quote, place));
  const aboutDocument = options.corpus && metadataAnswer(analysis, passages, options.corpus);
  if (aboutDocument) return namesPlace(aboutDocument) ? { ...aboutDocument, by: 'metadata' } : refusal(passages, documents, 'no-place');
  // "Ai ký …" / "số hiệu" are answered from the document's own signature or number, or not at all:
  // a sentence mentioning the document is not who signed it.
  const kind = metadataKind(analysis.question);
  if (kind === 'signer' || kind === 'number') return refusal(passages, documents, 'no-metadata');
  const refKeys = refKeysOf(analysis);
  const namedIds = refKeys.size ? namedDocuments(analysis, documents) : new Set<string>();
  // "Kế hoạch 67 ban hành ngày nào?" about an undated document: another document's date is not its date.
  if (kind === 'date' && namedIds.size && documents.every((d) => !namedIds.has(d.id) || !d.date)) return refusal(passages, documents, 'no-metadata');

  // "… bằng những hình thức nào" over a section headed "HÌNH THỨC TUYÊN TRUYỀN": its items are the answer.
  const corpus = options.corpus;
  // "qua những kênh nào" names no kind of channel the documents write: the section of forms lists them all
  // ("qua những hội nghị nào" is answered by the sentence naming those conferences).
  const which = analysis.english ? englishWhichThing(analysis.question) : whichThing(analysis.question, idf);
  const broadMeans = asksForMeans(analysis) && !which;
  const sectionChunks = (docId: string) => chunksOf(corpus!.chunks, docId);
  const section = corpus && (listSection(analysis, passages, idf, sectionChunks, broadMeans) ?? purposeSection(analysis, passages, idf, sectionChunks));
  if (section) return { ...itemsAnswer(section, maxQuote), by: 'section' };

  const candidates: Candidate[] = [];
  // "Sở X được giao nhiệm vụ gì?": the answer is the body of the section headed "Sở X".
  const asksDuties = DUTY_QUESTION.test(fold(analysis.text));
  // "Kế hoạch căn cứ văn bản nào", "thực hiện theo chỉ thị nào": the preamble is what is asked.
  const asksBasis = /\b(can cu|dua tren|thuc hien theo|theo (van ban|ke hoach|nghi quyet|quyet dinh|chi thi|huong dan|cong van) nao|based on|pursuant)\b/.test(fold(analysis.text));
  const dutyAnalysis = { ...analysis, content: analysis.content.filter((t) => !DUTY_WORDS.has(t.term)) };
  // Who the duty question is about: its first content words ("Ban Tổ chức Tỉnh ủy … có trách nhiệm gì").
  const subject = dutyAnalysis.content.slice(0, 3).map((t) => t.term);
  // "Ban Xây dựng đảng Đảng ủy có nhiệm vụ gì": the section that begins with the body's name is its own;
  // others naming it as a partner ("phối hợp với Ban Xây dựng đảng …") are not.
  const body = dutySubject(analysis);
  const leads = (chunk: Passage['chunk']) => isSectionOf(chunk, body, idf, options.near);
  // "Phòng Nội vụ được giao gì theo văn bản thực hiện Nghị quyết …": a sentence of the body's own
  // section that opens with its name ("Phòng Nội vụ tham mưu …") states the body's duty; the
  // words naming its document ("văn bản thực hiện Nghị quyết …") only say where, and it is scored on the rest.
  // How much of what the question asks beyond the body and its duty a candidate says (idf-weighted); words its
  // heading or its document's title writes are said by where it stands.
  const named = new Set(body);
  const namesBody = (t: QueryAnalysis['content'][number]) => named.has(t.term) || (t.alt !== undefined && named.has(t.alt));
  const rest = dutyAnalysis.content.filter((t) => !namesBody(t));
  const saysRest = (c: Candidate) => {
    const { sentences, context } = chunkTokens(c.passage.chunk);
    const title = titledTokens(c.passage.doc);
    const { ocr } = c.passage.chunk;
    return weightedShare(rest, idf, (term) => title.has(term) || context.has(term), (t) => writesTerm(sentences[c.index]!.set, t.term, ocr, options.near, options.corpus?.knownWords) || writtenAlternative(t.alternatives, sentences[c.index]!.set, sentences[c.index]!.joined) !== undefined);
  };
  const names = (words: string[], ocr: boolean) => leadsWith(words, body, idf, ocr ? options.near : undefined) >= LEAD_COVERAGE;
  const ownAnalysis = (doc: DocumentMeta) => {
    const title = titledTokens(doc);
    return { ...dutyAnalysis, content: dutyAnalysis.content.filter((t) => namesBody(t) || !title.has(t.term)) };
  };
  // "qua những kênh nào / bằng hình thức nào": a sentence that states the means answers, not one about the same thing.
  const means = asksForMeans(analysis);
  const recipients = asksRecipients(analysis);
  // "tuyên truyền Kế hoạch 22 bằng hình thức nào": the guidance spreading it is named through it.
  const spreading = new Set(spreadingDocuments(analysis, documents));
  // "Ở xã An Bình …": a locality the question names (one the corpus's documents are of) must be one the quote's
  // document writes; another commune's plan of the same kind answers another question.
  const localities = namedLocalities(analysis.question, corpusLocalities(documents));
  const writesLocality = (doc: DocumentMeta, name: string) => namesLocality(doc, options.corpus?.documents.get(doc.id)?.text, name);
  const inLocality = (c: Candidate) => localities.every(({ name }) => writesLocality(c.passage.doc, name));
  // "trả bao nhiêu tiền mỗi quý": "tiền", "bao nhiêu" say what kind of value is asked (the kind's evidence
  // checks it), not what the sentence must repeat; the gate may measure coverage on the rest.
  // Only kinds the question asks itself: a follow-up's inherited kind ("Ai chủ trì …?" → "Ông ấy làm gì?") says nothing of its words.
  const kindWords = detectKinds(question.folded).length ? question.consumed : new Set<string>();
  const stripped = new WeakMap<QueryAnalysis, QueryAnalysis>();
  const withoutKindWords = (a: QueryAnalysis) => {
    let out = stripped.get(a);
    if (!out) stripped.set(a, (out = { ...a, content: a.content.filter((t) => !kindWords.has(t.term)) }));
    return out;
  };
  const askedTerms = new Set(analysis.content.map((t) => t.term));
  // The body's own section is read wherever the retriever ranked it.
  for (const passage of passages.filter((p, rank) => rank < 6 || leads(p.chunk))) {
    const { chunk } = passage;
    const { sentences, context } = chunkTokens(chunk);
    const own = leads(chunk) ? THRESHOLDS.ownSection : 0;
    const byNumber = namedIds.has(passage.doc.id);
    // A document named through the one it implements: its title's words ("triển khai Kế hoạch 22") name it too.
    const implementing = (byNumber && !passage.doc.docNumber) || (spreading.has(passage.doc.id) && !byNumber);
    const document = implementing ? titledTokens(passage.doc) : documentTokens(passage.doc);
    const named = byNumber || namesPlaceOf(analysis, passage.doc) ? 0.2 : 0;
    const reading = namingOf(analysis, passage.doc);
    // The recipients list names many bodies; it answers only "gửi tới …".
    if (!recipients && isRecipientsList(chunk)) continue;
    chunk.sentences.forEach((span, index) => {
      // The header's place-and-date or number line ("Sơn La, ngày 19 tháng 7 năm 2023 121-KH/BTGTU") names the document,
      // it answers nothing else (date and number questions are answered from the metadata above).
      if (isDocumentHeaderLine(chunk.text.slice(span.start, span.end))) return;
      // "1.", "Điều 14.", "b)": a numbering label the sentence splitter left alone says nothing, unless the question
      // names that number ("nội dung thứ 5", "Điều 14"); otherwise the words after it answer.
      const label = NUMBERING_ONLY.exec(chunk.text.slice(span.start, span.end).trim());
      if (label && !askedTerms.has(fold(label[1]!).toLowerCase().replace(/[().]/g, ''))) return;
      const duty = asksDuties && isHeadingLine(chunk, index) && namesSubject(sentences[index]!, subject, chunk.ocr, options.near) ? 0.25 : 0;
      // A heading names who, not the duty words: score it on the rest of the question.
      const scoredOn = own && !duty && names(sentences[index]!.words, chunk.ocr) ? ownAnalysis(passage.doc) : duty || own ? dutyAnalysis : reading.analysis;
      const scoring = { context, document, fuzzy: chunk.ocr, known: options.corpus?.knownWords, near: options.near, accents: !chunk.ocr, documentStrength: implementing ? 0.9 : 0.5, naming: reading.words, title: titledTokens(passage.doc) };
      const tokens = sentenceTokens(chunk, index);
      const key = `${chunk.id}#${index}`;
      const scored = scores.get(key) ?? scoreSentence(tokens, scoredOn, idf, scoring);
      scores.set(key, scored);
      const { score, coverage, exactCoverage, pairs, titled } = scored;
      if (titled > 0) sawTitle?.();
      // The coverage of the question's topic alone (its kinds' words left out), read only when the gate asks for it.
      const topicOnly = () => scoreSentence(tokens, withoutKindWords(scoredOn), idf, scoring);
      // A row of an OCR'd table ("| Vécong tac … | 1€ hoi nghi", "~ 7 7\\") matches many words but reads as noise.
      // A clean table's row under a header row is read with it (sentenceTokens) and is no noise.
      const tableRow = (chunk.text.slice(span.start, span.end).match(chunk.ocr ? /[|~€\\{}<>]/g : /\|/g)?.length ?? 0) >= 2 && (chunk.ocr || !headerOf(chunk, index)) ? 0.3 : 0;
      const way = means && statesMeans(chunk, sentences[index]!) ? THRESHOLDS.meansBonus : 0;
      // "Căn cứ …", "Thực hiện Văn bản số …": a preamble cites what the document rests on, in the words of its
      // title; it answers what the document rests on, not what the document says.
      const preamble = !asksBasis && PREAMBLE_LINE.test(chunk.text.slice(span.start, span.end)) ? THRESHOLDS.preambleLine : 0;
      candidates.push({ passage, index, start: span.start, end: span.end, score: score + 0.35 * passage.score + named + Math.max(duty, own) + way - tableRow - preamble + (byTitle ? titled : 0), coverage, exactCoverage, pairs, topicOnly });
    });
  }
  candidates.sort((a, b) => b.score - a.score);
  options.trace?.(candidates.map((c) => ({ score: c.score, coverage: c.coverage, exactCoverage: c.exactCoverage, pairs: c.pairs, passageScore: c.passage.score, text: c.passage.chunk.text.slice(c.start, c.end) })));
  // A question asking how many / when is answered only by a passage that states a number / a time. A time is asked
  // when the question's kinds (registry) say so ("khi nào", "thời hạn", "bao lâu"), not when a topic word only
  // sounds like one ("hoàn thành tốt", "thời gian biểu"); it is shown by a date or period the way the
  // documents write one, or by the evidence of any time kind asked ("trong vòng 12 giờ", "02 tháng/lần").
  // A claim to judge ("…, đúng hay sai?") is answered by the clause that decides it, whatever numbers it states.
  const judges = kindsOf(question).some((k) => k.spec.judges);
  const families = valueFamilies(kindsOf(question));
  const timeKinds = families.get('time') ?? [];
  // A list question ("gồm những gì") needs no number, unless its kinds ask one ("gồm bao nhiêu người").
  const asksAmount = families.has('amount');
  const needs = (['quantity', 'time'] as const).filter(
    (i) => analysis.intents.has(i) && (!analysis.intents.has('list') || (i === 'quantity' && asksAmount)) && (i !== 'time' || timeKinds.length > 0),
  );
  // A length asked alone ("thời hạn mấy năm") is shown by a length, not by any date (a "Căn cứ" clause's year).
  const anyDate = !timeKinds.length || !timeKinds.every((k) => k.spec.length);
  const showsTime = (fresh: string) => (anyDate && INTENT_EVIDENCE.time.test(fresh)) || timeKinds.some((k) => showsEvidence(k, fresh));
  const specifics = specificsOf(analysis, idf);
  // Numbers the question already states ("Kết luận 226", "năm 2023") are not the number or date it asks for.
  const spoken = ` ${askedWords(analysis).join(' ')} `;
  // "1 năm … tối đa mấy lần": the "1" of a rate's period is no number the question gives ("01 lần/năm" answers it).
  const ownNumbers = [...new Set(askedWords(analysis).filter((w, i, words) => /^\d+$/.test(w) && !isRatePeriod(words, i)))];
  // Nor are the numbers of document references ("Kế hoạch số 22-KH/TU") a count.
  // The date of another document a sentence cites ("Quy định số 101-QĐ/TW, ngày 07/6/2012") is that document's, not a deadline.
  const askedRefs = new Set(analysis.refs.flatMap((r) => r.short.match(/\d+/g) ?? []).map((n) => String(Number(n))));
  // "Chỉ thị … về nêu gương là chỉ thị số mấy, ngày nào": a cited document asked by its subject is answered by its reference and date.
  const citedType = !analysis.english ? /\b(chi thi|quy dinh|nghi quyet|ket luan|huong dan|ke hoach|van ban) so (may|bao nhieu|nao)\b/.exec(spoken)?.[1] : undefined;
  const asksCitedNumber = citedType !== undefined;
  // …by a reference of that type ("Hướng dẫn số mấy" by "108-HD/BTGTW"), whose number is then the answer, not a document's own.
  const citedCode = citedType && typeCode(citedType)?.toUpperCase();
  const citesAskedType = (text: string) => !citedCode || findDocRefs(text).some((r) => (r.full ?? r.short).toUpperCase().includes(citedCode));
  const withoutCitedDates = (text: string) => (asksCitedNumber ? text : text.replace(CITED_DATE, (m, n: string) => (askedRefs.has(String(Number(n))) ? m : ' ')));
  const withoutOwn = (text: string) => ownNumbers.reduce((t, n) => t.replace(new RegExp(`(^|[^0-9])0*${n}(?![0-9])`, 'g'), '$1 '), asksCitedNumber ? withoutCitedDates(text) : withoutCitedDates(text).replace(REFERENCE_NUMBER, ' '));
  const countsThings = !analysis.english && / (bao nhieu|may) (cuoc|dot|vu|buoi|luot) /.test(spoken);
  // "khóa mấy / lần thứ mấy" is answered by "khóa XIV"; "mức phạt là bao nhiêu" is not.
  const asksOrdinal = !/ bao nhieu /.test(spoken) || / (khoa|thu|ki|ky|quy) bao nhieu /.test(spoken);
  // English: "on what date" asks a calendar day ("on which day" may be a weekday, "by what date" a month).
  const asksDay = analysis.english ? /\bon (what|which) date\b/i.test(analysis.question) : /\b(ngay nao|ngay may|ngay bao nhieu|han cuoi|han chot)\b/.test(fold(analysis.question));
  // The text a candidate's quote may run to (its sentence, extended over a lead-in's items): evidence is read there.
  const longQuote = Math.round(maxQuote * THRESHOLDS.longQuote);
  const evidence = new Map<Candidate, string>();
  const evidenceOf = (c: Candidate) => {
    let text = evidence.get(c);
    if (text === undefined) evidence.set(c, (text = c.passage.chunk.text.slice(c.start, extendQuote(c.passage.chunk, c.index, c.end, false, longQuote))));
    return text;
  };
  const unitKinds = kindsOf(question).filter((k) => k.spec.unitEvidence);
  const holdsEvidence = (c: Candidate) => {
    const text = fold(evidenceOf(c)).replace(LIST_MARKER, '$1');
    const fresh = withoutOwn(text);
    // A date ("ngày 16/01/2026") is not a count; for "bao nhiêu buổi", nor is a year or an ordinal ("lần thứ XIV").
    const undated = fresh.replace(FULL_DATE, ' ');
    // "bốn nguyên tắc": a count spelled out counts when the unit asked follows it.
    const spelled = specifics.units.length > 0 && spelledCount(undated, specifics.units);
    const counts = countsThings ? STANDALONE_NUMBER.test(undated.replace(/\b(19|20)\d\d\b/g, ' ')) : STANDALONE_NUMBER.test(undated) || spelled || (asksOrdinal && ROMAN_ORDINAL.test(undated));
    if (!needs.every((i) => (i === 'quantity' ? counts : showsTime(fresh)))) return false;
    // "ngày nào / hạn cuối": a day, not just a year or a period.
    if (asksDay && !DAY_EVIDENCE.test(fresh)) return false;
    if (!citesAskedType(evidenceOf(c))) return false;
    // A kind whose evidence is its unit ("bao nhiêu tiền" shown by "350 triệu đồng", a rate by "02 lần/tuần"): the unit word need not be written.
    const asked = unitKinds.length && unitKinds.every((k) => showsEvidence(k, text)) ? { ...specifics, units: [] } : specifics;
    const columns = headerOf(c.passage.chunk, c.index);
    return mentionsSpecifics(asked, text, c.passage, options.corpus?.knownWords, question.synonyms, columns && fold(columns).toLowerCase()) && meets(c);
  };
  // "lương cơ sở", "bị kỷ luật mức nào", "mấy lần 1 tháng", "cấp huyện": the quote must state what is asked.
  const demands = demandsOf(analysis);
  const meets = (c: Candidate) => {
    if (!hasDemands(demands)) return true;
    const { chunk } = c.passage;
    return meetsDemands(demands, evidenceOf(c), `${chunk.sectionTitle} ${chunk.headings.join(' ')} ${c.passage.doc.title}`, chunk.ocr);
  };
  const top = candidates[0];
  const gated = !judges && (needs.length > 0 || asksDay || specifics.units.length > 0 || specifics.numbers.length > 0 || specifics.subject.length > 0 || specifics.counted.length > 0 || hasDemands(demands));
  // A close runner-up that covers the question beats a top sentence that does not (a heading boosted for "làm gì").
  const askedPairs = analysis.content.filter((t) => t.weight === 1).length >= 3;
  // "ai đạt giải nhất", "ai xử lý …": the answer states that act, not only the topic around it.
  const act = analysis.english ? undefined : askedAct(analysis);
  // "Ai đứng đầu …" is stated by a synonym of the act's phrase ("… làm Trưởng Ban").
  const actSynonyms = act ? question.synonyms.filter(([phrase]) => phrase.split(' ').includes(act)).flatMap(([, others]) => others) : [];
  const statesAct = (c: Candidate) => {
    if (!act) return true;
    const { sentences, context } = chunkTokens(c.passage.chunk);
    return (
      context.has(act) ||
      writesTerm(sentences[c.index]!.set, act, c.passage.chunk.ocr, options.near, options.corpus?.knownWords) ||
      actSynonyms.some((o) => sentences[c.index]!.joined.includes(` ${o} `))
    );
  };
  // Words found one by one across a sentence ("lương cơ sở" in "… số lượng so với năm trước") are not the
  // question's phrase: a question of several words needs one of its pairs side by side, or most of its words.
  // Words the document or the heading already say ("hướng dẫn Điện Biên") pick the passage; the phrase is the rest.
  const ownWords = (c: Candidate) => {
    const { context } = chunkTokens(c.passage.chunk);
    const document = documentTokens(c.passage.doc);
    return analysis.content.filter((t) => t.weight === 1 && !context.has(t.term) && !document.has(t.term)).length >= 3;
  };
  const phrased = (c: Candidate) => c.pairs > 0 || !askedPairs || analysis.english || c.coverage >= THRESHOLDS.phrasedCoverage || !ownWords(c);
  // "Chủ tịch nước", "Bí thư Tỉnh ủy": a position the question names must be the one the quote names.
  // English: only "Who is the General Secretary …" (read through the glossary) names a position to hold.
  const englishHolder = analysis.english && /^\s*who (is|was|will be|has been)\b/i.test(analysis.question);
  const translated = englishHolder ? ` ${foldedSyllables(analysis.text).join(' ')} ` : '';
  const positions = analysis.english ? (englishHolder ? POSITIONS.filter((p) => translated.includes(` ${p} `)) : []) : POSITIONS.filter((p) => spoken.includes(` ${p} `));
  const namesPosition = (c: Candidate) => {
    if (!positions.length) return true;
    const { sentences } = chunkTokens(c.passage.chunk);
    // A position the document's own title names ("Hội thi Bí thư chi bộ giỏi") is its topic, stated by every sentence of it.
    const heading = ` ${foldedSyllables(`${c.passage.chunk.sectionTitle} ${c.passage.chunk.headings.join(' ')} ${c.passage.doc.title}`).join(' ')} `;
    return positions.every((p) => sentences[c.index]!.joined.includes(` ${p} `) || heading.includes(` ${p} `));
  };
  // "… là đồng chí nào?" asks for a person: the quote must name one ("đồng chí Nghiêm Xuân Thành"), not the office.
  // "Tổng Bí thư … là ai", "ai là Bí thư …", "ai đang làm Giám đốc …" (who holds it now): a position's holder is a person too.
  const asksPerson = (englishHolder && positions.length > 0) || (!analysis.english && (/\b(la|do) (dong chi|ong|ba) nao\b/.test(fold(analysis.question)) || (positions.length > 0 && /\b(la ai|ai la|ai dang (la|lam|giu))\b/.test(fold(analysis.question)))));
  const namesPerson = (c: Candidate) => !asksPerson || /(đồng chí|ông|bà)\s+\p{Lu}\p{Ll}*\s+\p{Lu}/u.test(c.passage.chunk.text.slice(c.start, c.end));
  // "Thành phố Đồng Nai … từ ngày nào": a rare name the question writes (the corpus writes it once or twice) is
  // what the question is about; a quote, with its heading and document, that does not name it answers something else.
  // A province the question names ("Lai Châu quy định …") is held to the same test, however often the corpus writes it.
  const rareNames = [...new Set([...(analysis.english ? [] : rareNamesOf(analysis.question, idf)), ...namedProvinces(analysis.question)])];
  const namesRare = (c: Candidate) => {
    if (!rareNames.length) return true;
    // Sentence then heading (the document's words are a set, checked word by word).
    const around = `${chunkTokens(c.passage.chunk).sentences[c.index]!.joined}${foldedSyllables(`${c.passage.chunk.sectionTitle} ${c.passage.chunk.headings.join(' ')}`).join(' ')} `;
    const document = titledTokens(c.passage.doc);
    return rareNames.every((name) => around.includes(` ${name} `) || name.split(' ').every((w) => document.has(w)));
  };
  // "tối đa mấy phút", "tỷ lệ … bao nhiêu": the best sentence that states the number in the unit asked for answers
  // on less of the question's wording (a scan's misread words, the question's paraphrase), not a runner-up.
  // The first close sentence that states it counts as the top: clean sentences naming the document outrank a scan's answer.
  let stating: Candidate | null | undefined;
  const firstStating = () => (stating === undefined ? (stating = candidates.find((c) => c.score >= THRESHOLDS.measuredShare * top!.score && holdsEvidence(c)) ?? null) : stating);
  const measured = (c: Candidate) =>
    needs.includes('quantity') && specifics.units.length > 0 && c.coverage >= THRESHOLDS.relaxedCoverage && c.exactCoverage >= THRESHOLDS.relaxedExactCoverage && (c === top ? holdsEvidence(c) : c === firstStating());
  // "Hướng dẫn số mấy": a sentence citing a document of that type answers on less of the wording (the rest names it).
  const citesAsked = (c: Candidate) => asksCitedNumber && c.coverage >= THRESHOLDS.relaxedCoverage && c.exactCoverage >= THRESHOLDS.relaxedExactCoverage && holdsEvidence(c);
  // The question's topic (its words less those its kinds consume, a synonym counting for its word), found in the
  // sentence, its headings or its document.
  const topicOf = (c: Candidate) => topicCoverage(question, candidateWords(c), idf);
  // Coverage of the question, or of its topic alone when the quote shows what its kinds ask (their evidence).
  const coversTopic = (c: Candidate) => {
    if (!kindWords.size || !kindsOf(question).some((k) => k.evidence.length) || kindEvidence(question, fold(evidenceOf(c))) < 1) return false;
    const t = c.topicOnly();
    return t.coverage >= minCoverage && t.exactCoverage >= minExact;
  };
  const coverageGate = (c: Candidate) => (c.coverage >= minCoverage && c.exactCoverage >= minExact) || measured(c) || coversTopic(c);
  const covers = (c: Candidate) => ((coverageGate(c) && phrased(c)) || citesAsked(c)) && statesAct(c) && namesPosition(c) && namesPerson(c) && namesRare(c) && inLocality(c);
  // "Tỷ lệ … của riêng xã X": in a document of another place (a district's report naming its communes), a value
  // answers for X only in a clause that names X, not in a neighbouring clause of the sentence.
  const valueKinds = [...families.values()].flat();
  const ofPlace = (c: Candidate, name: string) =>
    ` ${foldedSyllables(`${c.passage.doc.title} ${c.passage.doc.issuer ?? ''} ${c.passage.doc.place ?? ''} ${c.passage.chunk.sectionTitle} ${c.passage.chunk.headings.join(' ')}`).join(' ')} `.includes(` ${name} `);
  const valueNamesPlace = (c: Candidate) => {
    const elsewhere = judges || !valueKinds.length ? [] : localities.filter(({ name }) => !ofPlace(c, name));
    if (!elsewhere.length) return true;
    return clausesOf(fold(evidenceOf(c)).toLowerCase()).some((clause) => {
      const words = ` ${foldedSyllables(clause).join(' ')} `;
      return elsewhere.every(({ name }) => words.includes(` ${name} `)) && valueKinds.some((k) => showsEvidence(k, withoutOwn(clause)));
    });
  };
  // A table row answers for what its label names (the commune, the target asked), not for its header's words alone;
  // an English question writes no label's words.
  const labelled = (c: Candidate) => analysis.english || rowAnswers(c.passage.chunk, c.index, question.folded);
  const eligible = (c: Candidate) => covers(c) && (!gated || holdsEvidence(c)) && valueNamesPlace(c) && labelled(c);
  let best: Candidate | undefined = top && candidates.find((c) => c.score >= THRESHOLDS.closeToTop * top.score && eligible(c));
  // The heading says who ("Các chi, đảng bộ trực thuộc huyện"); the sentence must say the rest
  // ("kiến nghị giải pháp"). A close candidate that, with its heading, covers clearly more of the
  // question, and holds itself what its heading does not, beats one of the same document that only repeats the who.
  if (best && !analysis.english) {
    const first = best;
    const better = candidates.find(
      (c) =>
        c !== first && c.passage.doc.id === first.passage.doc.id && c.score >= 0.75 * top!.score && c.coverage >= first.coverage + 0.1 && eligible(c) && restCoverage(c, analysis, idf) >= 0.67 &&
        // The body's own section is not left for one naming it as a partner.
        (!leads(first.passage.chunk) || leads(c.passage.chunk)),
    );
    if (better) best = better;
  }
  // A close candidate (within `share` of the top score) that has what the question asks for beats a best one without it.
  const preferred = (current: Candidate | undefined, wanted: (c: Candidate) => boolean, share: number = THRESHOLDS.preferredShare) =>
    !current || wanted(current) ? current : (candidates.find((c) => c !== current && c.score >= share * top!.score && eligible(c) && wanted(c)) ?? current);
  // "Phòng Nội vụ có trách nhiệm gì": a close sentence of that body's own section answers, not the general duties.
  if (body.length) best = preferred(best, (c) => leads(c.passage.chunk), THRESHOLDS.ownSectionShare);
  // The body's own sections in two documents (the plan, and the guidance spreading it), or two sentences of one:
  // the one that leaves the rest of the question unsaid ("khi có vướng mắc") gives way to
  // the one that says it, in its sentence, heading or document title (the guidance spreading a plan names the plan in its title).
  if (body.length && best && leads(best.passage.chunk) && saysRest(best) < 0.5) {
    best = preferred(best, (c) => leads(c.passage.chunk) && saysRest(c) >= 0.67, THRESHOLDS.otherOwnShare);
  }
  // The words of a section's heading ("(4) Về bảo đảm quốc phòng, an ninh …") pick the section; when the sentence
  // holds none of the rest ("tư tưởng giữ nước"), a sentence of the same section that does answers.
  if (best && !analysis.english && restCoverage(best, analysis, idf) < 0.25) {
    const heading = best;
    best = preferred(best, (c) => c.passage.chunk.id === heading.passage.chunk.id && restCoverage(c, analysis, idf) >= 0.5, 0.85);
  }
  // "trên những mạng xã hội nào": the list follows the thing named; a sentence that writes that phrase
  // whole ("mạng xã hội (Facebook, Zalo…)"). "Còn hình thức thì gồm những gì?": the thing the
  // follow-up turns to, by its first two words. The heading line names the thing without listing it: the sentence under it does.
  const turnedTo = FOLLOW_UP_THING.exec(spoken)?.[1]?.split(' ').slice(0, 2).join(' ');
  const thing = analysis.english ? undefined : (ASKED_THING.exec(spoken)?.[1] ?? LINKED_THING.exec(spoken)?.[1] ?? turnedTo);
  // "kiến nghị với cơ quan nào": a kind of body is answered by the body's name ("với Huyện ủy"), not by the kind's word.
  const asked = thing && !BODY_KINDS.has(thing) ? thing : undefined;
  if (asked) best = preferred(best, (c) => chunkTokens(c.passage.chunk).sentences[c.index]!.joined.includes(` ${asked} `) && !isHeadingLine(c.passage.chunk, c.index));
  // "phương tiện thì gồm những gì": a close sentence that lists after the thing ("… phương tiện: xe, loa, …").
  if (asked && analysis.intents.has('list')) {
    const listing = new RegExp(`(^|[^a-z])${asked}( [a-z]+){0,3}\\s*:\\s*[a-z]`);
    best = preferred(best, (c) => listing.test(fold(c.passage.chunk.text.slice(c.start, c.end))) && !isHeadingLine(c.passage.chunk, c.index));
  }
  // Phương châm “03 dám”: the sentence that writes the quoted name (a scan may misread one letter of a
  // word: "03 ddm"), not one that writes another quoted name ("3 hơn").
  const quoted = analysis.english ? undefined : quotedName(analysis.question);
  if (quoted) best = preferred(best, (c) => writesPhrase(chunkTokens(c.passage.chunk).sentences[c.index]!.words, quoted, c.passage.chunk.ocr));
  // "Kế hoạch cấm những việc gì", "không được …": a close sentence that states a prohibition answers, not one about the same topic.
  const forbids = asksProhibition(analysis);
  if (forbids) best = preferred(best, (c) => statesProhibition(c.passage.chunk.text.slice(c.start, c.end)), 0.7);
  // "Trường hợp nào thì không …": the answer states a condition ("… nếu không thật sự cần thiết").
  if (!analysis.english && / truong hop nao /.test(spoken)) best = preferred(best, (c) => chunkTokens(c.passage.chunk).sentences[c.index]!.set.has('neu'), 0.7);
  // "trên mạng xã hội nào": the sentence that names them ("mạng xã hội (Facebook, Zalo…)"), not one that only mentions the thing.
  if (which) best = preferred(best, (c) => enumerates(c, which));
  // "Chỉ thị nào của Sơn La về …", "Which directive …": a sentence citing a document of that type ("18-CT/TU").
  const askedType = askedDocumentType(analysis);
  if (askedType) best = preferred(best, (c) => askedType.test(fold(c.passage.chunk.text.slice(c.start, c.end))));
  if (means) best = preferred(best, (c) => statesMeans(c.passage.chunk, chunkTokens(c.passage.chunk).sentences[c.index]!));
  // "thuộc tỉnh nào": a close sentence naming a place of that kind ("… Tỉnh ủy Lai Châu") answers; one that only says "trực thuộc" does not.
  if (place) best = preferred(best, (c) => namesPlaceIn(c.passage.chunk.text.slice(c.start, c.end), place), THRESHOLDS.placeShare);
  // "Cả huyện có bao nhiêu …" over a table: its total row answers, not the first commune's row with the same headings.
  if (best && headerOf(best.passage.chunk, best.index) && asksWhole(question.folded)) {
    const table = best.passage.chunk;
    best = preferred(best, (c) => c.passage.chunk === table && headerOf(table, c.index) !== undefined && isTotalRow(fold(table.text.slice(c.start, c.end)).toLowerCase()));
  }
  // "Xã Hải Triều có bao nhiêu …" over a table: the row with that label answers, not a close row of another place.
  const namedRows = best && !asksWhole(question.folded) ? rowsNamed(best.passage.chunk, best.index, question.folded) : [];
  if (best && namedRows.length) {
    const table = best.passage.chunk;
    best = preferred(best, (c) => c.passage.chunk === table && namedRows.includes(c.index), 0);
  }
  // A follow-up asks for what the last answer did not say: a close candidate showing new evidence for the kinds
  // asked beats one whose evidence the last answer already showed ("… trong bao lâu?" after "… trong 03 ngày …").
  const said = analysis.previousAnswer;
  if (said) {
    const shown = kindsOf(question).flatMap((k) => k.evidence);
    best = preferred(best, (c) => !repeatsAnswer(shown, said, evidenceOf(c)));
  }
  // A regulation a clean document and a scanned one both cite ("Quy định 99-QĐ/TW nói về gì"): quote the clean text.
  const cited = refKeys.size && !namedIds.size ? [...new Set(analysis.refs.map((r) => r.short.match(/\d+/)?.[0]).filter(Boolean))] : [];
  if (best && best.passage.chunk.ocr && cited.length) {
    const first = best;
    const citesIt = (c: Candidate) => cited.every((n) => chunkTokens(c.passage.chunk).sentences[c.index]!.set.has(n!));
    const clean = candidates.find((c) => !c.passage.chunk.ocr && c.score >= 0.75 * first.score && citesIt(c) && eligible(c));
    if (clean) best = clean;
  }
  // The fitted decision's view of a candidate: the rule gates become features beside the lexical scores.
  const rankOfPassage = new Map(passages.map((p, i) => [p, i]));
  const scoreCandidates = (list: Candidate[], choice: Candidate | undefined) => {
    const contrast = contrastCoverage(question, list.map((c) => wordSet(evidenceOf(c))), idf);
    return list.map((c, rank) => {
      const { chunk } = c.passage;
      const quote = evidenceOf(c);
      const features: Features = {
        score: c.score,
        relScore: top ? c.score / Math.max(1e-9, top.score) : 0,
        rankInv: 1 / (1 + rank),
        coverage: c.coverage,
        exactCoverage: c.exactCoverage,
        paired: c.pairs > 0 ? 1 : 0,
        passageScore: c.passage.score,
        passageRankInv: 1 / (1 + (rankOfPassage.get(c.passage) ?? passages.length)),
        covers: covers(c) ? 1 : 0,
        phrased: phrased(c) ? 1 : 0,
        statesAct: statesAct(c) ? 1 : 0,
        namesPosition: namesPosition(c) ? 1 : 0,
        namesPerson: namesPerson(c) ? 1 : 0,
        namesRare: namesRare(c) ? 1 : 0,
        coverageGate: coverageGate(c) ? 1 : 0,
        holdsEvidence: !gated || holdsEvidence(c) ? 1 : 0,
        eligible: eligible(c) ? 1 : 0,
        ocr: chunk.ocr ? 1 : 0,
        headingLine: isHeadingLine(chunk, c.index) ? 1 : 0,
        topicCoverage: topicOf(c),
        sentenceTopic: topicCoverage(question, chunkTokens(chunk).sentences[c.index]!.set, idf),
        kindEvidence: kindEvidence(question, fold(quote)),
        restCoverage: analysis.english ? c.coverage : restCoverage(c, analysis, idf),
        lengthLog: Math.log(1 + quote.length) / Math.log(1000),
        rulesChoice: c === choice ? 1 : 0,
        contrastCoverage: contrast[rank]!,
        inLocality: inLocality(c) ? 1 : 0,
        valueClause: valueClause(question, withoutOwn(fold(quote)), idf),
        unitNextToNumber: unitNextToNumber(question, withoutOwn(fold(quote))),
        askedYear: askedYear(question, fold(`${quote} ${chunk.sectionTitle} ${chunk.headings.join(' ')}`)),
      };
      return { c, features };
    });
  };
  // OCR-tolerant matches find something in any garbled table: part of the question must match exactly.
  // The rule gates' verdict; when they refuse, the fitted scorer may still answer with its best candidate.
  const rules: 'answered' | RefusalReason = best && covers(best) ? 'answered' : candidates.slice(0, THRESHOLDS.scoredCandidates).some(covers) ? 'no-evidence' : 'low-coverage';
  // The rules' choice is scored with the rest (it may rank below the top ones after the preferences above).
  const pool = candidates.slice(0, THRESHOLDS.scoredCandidates);
  const rulesChoice = rules === 'answered' ? best : undefined;
  if (rulesChoice && !pool.includes(rulesChoice)) pool.push(rulesChoice);
  // Scoring costs a feature pass over the pool: only when the scorer may change the answer, or a trace asks for it.
  const mayDecide = rules === 'answered' ? SWITCH_THRESHOLD <= 1 || VETO_THRESHOLD > 0 : ANSWER_THRESHOLD <= 1;
  const described = mayDecide || sink.debug ? scoreCandidates(pool, rulesChoice) : [];
  const judged = judgeCandidates(described.map((d) => d.features));
  const scored = described.map((d, i) => ({ ...d, probability: judged.probabilities[i]! }));
  sink.rules = rules;
  if (sink.debug) sink.candidates = scored.map(({ c, features, probability }) => ({ source: c.passage.doc.source, section: c.passage.chunk.section, text: c.passage.chunk.text.slice(c.start, c.end), evidence: evidenceOf(c), features, probability }));
  const pick = scored[judged.pick];
  sink.probability = pick?.probability;
  let decidedBy: 'rules' | 'scorer' = 'rules';
  if (rules !== 'answered') {
    // The rules refused: the scorer's best candidate answers when it is likely enough to be right.
    if (!pick || pick.probability < ANSWER_THRESHOLD) return refusal(passages, documents, rules as RefusalReason);
    best = pick.c;
    decidedBy = 'scorer';
  } else if (VETO_THRESHOLD > 0 && described.some((d) => d.c === rulesChoice && vetoProbability(d.features) < VETO_THRESHOLD)) {
    // The rules answered, but the fitted veto finds their quote unlikely to hold what is asked.
    return refusal(passages, documents, 'no-evidence');
  } else if (pick && pick.c !== rulesChoice && pick.probability >= SWITCH_THRESHOLD) {
    // The rules answered, but another candidate is clearly likelier to be right.
    best = pick.c;
    decidedBy = 'scorer';
  }
  if (!best) return refusal(passages, documents, 'no-candidate');
  // The rules answered: of the close candidates, the one that states what is asked is quoted (selection.ts).
  if (decidedBy === 'rules' && top) {
    const choice = best;
    // Only candidates about what the question names (its place, rare names, position) may be quoted instead.
    const window = candidates.slice(0, THRESHOLDS.scoredCandidates).filter((c) => c.score >= selectionWindow() * top.score && inLocality(c) && namesRare(c) && namesPosition(c));
    if (!window.includes(choice)) window.push(choice);
    const asked = selectionQuestion(question);
    const contrast = contrastCoverage(question, window.map((c) => wordSet(evidenceOf(c))), idf);
    const rows = window.map((c, i) => ({
      source: c.passage.doc.source,
      text: evidenceOf(c),
      features: {
        relScore: c.score / Math.max(1e-9, top.score),
        rulesChoice: c === choice ? 1 : 0,
        eligible: eligible(c) ? 1 : 0,
        coverage: c.coverage,
        contrast: contrast[i]!,
        // A cited document's date ("Kế hoạch số 22-KH/TU, ngày 16/01/2026") is no value of what is asked.
        ...quoteFeatures(asked, withoutOwn(fold(evidenceOf(c)).replace(LIST_MARKER, '$1').replace(CITED_DATE, ' ')), chunkTokens(c.passage.chunk).sentences[c.index]!.joined.trim(), foldedSyllables(`${c.passage.chunk.sectionTitle} ${c.passage.chunk.headings.join(' ')}`).join(' ')),
        headingLine: isHeadingLine(c.passage.chunk, c.index) ? 1 : 0,
        judgedTopSection: judges && inSectionOf(c.passage.chunk, passages[0]!.chunk) ? 1 : 0,
        judgedRulesChoice: judges && c === choice ? 1 : 0,
      },
    }));
    best = window[pickCandidate(rows)]!;
  }

  const chosen = [best];
  // A near tie (within 15%) is shown too: the cadre sees both excerpts rather than the one a few points ahead.
  const second = candidates.find(
    (c) =>
      c !== best && c.coverage >= minCoverage && c.score >= THRESHOLDS.closeToTop * best.score && (!gated || holdsEvidence(c)) && (!place || namesPlaceIn(c.passage.chunk.text.slice(c.start, c.end), place)) &&
      (c.passage.chunk.id !== best.passage.chunk.id || Math.abs(c.start - best.start) > 0) && meets(c) && inLocality(c) &&
      // Beside a prohibition, a near tie that forbids nothing is about the topic, not the question.
      (!forbids || !statesProhibition(best.passage.chunk.text.slice(best.start, best.end)) || statesProhibition(c.passage.chunk.text.slice(c.start, c.end))),
  );
  // A list question may have its items in two sentences of one section: quote both, unless one quote would already hold the other.
  // What is forbidden is often stated in a run of sentences ("Không ban hành … . Không đưa …"): the quote takes the run.
  const quoteEnd = (c: Candidate) => {
    const end = extendQuote(c.passage.chunk, c.index, c.end, analysis.intents.has('list'), longQuote);
    if (end !== c.end) return end;
    if (forbids) {
      const run = prohibitionRun(c.passage.chunk, c.index, end, longQuote);
      if (run !== end) return run;
    }
    return continuationEnd(c.passage.chunk, chunkTokens(c.passage.chunk).sentences, c.index, end, nextReading(c), longQuote);
  };
  // What the next sentence writes of the question (its kinds' words left out) that the quoted one, its headings and its
  // document do not; whether it opens with the body a duty question asks about.
  const nextReading = (c: Candidate): NextSentenceReading => {
    const { context } = chunkTokens(c.passage.chunk);
    const document = documentTokens(c.passage.doc);
    const { ocr } = c.passage.chunk;
    const writes = (tokens: SentenceTokens, t: QueryAnalysis['content'][number]) =>
      writesTerm(tokens.set, t.term, ocr, options.near, options.corpus?.knownWords) || writtenAlternative(t.alternatives, tokens.set, tokens.joined) !== undefined;
    const topic = analysis.content.filter((t) => !kindWords.has(t.term));
    return {
      added: (quoted, next) => weightedShare(topic, idf, () => false, (t) => !context.has(t.term) && !document.has(t.term) && writes(next, t) && !writes(quoted, t)),
      opensWithSubject: (next) => body.length > 0 && names(next.words, ocr),
    };
  };
  const bestEnd = quoteEnd(best);
  const sameChunkOk = (c: Candidate) => analysis.intents.has('list') && (c.start >= bestEnd || c.end <= best.start);
  if (second && (second.passage.chunk.id !== best.passage.chunk.id || sameChunkOk(second))) chosen.push(second);

  const citations = chosen.map((c, i) => {
    const text = c.passage.chunk.text;
    const extended = quoteEnd(c);
    const [a, b] =
      extended > c.end
        ? trimQuote(text, c.start, extended)
        : ((namedIds.has(c.passage.doc.id) || askedType ? undefined : aroundReference(text, c.start, c.end, analysis, maxQuote)) ?? narrow(text, c.start, c.end, restOfQuestion(analysis, c.passage), idf, maxQuote));
    return toCitation(i + 1, c.passage, text.slice(a, b), c.score);
  });
  const draft = quotedAnswer(citations, chosen.map((c) => c.passage));
  return namesPlace(draft) ? { ...draft, by: decidedBy } : refusal(passages, documents, 'no-place');
}

/** "Theo Kế hoạch số …, …, ngày (mục …):" and the quote, for each citation. */
function quotedAnswer(citations: Citation[], passages: Passage[]): AnswerDraft {
  const lines = citations.map((c) => {
    return `Theo ${documentLine(passages[c.n - 1]!.doc)} (${whereLabel(c)}):\n${quoteLines(c)}`;
  });
  if (citations.some((c) => c.ocr)) lines.push(OCR_NOTE);
  return { answered: true, answer: lines.join('\n\n'), citations };
}

/** The section's items, numbered under one heading line: each item's opening sentence (numbering line skipped), cut at a clause when long. */
function itemsAnswer(section: ListSection, quoteLimit: number): AnswerDraft {
  // One section quoted alone ("Mục đích"): its opening sentence may run to the longer budget list quotes get.
  const maxQuote = section.items.length === 1 ? Math.round(quoteLimit * THRESHOLDS.longQuote) : quoteLimit;
  const citations = section.items.map((chunk, i) => {
    const { text, sentences } = chunk;
    const span = sentences.find((s) => (text.slice(s.start, s.end).match(/\p{L}+/gu)?.length ?? 0) >= 3) ?? sentences[0]!;
    let end = span.end;
    if (end - span.start > maxQuote) {
      const cut = Math.max(text.lastIndexOf(';', span.start + maxQuote), text.lastIndexOf(',', span.start + maxQuote));
      end = cut > span.start + 40 ? cut : span.start + maxQuote;
    }
    const [a, b] = trimQuote(text, span.start, end);
    return toCitation(i + 1, { ...section.passage, chunk }, text.slice(a, b), section.passage.score);
  });
  const lines = [`Theo ${documentLine(section.passage.doc)} (mục ${section.path} – ${section.title}):`, ...citations.map((c) => `${citations.length > 1 ? `${c.n}. ` : ''}${quoteLines(c)}`)];
  if (citations.some((c) => c.ocr)) lines.push('', OCR_NOTE);
  return { answered: true, answer: lines.join('\n'), citations };
}
