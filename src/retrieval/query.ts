/**
 * Query analysis: translate English, resolve short follow-ups against the
 * previous question, read the question's intent and document references, and
 * turn it all into weighted search terms.
 */
import { findDocRefs, typeCode, type DocRef } from '../text/doc-refs.js';
import { withinOneEdit } from '../text/edit-distance.js';
import { fold, hasDiacritics } from '../text/fold.js';
import { englishQuestionWords, foldCapitalisedNames, looksEnglish, readEnglish, type Concept, type EnglishQuestionWords } from '../text/glossary.js';
import { acronymLength, alternativesIn, contractAcronyms, expandShorthand, isExpandedAcronym, markShorthand, searchForm, typedForm } from '../text/shorthand.js';
import { foldedSyllables, searchTerms, syllables } from '../text/tokens.js';
import type { DocumentMeta, HistoryTurn } from '../types.js';
import type { WeightedTerm } from './lexical-index.js';
import { continuesInVietnamese, conversationalWords, isFollowUp, previousTurn, resolvePerson } from '../question/follow-up.js';
import { detectKinds, KINDS, kindNamed, patternText } from '../question/registry.js';
import { boundAlternatives } from '../question/bounds.js';
import { addPosition, positionsOf, type Positions } from './document-index.js';

export type Intent = 'quantity' | 'time' | 'who' | 'list';

export interface QueryAnalysis {
  question: string;
  /**
   * The question as typed, its spellings read ("bn" → "bao nhiêu") but without the alternatives of its everyday
   * words ("tiền" ≈ "kinh phí"): what its kinds are read on. An English question's is its expanded text.
   */
  typed: string;
  /** A follow-up's previous question, read the same way. */
  previousTyped?: string;
  /** The Vietnamese text retrieval works on (translated and/or with follow-up context). */
  text: string;
  english: boolean;
  /**
   * English questions only: the Vietnamese question words their shape stands for ("how many households" →
   * "bao nhiêu hộ"), which the question kinds read, the English words the glossary could not translate, and
   * the things the question names (each with its Vietnamese wordings), which the off-topic gate weighs.
   */
  englishForm?: { questionWords: EnglishQuestionWords; untranslated: string[]; concepts: Concept[] };
  followUp: boolean;
  intents: Set<Intent>;
  refs: DocRef[];
  /** Lexical terms with weights (inherited follow-up terms weigh less). */
  terms: WeightedTerm[];
  /** Folded content syllables the answer should cover, with weights. */
  content: WeightedTerm[];
  /**
   * Folded content syllable → the accented spellings the question writes it
   * with ("can" → {"căn", "cần"}). Only for syllables always written with
   * diacritics: a clean text's "cán" then does not answer "căn".
   */
  accents?: Map<string, Set<string>>;
  /** A follow-up's last answer: what it said (its quotes, or its words), which the new answer should go past. */
  previousAnswer?: string;
  /** A follow-up's content terms that only the last question says (its topic, inherited). */
  inherited?: Set<string>;
}

/** Question words and particles: they shape intent, not content. */
const QUESTION_WORDS = new Set(
  'bao nhieu lau gio khi nao la gi nhu the ai may co cua cac nhung duoc phai thi sao con ve theo hay hoac do nay kia ra sao vay a u nhi khong chu the tai va voi cho'.split(' '),
);
/** "không" is content in "không quá 50 phút", a question particle at the end. */
const KEEP_WHEN_FOLLOWED = new Set(['khong', 'co']);

const INTENT_PATTERNS: Array<[Intent, RegExp]> = [
  // "bộ máy", "máy tính": a machine, not "mấy".
  ['quantity', /\b(bao nhieu|(?<!\bbo )may\b(?! (?:tinh|moc|bay|chu)\b)|bao lau|toi da|toi thieu|it nhat|khong qua|t[iy] le|phan tram|so luong|thoi luong|how (many|much|long)|percent)/],
  ['time', /\b(khi nao|luc nao|(?<!xa )hoi nao|bao gio|thoi gian|thoi han|han chot|hoan thanh|ngay nao|(?<!\d )nam nao|quy may|when|deadline)/],
  ['who', /\b(ai|co quan nao|don vi nao|ban nao|to chuc nao|chu tri|phoi hop|trach nhiem|who|which (agency|body))\b/],
  // "ngày nào / năm nào" asks for one date, not a list.
  ['list', /\b(nhung (gi|hinh thuc|noi dung|nhiem vu)|nhung (?:[a-z]+ ){1,3}gi|gom|bao gom|cac hinh thuc|(?<!\b(?:ngay|nam|thang|quy) )nao|what (formats|forms|channels|means|ways|tasks|duties|measures|activities))\b/],
];

const BOUND_PAIRS = new Set(['toi da', 'khong qua', 'toi thieu', 'it nhat']);

/**
 * Phrases whose every word only shapes the question: "trường hợp nào" asks a condition ("nếu …"); "có nói
 * về … không" asks whether the text speaks of it; "mà X nhắc tới / đề cập đến" points at X; "(để) nhằm mục
 * đích gì" asks the purpose, which the answer states with "để …"; "đặt mục tiêu … là bao nhiêu" asks a target,
 * which plans state under "Chỉ tiêu" or "phấn đấu".
 */
const SHAPE_PHRASES = ['truong hop nao', 'dat muc tieu', 'co noi ve', 'nhac toi', 'nhac den', 'de cap toi', 'de cap den', 'nham muc dich gi', 'muc dich gi', 'nham gi'].map((p) => p.split(' '));

/** Word `i` stands inside one of the SHAPE_PHRASES. */
function inShapePhrase(words: string[], i: number): boolean {
  return SHAPE_PHRASES.some((phrase) => phrase.some((_, k) => phrase.every((w, j) => words[i - k + j] === w)));
}

/** Words that only shape the question in these pairs: "được phép" (allowed), "dài bao lâu" (how long). */
function isModal(words: string[], i: number): boolean {
  const [prev, word, next] = [words[i - 1], words[i], words[i + 1]];
  // "phần trăm" only asks for a percentage: the answer shows "%".
  if ((word === 'phan' && next === 'tram') || (word === 'tram' && prev === 'phan')) return true;
  // A bound ("tối đa", "không quá", "ít nhất") is written either way in directives: the quantity intent carries it.
  if (BOUND_PAIRS.has(`${word} ${next}`) || BOUND_PAIRS.has(`${prev} ${word}`)) return true;
  // "nói về cái gì", "cái gì": the shape of the question, not its topic.
  // "mấy cái “dám”", "những cái gì": "cái" counts or points, it is no topic word.
  if (word === 'cai' && (next === 'gi' || next === undefined || /^(may|nhieu|nhung|cac|mot)$/.test(prev ?? ''))) return true;
  // "những loại / kiểu ấn phẩm nào": the kind of thing asked, which the answer lists without the word; "kể (tên) những …" asks for a list.
  if ((word === 'loai' || word === 'kieu') && /^(nhung|cac|may)$/.test(prev ?? '')) return true;
  if (word === 'ke' && (next === 'ten' || next === 'nhung' || next === 'cac' || next === 'ra')) return true;
  if (word === 'ten' && prev === 'ke') return true;
  // "bao lâu … một lần": how often, not a count of one.
  if ((word === 'mot' && next === 'lan') || (word === 'lan' && prev === 'mot')) return true;
  // "gửi về đâu", "ở đâu": where (but "người đứng đầu" is content).
  if (word === 'dau' && (next === undefined || /^(ve|o|tai|di|den)$/.test(prev ?? ''))) return true;
  // Chat fillers: "bên văn hóa …" (the side of), "… hết không" (at all).
  if ((word === 'ben' && i === 0) || (word === 'het' && (next === undefined || next === 'khong'))) return true;
  // "mấy lần 1 năm": "1 năm" is "a year".
  if ((word === '1' || word === 'mot') && prev !== undefined && /^(nam|thang|tuan)$/.test(next ?? '')) return true;
  if (word === 'noi' && next === 've' && words.slice(i + 2).some((w) => w === 'gi' || w === 'nao')) return true;
  // "kế hoạch nhắc gì / nhắc X thế nào", "nói gì về": pointing at the text; directives never write "nhắc" ("nhắc nhở" aside).
  if ((word === 'nhac' && next !== 'nho') || (word === 'noi' && next === 'gi')) return true;
  // "không nên / có nên" written without accents: "should", not "nền".
  if (word === 'nen' && (prev === 'khong' || prev === 'co')) return true;
  // "bị trùng lặp", "bị kỷ luật": the passive marker, not "bí" (Bí thư, bí mật).
  if (word === 'bi' && next !== undefined && next !== 'thu' && next !== 'mat' && prev !== 'ban') return true;
  // "về chuyện …": the matter spoken of, not a topic word.
  if (word === 'chuyen' && prev === 've') return true;
  if (inShapePhrase(words, i)) return true;
  // "không cho phép làm gì": asks what is forbidden (asksProhibition); the text writes "Không …", not "cho phép".
  if ((word === 'cho' && next === 'phep' && prev === 'khong') || (word === 'phep' && prev === 'cho' && words[i - 2] === 'khong')) return true;
  // "không được / cấm làm gì": the answer names the act forbidden ("Không mời đại biểu …"), not "làm".
  if (word === 'lam' && next === 'gi' && (words.includes('cam') || PROHIBITION_ASKED.test(` ${words.join(' ')} `))) return true;
  if (asksMeans(words, i)) return true;
  if (documentSpeaks(words, i)) return true;
  return (word === 'phep' && prev === 'duoc') || ((word === 'dai' || word === 'keo') && (next === 'bao' || next === 'toi' || next === 'trong' || next === 'khong' || next === 'dai'));
}

/** Verbs a document does, said right after its name: "Kế hoạch 22 yêu cầu / quy định / đề ra …". */
const SPEECH_VERBS = new Set(['yeu cau', 'quy dinh', 'de ra', 'neu ro']);
const DOCUMENT_TYPES = new Set(['ke hoach', 'huong dan', 'ket luan', 'nghi quyet', 'chi thi', 'van ban']);
/** A reference's own syllables ("22", "kh", "tu", "so"), skipped back to its type. */
const REFERENCE_PART = /^(\d+[a-z]*|so|kh|hd|tu|du|tw|btgtu|btgdvtu|kl|nq|qd|ct)$/;

/**
 * "Kế hoạch 15 yêu cầu bồi dưỡng nội dung gì": the verb after a document's name says that the document asks it,
 * which the answer (the document's own sentence) does not write. "Yêu cầu của Kế hoạch 22" names a section: kept.
 */
function documentSpeaks(words: string[], i: number): boolean {
  const at = SPEECH_VERBS.has(`${words[i]} ${words[i + 1]}`) ? i : SPEECH_VERBS.has(`${words[i - 1]} ${words[i]}`) ? i - 1 : -1;
  if (at < 2) return false;
  let k = at - 1;
  while (k > 0 && at - k <= 4 && REFERENCE_PART.test(words[k]!)) k--;
  return DOCUMENT_TYPES.has(`${words[k - 1]} ${words[k]}`) || (k < at - 1 && /^(kh|hd)$/.test(words[k]!));
}

/** Nouns that only say "a way of": "kênh nào", "cách nào" ask for the channels, which the answer names without the word. */
const MEANS_NOUNS = new Set(['kenh', 'cach']);
/** "qua / bằng / thông qua / trên (những) … nào": through which; the preposition says how the thing is asked, not what. */
const MEANS_PREPOSITIONS = new Set(['qua', 'bang', 'thong', 'tren']);

/**
 * "tuyên truyền qua những kênh nào", "bằng cách nào", "bang nhung hinh thuc nao": the means asked for.
 * The answer lists them ("thông qua bản tin, cổng thông tin …") and seldom writes "kênh" or "bằng".
 */
function asksMeans(words: string[], i: number): boolean {
  const word = words[i]!;
  const upTo = words.indexOf('nao', i + 1);
  if (upTo < 0 || upTo - i > 6) return false;
  if (MEANS_NOUNS.has(word)) return word === 'kenh' || upTo === i + 1;
  if (!MEANS_PREPOSITIONS.has(word)) return false;
  const next = word === 'thong' ? (words[i + 1] === 'qua' ? words[i + 2] : undefined) : words[i + 1];
  return next !== undefined && /^(nhung|cac|kenh|cach|hinh)$/.test(next);
}

/**
 * The question asks through which channels or in what forms something is done ("qua những kênh nào",
 * "bằng những hình thức nào", "What formats …", "Which social networks …").
 */
export function asksForMeans(analysis: QueryAnalysis): boolean {
  if (analysis.english) return /\b(?:what|which)\s+(?:formats?|forms?|channels?|means|ways?|media|social (?:networks?|media))\b|\bthrough (?:what|which)\b/i.test(analysis.question);
  const words = askedWords(analysis);
  return words.some((_, i) => asksMeans(words, i)) || / hinh thuc (?:[a-z]+ ){0,2}nao /.test(` ${words.join(' ')} `);
}

/** "bao" asks only in "bao nhiêu / bao lâu / bao giờ"; elsewhere it is "báo" (báo cáo, báo chí). */
function isQuestionWord(words: string[], i: number): boolean {
  const w = words[i]!;
  const next = words[i + 1];
  if (w === 'bao') return next === 'nhieu' || next === 'lau' || next === 'gio';
  // "gồm / bao gồm những gì": asks for a list; the list itself seldom says "gồm".
  if (w === 'gom') return next === undefined || /^(nhung|cac|gi|may|nao|co)$/.test(next);
  if (!QUESTION_WORDS.has(w)) return false;
  // "không được / không phải tổ chức …": a prohibition, which the answer states ("Không tổ chức hội nghị nếu …").
  const after = w === 'khong' && (next === 'duoc' || next === 'phai') ? words[i + 2] : next;
  return !(KEEP_WHEN_FOLLOWED.has(w) && after !== undefined && !QUESTION_WORDS.has(after));
}

/** Whether the corpus writes a term at all (an acronym it never uses is carried by its expansion). */
export type Vocabulary = (term: string) => boolean;

/** Function words known by their spelling: "mà" is not "mã" or "ma túy"; "ở" (or a bare "o") is not "ô"; "bằng" (by means of) is not "bảng"; "nên" (should) is not "nền". */
const ACCENTED_FUNCTION_WORDS = new Set(['mà', 'ở', 'o', 'bằng', 'nên']);

/**
 * A particle known by its accent ("thì"): in a question written with diacritics, the bare "thi" is an exam or a
 * contest ("Thi theo hình thức nào?"), which is content.
 */
const BARE_CONTENT_WORDS = new Set(['thi']);

/**
 * `glue`: folded words that only carry the conversation (a follow-up's, follow-up.ts); `typed`: the question
 * as typed, before chat expansion ("UBND" → "Ủy ban nhân dân" brings accents a bare question never wrote).
 */
function contentTerms(text: string, weight: number, knows?: Vocabulary, glue?: Set<string>, typed = text, alternatives?: Map<number, string[]>): WeightedTerm[] {
  const words = foldedSyllables(text);
  const raw = syllables(text);
  const accented = raw.length === words.length ? raw.map((w) => w.toLowerCase()) : [];
  const writesAccents = hasDiacritics(typed);
  const bareContent = (i: number) => writesAccents && BARE_CONTENT_WORDS.has(words[i]!) && accented[i] === words[i];
  // "HĐND Hội đồng nhân dân" (expandShorthand): the spelled-out words are also found where a text writes the acronym.
  const alts: Array<string | undefined> = [];
  words.forEach((w, i) => {
    if (isExpandedAcronym(w)) for (let k = 1; k <= acronymLength(w); k++) alts[i + k] = w;
  });
  return words
    .map((w, i) => ({ term: glue?.has(w) || isModal(words, i) || (isQuestionWord(words, i) && !bareContent(i)) || ACCENTED_FUNCTION_WORDS.has(accented[i] ?? '') || isForbidding(words, accented, i) ? '' : w, alt: alts[i], others: alternatives?.get(i) }))
    .filter(({ term }) => term && !(isExpandedAcronym(term) && knows && !knows(term)))
    .map(({ term, alt, others }) => ({ term, weight, ...(alt ? { alt } : {}), ...(others ? { alternatives: others } : {}) }));
}

/** "vùng cấm", "khu vực cấm": a forbidden thing, named by the text itself ("không có vùng cấm"). */
const FORBIDDEN_THINGS = new Set(['vung', 'khu', 'vuc', 'lenh', 'bien']);

/**
 * "cấm những việc gì", "bị cấm", "nghiêm cấm": the verb asks for what is forbidden, which directives state as a
 * prohibition ("Không ban hành văn bản …", see statesProhibition in extractive.ts) and almost never with "cấm".
 * Unaccented "cam" is also "cảm", "cam kết": only after "bị / nghiêm / thì / có" or before "những / các / gì / việc".
 */
function isForbidding(words: string[], accented: string[], i: number): boolean {
  if (words[i] !== 'cam' || FORBIDDEN_THINGS.has(words[i - 1] ?? '')) return false;
  if (accented[i] === 'cấm') return true;
  if (accented[i] !== undefined && accented[i] !== 'cam') return false;
  const [prev, next] = [words[i - 1] ?? '', words[i + 1] ?? ''];
  return /^(bi|nghiem|thi|co)$/.test(prev) ? !UNACCENTED_CAM_WORDS.has(next) : /^(nhung|cac|gi|viec)$/.test(next);
}

/** Unaccented "cam" before these is "cảm / cam" (cảm tình, cam kết, cảm ơn), not "cấm". */
const UNACCENTED_CAM_WORDS = new Set(['ket', 'on', 'tinh', 'xuc', 'nhan', 'thay', 'hung', 'quan', 'thong', 'nghi']);

/** "… bị cấm", "không được / không nên …", "… nào thì không …": the question asks what must not be done. */
const PROHIBITION_ASKED = /\b(bi cam|nghiem cam|khong duoc|khong nen|khong cho phep|nao thi khong|nao khong duoc)\b/;

/** The question asks for a prohibition (what must not be done, or when not): the answer states one ("Không tổ chức …"). */
export function asksProhibition(analysis: QueryAnalysis): boolean {
  if (analysis.english) return false;
  const words = askedWords(analysis);
  const raw = syllables(analysis.question).map((w) => w.toLowerCase());
  const accented = raw.length === words.length ? raw : [];
  return PROHIBITION_ASKED.test(` ${words.join(' ')} `) || words.some((_, i) => isForbidding(words, accented, i));
}

/** The accented spellings of each folded syllable of a text (none for a syllable it also writes bare). */
export function accentForms(text: string): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  const bare = new Set<string>();
  const folded = foldedSyllables(text);
  const raw = syllables(text);
  // Tokenisation of the folded and the raw text agree word for word; if not, claim nothing.
  if (folded.length !== raw.length) return forms;
  folded.forEach((f, i) => {
    const r = raw[i]!;
    if (/\d/.test(r) || !hasDiacritics(r)) bare.add(f);
    else (forms.get(f) ?? forms.set(f, new Set()).get(f)!).add(r);
  });
  for (const f of bare) forms.delete(f);
  return forms;
}

/** Ways of asking for a quantity other than a bare "mấy". */
const COUNT_ASKED = /\b(bao nhieu|bao lau|t[iy] le|phan tram|toi da|toi thieu|khong qua|it nhat|so luong|thoi luong|how (many|much|long)|percent)\b/;

function detectIntents(folded: string): Set<Intent> {
  const intents = new Set(INTENT_PATTERNS.filter(([, pattern]) => pattern.test(folded)).map(([intent]) => intent));
  // "ai xử lý mấy vụ …": beside another question word, a bare "mấy" is a plural ("those cases"), not a count.
  if (intents.has('quantity') && /\b(ai|gi)\b/.test(folded) && !COUNT_ASKED.test(folded)) intents.delete('quantity');
  return intents;
}

function mergeTerms(lists: WeightedTerm[][]): WeightedTerm[] {
  const merged = new Map<string, WeightedTerm>();
  for (const list of lists) {
    for (const t of list) {
      const seen = merged.get(t.term);
      if (!seen) merged.set(t.term, { ...t });
      else seen.weight = Math.max(seen.weight, t.weight);
    }
  }
  return [...merged.values()];
}

/**
 * A question as retrieval reads it: English is translated as typed (chat expansion would turn "TW" into
 * Vietnamese words and hide that it is English); Vietnamese gets its chat shorthand expanded. `text` is
 * searched with; `primary` holds the words an answer must hold (a translation's first alternatives).
 */
function asVietnamese(raw: string, vietnamese = false): { text: string; primary: string; typed: string; alternatives?: Map<number, string[]>; english: boolean; englishForm?: QueryAnalysis['englishForm'] } {
  const typed = raw.trim();
  if (vietnamese || !looksEnglish(typed)) {
    // The words an answer must hold are the typed ones, each with its alternatives ("tiền" ≈ "kinh phí").
    const marked = markShorthand(typed);
    // A bound on a number the question states ("chưa tới 50") holds the other ways of writing it ("dưới 50").
    const alternatives = alternativesIn(marked, foldedSyllables);
    for (const [i, others] of boundAlternatives(foldedSyllables(typedForm(marked)))) alternatives.set(i, [...(alternatives.get(i) ?? []), ...others]);
    return { text: searchForm(marked), primary: typedForm(marked), typed: typedForm(marked), alternatives, english: false };
  }
  // Vietnamese names are read folded ("Nậm Xe" as "Nam Xe"), as the English words around them are.
  const english = foldCapitalisedNames(typed);
  const reading = readEnglish(english);
  return { text: reading.text, primary: reading.primary, typed: expandShorthand(english), english: true, englishForm: { questionWords: englishQuestionWords(english), untranslated: reading.untranslated, concepts: reading.concepts } };
}

/** Weight, in the search, of an everyday word's alternatives ("kinh phí" for "tiền"): with the word, about one term. */
const ALTERNATIVE_SEARCH_WEIGHT = 0.5;

/** A question's search terms: its typed words, and their alternatives weighing less. */
function searchTermsOf(current: ReturnType<typeof asVietnamese>, weight: number): WeightedTerm[] {
  if (current.english || !current.alternatives?.size) return searchTerms(current.text).map((term) => ({ term, weight }));
  const typed = searchTerms(current.typed).map((term) => ({ term, weight }));
  const others = searchTerms(current.text).map((term) => ({ term, weight: weight * ALTERNATIVE_SEARCH_WEIGHT }));
  return mergeTerms([typed, others]);
}

const BOUNDS = { max: ['toi da', 'khong qua'], min: ['toi thieu', 'it nhat'] } as const;

function boundOf(text: string): 'max' | 'min' | undefined {
  const folded = ` ${foldedSyllables(text).join(' ')} `;
  if (BOUNDS.max.some((w) => folded.includes(` ${w} `))) return 'max';
  if (BOUNDS.min.some((w) => folded.includes(` ${w} `))) return 'min';
  return undefined;
}

/** Words that end a name in a question ("Sở … Du lịch | có nhiệm vụ gì"). */
const NAME_ENDS = new Set('co trong duoc phai la thi cua ve theo cho tai gi nao ai khong da se can nhung cac'.split(' '));

/** Words of one kind that a follow-up swaps for one another (levels of government, ways of meeting). */
const ALTERNATIVES = [
  ['tinh', 'huyen', 'xa', 'phuong', 'thon', 'ban'],
  ['khai', 'ket', 'tham', 'mac', 'luan'],
];

/**
 * A follow-up that swaps one word of the previous question ("cấp tỉnh" →
 * "Thế cấp xã?", "trực tuyến" → "trực tiếp") asks about the new one: the
 * old word after the same lead word is dropped from the inherited terms.
 */
function replacedWords(current: string, previous: string, ignored: Set<string> = new Set()): Set<string> {
  // A follow-up's glue and the step it states as done ("lập xong thì …") swap nothing.
  const now = foldedSyllables(current).filter((w) => !ignored.has(w));
  const before = foldedSyllables(previous);
  const nowSet = new Set(now);
  const replaced = new Set<string>();
  // "còn cấp tỉnh thì sao?" after a question about the commune: one level replaces the other.
  for (const kind of ALTERNATIVES) {
    if (!kind.some((w) => nowSet.has(w))) continue;
    for (const w of kind) if (!nowSet.has(w) && before.includes(w)) replaced.add(w);
  }
  for (let i = 1; i < now.length; i++) {
    for (let j = 1; j < before.length; j++) {
      // The lead word must say what is swapped ("cấp", "phát biểu"), not be a function word ("của").
      if (QUESTION_WORDS.has(now[i - 1]!)) continue;
      if (before[j - 1] === now[i - 1] && before[j] !== now[i] && !nowSet.has(before[j]!) && !QUESTION_WORDS.has(before[j]!) && !QUESTION_WORDS.has(now[i]!)) {
        // The whole name after the lead word goes ("Sở Y tế" → "Sở Tài nguyên và Môi trường").
        for (let k = j; k < before.length && (before[k] === 'va' || !nowSet.has(before[k]!)) && !NAME_ENDS.has(before[k]!); k++) replaced.add(before[k]!);
      }
    }
  }
  return replaced;
}

/** The assistant's last answer, which names the document it quoted ("Theo Kế hoạch số 22-KH/TU …"). */
function lastAnswer(history: HistoryTurn[] | undefined): string | undefined {
  return history ? [...history].reverse().find((t) => t.role === 'assistant')?.content : undefined;
}

/**
 * The documents a question is about: its own references; in a follow-up that names
 * none, the previous question's, or else the document the last answer quoted.
 */
/** A document type pointed at: "hướng dẫn đó", "kết luận này", "văn bản ấy" is no type. */
const POINTED_TYPE = /\b(ke hoach|ket luan|quy dinh|quyet dinh|nghi quyet|chi thi|huong dan|thong bao) (do|nay|ay|tren)\b/;

function refsOf(question: string, inherited: string | undefined, answer: string | undefined): DocRef[] {
  // "còn quy định 100 thì sao?" after a question about Quy định 85: the new reference replaces the old.
  const own = findDocRefs(question);
  if (own.length) return own;
  // "Hướng dẫn đó ban hành ngày nào?" after an answer naming "Hướng dẫn số 108-HD/BTGTW": the document of
  // that type the last turns named, not the plan the last question was about.
  const pointed = POINTED_TYPE.exec(fold(question))?.[1];
  const code = pointed && typeCode(pointed);
  if (code) {
    const ofType = [answer, inherited].flatMap((text) => (text ? findDocRefs(text) : [])).filter((r) => r.short.startsWith(`${code}-`));
    if (ofType.length) return ofType.slice(0, 1);
  }
  const before = inherited ? findDocRefs(inherited) : [];
  if (before.length || !answer) return before;
  return findDocRefs(answer.split('\n')[0]!).slice(0, 1);
}

/**
 * @example analyzeQuery('Còn tham luận thì sao?', [{ role: 'user', content: 'Phát biểu kết luận không quá bao nhiêu phút?' }])
 */
export function analyzeQuery(asked: string, history?: HistoryTurn[], knows?: Vocabulary): QueryAnalysis {
  const turn = history ? previousTurn(history) : undefined;
  // "Bà ấy …" after an answer naming one person: asked about that person by name.
  asked = resolvePerson(asked, turn);
  const current = asVietnamese(asked, continuesInVietnamese(asked, turn, looksEnglish));
  // Chat shorthand first ("đc", "ko", "KH22"): everything below reads the expanded words.
  const question = current.english ? expandShorthand(asked.trim()) : current.text;
  const followUp = isFollowUp(asked, history);
  const inherited = followUp && turn ? asVietnamese(turn.question) : undefined;

  // "Còn phần của người chủ trì thì sao?" asks what the last question asked ("bao lâu"), of something else:
  // its words name the thing ("chủ trì" is the chair here, not a "who" question).
  const asksAgain = inherited && /\bthi sao\s*[?.!]*$/.test(fold(question).trim());
  // English "may" is a modal ("may leaders shift …"), not "mấy".
  // An English question's shape adds the Vietnamese question words it stands for ("what is the population" → "bao nhiêu dân số").
  const forms = current.englishForm ? ` ${current.englishForm.questionWords.leading} ${current.englishForm.questionWords.closing}` : '';
  const intents = asksAgain ? new Set<Intent>() : detectIntents(fold(current.english ? `${question.replace(/\bmay\b/gi, ' ')} ${current.text}${forms}` : current.typed));
  if (inherited && !intents.size) for (const i of detectIntents(fold(`${turn!.question} ${inherited.typed}`))) intents.add(i);

  const weigh = (terms: string[], weight: number) => terms.map((term) => ({ term, weight }));
  const conversation = inherited && !current.english ? conversationalWords(asked, expandShorthand) : undefined;
  const replaced = inherited ? replacedWords(current.text, inherited.text, new Set([...(conversation?.glue ?? []), ...(conversation?.given ?? [])])) : new Set<string>();
  // "Vậy … tối đa bao nhiêu?" after "ít nhất …": the other bound is no longer asked about.
  const bound = boundOf(current.text);
  if (inherited && bound) for (const w of BOUNDS[bound === 'max' ? 'min' : 'max']) for (const part of w.split(' ')) replaced.add(part);
  const keep = (t: WeightedTerm) => !t.term.replace(/^~/, '').split('_').some((part) => replaced.has(fold(part)));
  // Directives state a bound either way ("tối đa 2" / "không quá 2"): search both spellings.
  const boundTerms = bound ? weigh(BOUNDS[bound].flatMap((w) => searchTerms(w)), 0.5) : [];
  const answered = inherited && turn!.answer ? weigh(searchTerms(turn!.answer), ANSWER_SEARCH_WEIGHT).filter(keep) : [];
  const terms = mergeTerms([searchTermsOf(current, 1), boundTerms, inherited ? searchTermsOf(inherited, 0.5).filter(keep) : [], answered]);
  const given = givenWords(current.primary);
  const avoided = avoidedWords(current.primary);
  // A follow-up's glue ("việc đó", "họ", "vậy") is no content; a step it states as done ("lập xong rồi thì") is given.
  const own = contentTerms(current.primary, 1, knows, conversation?.glue, asked, current.alternatives).map((t) =>
    avoided.has(t.term) ? { ...t, weight: AVOIDED_WEIGHT } : given.has(t.term) || conversation?.given.has(t.term) ? { ...t, weight: GIVEN_WEIGHT } : t,
  );
  const topic = inherited ? inheritedTopic(turn!.question, inherited, own, question, knows).filter(keep) : [];
  const content = mergeTerms([own, topic]);
  const ownTerms = new Set(own.map((t) => t.term));
  const inheritedTerms = new Set(topic.map((t) => t.term).filter((t) => !ownTerms.has(t)));
  return {
    question,
    typed: current.typed,
    ...(inherited ? { previousTyped: inherited.typed } : {}),
    text: inherited ? `${current.text}\n${inherited.text}` : current.text,
    english: current.english,
    ...(current.englishForm ? { englishForm: current.englishForm } : {}),
    followUp,
    intents,
    // "And Regulation 99?": an English reference is read in its translation ("quy định 99").
    refs: refsOf(current.english && !findDocRefs(question).length ? current.text : question, inherited?.text, followUp ? lastAnswer(history) : undefined),
    terms,
    content,
    accents: current.english ? undefined : accentForms(inherited ? `${current.text}\n${inherited.text}` : current.text),
    ...(inherited && turn!.answer ? { previousAnswer: turn!.answer } : {}),
    ...(inheritedTerms.size ? { inherited: inheritedTerms } : {}),
  };
}

/** Weight, in the search, of the words the last answer said: they find the passage the conversation is at. */
const ANSWER_SEARCH_WEIGHT = 0.25;
/**
 * Weight of the last question's topic in a follow-up's content: what the answer's sentence should also be about.
 * Without a topic of its own ("Ai chịu trách nhiệm việc này?"), the follow-up is about the last question's topic,
 * which weighs as if it were asked again. Beside a topic of its own, that decides the clause: the last question's
 * words lean, each at `beside`, and all of them together at most `share` of the follow-up's own words (a body's
 * five-syllable name from the last question does not outweigh the one new word asked).
 */
const INHERITED_WEIGHT = { alone: 0.6, beside: 0.4, share: 0.75 } as const;

/**
 * The topic a follow-up inherits: the last question's content less its glue and the words its kinds consume
 * ("bao lâu một lần", "từ năm nào đến năm nào"), which asked about that topic and are not what the new question asks.
 */
function inheritedTopic(previous: string, reading: ReturnType<typeof asVietnamese>, own: WeightedTerm[], asked: string, knows?: Vocabulary): WeightedTerm[] {
  const askedKinds = kindWords(asked);
  const ownTopic = own.filter((t) => t.weight >= 1 && !askedKinds.has(t.term));
  const terms = contentTerms(reading.primary, 1, knows, conversationalWords(previous).glue, previous, reading.alternatives);
  const consumed = new Set(detectKinds(fold(previous).toLowerCase()).flatMap((k) => [...(kindNamed(k.name)?.consumes ?? [])]));
  const kept = terms.filter((t) => !consumed.has(t.term));
  const topic = kept.length ? kept : terms;
  if (!ownTopic.length) return topic.map((t) => ({ ...t, weight: INHERITED_WEIGHT.alone }));
  const ownWeight = own.reduce((sum, t) => sum + t.weight, 0);
  const weight = Math.min(INHERITED_WEIGHT.beside, (INHERITED_WEIGHT.share * ownWeight) / topic.length);
  return topic.map((t) => ({ ...t, weight: Math.round(weight * 1000) / 1000 }));
}

/** The words that only express a question's kinds: those inside what detects a kind ("ai chịu trách nhiệm", "bao lâu"). */
function kindWords(question: string): Set<string> {
  const text = patternText(fold(question).toLowerCase());
  const words = new Set<string>();
  for (const kind of KINDS) {
    if (!kind.detect.some((p) => p.test(text)) || kind.unless.some((p) => p.test(text))) continue;
    for (const p of kind.detect) for (const m of text.matchAll(new RegExp(p.source, 'g'))) for (const w of m[0].split(' ')) if (w) words.add(w);
  }
  return words;
}


/** Weight of the words of a clause the question states as known ("Ngoài đưa tin về …, còn …"). */
const GIVEN_WEIGHT = 0.4;

/**
 * "Ngoài tuyên truyền trên loa, các thôn còn phải làm gì?": the clause after "ngoài" up to the
 * comma is what the asker already knows; its words (unless the rest repeats them) are not what the answer says.
 */
function givenWords(text: string): Set<string> {
  const m = /^\s*(?:ngoài|ngoai|bên cạnh|ben canh)\s+([^,;?]+),(.+)$/iu.exec(text.normalize('NFC'));
  if (!m) return new Set();
  const rest = new Set(foldedSyllables(m[2]!));
  return new Set(['ngoai', 'ben', 'canh', ...foldedSyllables(m[1]!)].filter((w) => !rest.has(w)));
}

/** Weight of the words of the harm a question says the rule avoids ("để khỏi chồng chéo"): the text seldom names it. */
const AVOIDED_WEIGHT = 0.25;

/**
 * "… theo cách nào để tránh trùng lặp?": the closing clause names the harm a rule prevents; the text
 * states the rule ("mỗi việc chỉ giao một đơn vị chủ trì") and seldom the harm.
 */
function avoidedWords(text: string): Set<string> {
  const m = /^(.+?)\s(?:để|de|nhằm|nham)\s+(?:khỏi|khoi|tránh|tranh)\s+([^?]+)\??\s*$/iu.exec(text.normalize('NFC'));
  if (!m) return new Set();
  const rest = new Set(foldedSyllables(m[1]!));
  return new Set(foldedSyllables(`de khoi tranh ${m[2]!}`).filter((w) => !rest.has(w)));
}

/** The reference keys ("22-KH/TU", "KH-22") of the documents a question names. */
export function refKeysOf(analysis: QueryAnalysis): Set<string> {
  return new Set(analysis.refs.flatMap((r) => [r.full, r.short]).filter(Boolean) as string[]);
}

/** Document types a question may name, folded. */
export const TYPE_NAMES = ['ke hoach', 'huong dan', 'ket luan', 'nghi quyet', 'quy dinh', 'chi thi', 'thong bao', 'bao cao'];

/**
 * The document type a question is about: the first one it names ("Hướng dẫn
 * triển khai Kế hoạch 22 …" is about the Hướng dẫn, not the Kế hoạch).
 */
export function subjectType(question: string): string | undefined {
  const folded = fold(question);
  return TYPE_NAMES.map((t) => [t, folded.indexOf(t)] as const).filter(([, at]) => at >= 0).sort((a, b) => a[1] - b[1])[0]?.[0];
}

const placeCache = new WeakMap<DocumentMeta, string[]>();

/**
 * The places a document speaks for, folded: its `place` and the name after
 * "Tỉnh ủy / Huyện ủy / Thành ủy …" in its issuer ("… Huyện ủy Tam Đường").
 */
export function placeNames(meta: DocumentMeta): string[] {
  let names = placeCache.get(meta);
  if (!names) {
    const found = new Set<string>();
    if (meta.place) found.add(foldedSyllables(meta.place).join(' '));
    const issuer = foldedSyllables(meta.issuer ?? '');
    for (let i = 1; i < issuer.length - 1; i++) {
      if (issuer[i] === 'uy' && /^(tinh|huyen|thanh|quan|thi|dang)$/.test(issuer[i - 1]!)) found.add(issuer.slice(i + 1).join(' '));
    }
    names = [...found].filter((n) => n.includes(' '));
    placeCache.set(meta, names);
  }
  return names;
}

/** Per analysis: the folded question text, and each place name already tested against it (asked per document and per candidate chunk). */
const placeTests = new WeakMap<QueryAnalysis, { joined: string; named: Map<string, boolean> }>();

/** Whether the question writes this folded place name. */
function namesPlace(analysis: QueryAnalysis, name: string): boolean {
  let tests = placeTests.get(analysis);
  if (!tests) placeTests.set(analysis, (tests = { joined: ` ${foldedSyllables(analysis.text).join(' ')} `, named: new Map() }));
  let found = tests.named.get(name);
  if (found === undefined) tests.named.set(name, (found = tests.joined.includes(` ${name} `)));
  return found;
}

/** "Sơn La tuyên truyền …": the question names the place a document speaks for. */
export function namesPlaceOf(analysis: QueryAnalysis, meta: DocumentMeta): boolean {
  return placeNames(meta).some((name) => namesPlace(analysis, name));
}

/** Per document list: place name → positions of the documents that speak for it, and the answers so far (by the names a question writes). */
const placeIndexes = new WeakMap<DocumentMeta[], Map<string, number[]>>();
const placeAnswers = new WeakMap<DocumentMeta[], Map<string, DocumentMeta[]>>();

/** The documents of the list whose place the question names (namesPlaceOf), in list order, without reading every document. */
export function documentsNamingPlace(analysis: QueryAnalysis, documents: DocumentMeta[]): DocumentMeta[] {
  let byPlace = placeIndexes.get(documents);
  if (!byPlace) {
    const index: Positions = new Map();
    documents.forEach((meta, at) => {
      for (const name of placeNames(meta)) addPosition(index, name, at);
    });
    placeIndexes.set(documents, (byPlace = index));
  }
  const names = [...byPlace.keys()].filter((name) => namesPlace(analysis, name));
  if (!names.length) return [];
  // The documents depend only on the names written: a place of 2,000 documents (1000×) is gathered once.
  let answers = placeAnswers.get(documents);
  if (!answers) placeAnswers.set(documents, (answers = new Map()));
  const key = names.join('|');
  let listed = answers.get(key);
  if (!listed) {
    if (answers.size > 1000) answers.clear();
    answers.set(key, (listed = positionsOf(byPlace, names).map((at) => documents[at]!)));
  }
  return [...listed];
}

/** A question as one document's sentences read it: the words naming that document, and the weights they leave. */
export interface DocumentReading {
  words: ReadonlySet<string>;
  analysis: QueryAnalysis;
}

const readings = new WeakMap<QueryAnalysis, WeakMap<DocumentMeta, DocumentReading>>();
const NO_WORDS: ReadonlySet<string> = new Set();

/** Weight left to the words naming a document (issuer, place), when scoring that document's sentences. */
const NAMING_WEIGHT = 0.25;

/**
 * The question as the sentences of one document answer it: the words that name this document
 * (namingWords) count for little there — they are found, the rest of the question decides. Cached per
 * question and document, so sentence scoring reuses its plan. English questions name nothing this way.
 */
export function namingOf(analysis: QueryAnalysis, meta: DocumentMeta): DocumentReading {
  let byDocument = readings.get(analysis);
  if (!byDocument) readings.set(analysis, (byDocument = new WeakMap()));
  let reading = byDocument.get(meta);
  if (!reading) {
    const words = analysis.english ? NO_WORDS : namingWords(analysis, meta);
    const own = words.size ? { ...analysis, content: analysis.content.map((t) => (words.has(t.term) ? { term: t.term, weight: t.weight * NAMING_WEIGHT } : t)) } : analysis;
    byDocument.set(meta, (reading = { words, analysis: own }));
  }
  return reading;
}

/**
 * The question's words that name a document rather than ask about it: its issuer ("Hướng dẫn của Ban
 * Tổ chức Tỉnh ủy … đề ra …": three or more issuer syllables in a row, with the type written before
 * them), and the place it speaks for. Its type and number are not among them: discounting "Kế hoạch
 * số …" made near-miss questions look answered (measured).
 * They say which document is meant, not what the answer must repeat.
 */
export function namingWords(analysis: QueryAnalysis, meta: DocumentMeta): Set<string> {
  const words = new Set<string>();
  const { issuer, type } = issuerTokens(meta);
  const asked = askedWords(analysis);
  for (let i = 0; i < asked.length; i++) {
    if (!issuer.includes(` ${asked[i]} `)) continue;
    let end = i;
    while (end < asked.length && issuer.includes(` ${asked.slice(i, end + 1).join(' ')} `)) end++;
    if (end - i < 3) continue;
    for (const w of asked.slice(i, end)) words.add(w);
    // "Hướng dẫn (của) Ban …": the type before the issuer names the same document.
    const before = asked.slice(Math.max(0, i - type.length - 1), i);
    const lead = before[before.length - 1] === 'cua' ? before.slice(0, -1) : before.slice(1);
    if (type.length && lead.join(' ') === type.join(' ')) for (const w of type) words.add(w);
    i = end - 1;
  }
  for (const w of titleRun(asked, meta)) words.add(w);
  // "Sơn La tuyên truyền …", "… của Sơn La": the place the document speaks for (not "Báo … Điện Biên", a name).
  for (const name of placeNames(meta)) {
    if (namesPlace(analysis, name) && PLACE_NAMING.test(` ${asked.join(' ')} `.replace(` ${name} `, ' @place '))) for (const w of name.split(' ')) words.add(w);
  }
  return words;
}

/** A document's naming tokens, folded once: issuer and place, type, and the title after its type and number. */
interface NamingTokens {
  issuer: string;
  type: string[];
  /** Split on spaces only (a scan's "16i" or "1am" is one misread word); digits inside a word read as the letters they replace ("16i" lối, "1am" làm). */
  title: string[];
}

const issuerTokenCache = new WeakMap<DocumentMeta, NamingTokens>();

/** Where a title run picks up after a mismatch: [question words skipped, title words skipped]. */
const RESYNC_STEPS = [1, 2, 3].flatMap((dk) => [0, 1].map((dq) => [dq, dk] as const));

/**
 * "Kế hoạch triển khai Nghị quyết …", "kế hoạch thu gom rác thải": the document's type followed by three or
 * more words of its title, in order (a scan's title may misread a letter of each).
 */
function titleRun(asked: string[], meta: DocumentMeta): string[] {
  const { issuer, type, title } = issuerTokens(meta);
  // A document without a number of its own is already read through its title (the answerer's "implementing" reading).
  if (!type.length || !title.length || !meta.docNumber) return [];
  const same = (a: string | undefined, b: string | undefined) => !!a && !!b && (a === b || (a.length >= 3 && b.length >= 3 && withinOneEdit(a, b)));
  const number = new Set(foldedSyllables(meta.docNumber));
  for (let at = type.length; at < asked.length; at++) {
    if (asked.slice(at - type.length, at).join(' ') !== type.join(' ')) continue;
    // "Kế hoạch (số) 15-KH/HU về …": the title may follow the number.
    let i = at;
    while (i < at + 5 && (number.has(asked[i]!) || asked[i] === 'so' || (i > at && asked[i] === 've'))) i++;
    // "Kế hoạch của Huyện ủy … về …": or it may follow the issuer.
    if (asked[i] === 'cua') {
      let j = i + 1;
      while (j < asked.length && issuer.includes(` ${asked[j]} `)) j++;
      if (j - i > 2 && asked[j] === 've') i = j + 1;
    }
    for (let t = 0; t < title.length; t++) {
      if (!same(asked[i], title[t])) continue;
      let q = i;
      let k = t;
      let matched = 0;
      let resyncs = 0;
      while (q < asked.length && k < title.length) {
        if (same(asked[q], title[k])) {
          matched++;
          q++;
          k++;
          continue;
        }
        // A misread word ("luận" → "luéin") or one the question leaves out ("số"): pick up the run again just after.
        const next = RESYNC_STEPS.find(([dq, dk]) => same(asked[q + dq], title[k + dk]));
        if (!next || ++resyncs > 2) break;
        q += next[0];
        k += next[1];
      }
      if (matched >= 3) return [...type, ...asked.slice(at, q)];
    }
  }
  return [];
}

/** A document's folded issuer and place (space-padded, for run lookups), type and title words; per document. */
function issuerTokens(meta: DocumentMeta): NamingTokens {
  let tokens = issuerTokenCache.get(meta);
  if (!tokens) {
    const title = meta.title
      ? fold(meta.title.replace(/^[^–]*–/, ''))
          .split(/[^a-z0-9]+/)
          .filter(Boolean)
          .map((w) => (/[a-z]/.test(w) ? w.replace(/1/g, 'l').replace(/[06]/g, 'o') : w))
      : [];
    tokens = { issuer: ` ${foldedSyllables(`${meta.issuer ?? ''} ${meta.place ?? ''}`).join(' ')} `, type: meta.docType ? foldedSyllables(meta.docType) : [], title };
    issuerTokenCache.set(meta, tokens);
  }
  return tokens;
}

const askedCache = new WeakMap<QueryAnalysis, string[]>();

/** The question's folded syllables, once per analysis (callers must not change the array). */
export function askedWords(analysis: QueryAnalysis): string[] {
  let words = askedCache.get(analysis);
  if (!words) askedCache.set(analysis, (words = foldedSyllables(analysis.question)));
  return words;
}

/** A place named at the start, or after "của / ở / tại / tỉnh / huyện / tỉnh ủy …". */
const PLACE_NAMING = /^ @place |\b(cua|o|tai|tinh|huyen|xa|phuong|pho|uy) @place /;


/**
 * Words of a duty question that are not the body's name ("có trách nhiệm gì", "được giao việc gì").
 * "chịu trách nhiệm" is duty phrasing too: in "Ai chịu trách nhiệm đưa …" the act asked is "đưa", not "chịu".
 */
export const DUTY_WORDS = new Set(['nhiem', 'vu', 'trach', 'duoc', 'giao', 'de', 'nghi', 'lam', 'viec', 'vai', 'tro', 'gi', 'nhung', 'lo', 'mang', 'phu', 'chiu']);
// "lo mảng nào", "phụ trách gì": how cadres ask what a body is in charge of.
export const DUTY_QUESTION = /\b(nhiem vu|trach nhiem|duoc giao|de nghi|lam gi|viec gi|nhung viec|vai tro|lo (mang|viec|chuyen)|phu trach|duties|tasks|responsib)/;
/** Where the body's name ends in a duty question: its verb ("có", "được", "phân công", "cần"). */
const SUBJECT_END = new Set([...DUTY_WORDS, 'co', 'phan', 'cong', 'can', 'phai', 'se', 'trong', 'chiu']);
/** A scope a question opens with, before the body it asks about ("Trong …, ", "Theo Kế hoạch 22, ", "Ở Tam Đường, "). */
const SCOPE_CLAUSE = /^\s*(trong|theo|o|tai|doi voi|ve)\s[^,?]*,/;
/** A body's name is told by its first words ("Văn phòng Tỉnh ủy Điện Biên" → "Văn phòng Tỉnh ủy"). */
const SUBJECT_WORDS = 4;

/**
 * The body a duty question asks about ("Phòng Nội vụ huyện có trách nhiệm gì" → phong noi vu huyen):
 * its content words before the duty verb, a spelled-out acronym as the acronym. Empty when the
 * question asks no duty or names no body of two words or more.
 */
export function dutySubject(analysis: QueryAnalysis): string[] {
  if (analysis.english || !DUTY_QUESTION.test(fold(analysis.text))) return [];
  const subject: string[] = [];
  // "Trong đợt ra quân năm 2026, Đoàn Thanh niên … được đề nghị …": the body follows the
  // scope the question opens with; that clause's content words (in order) are passed over.
  const scope = SCOPE_CLAUSE.exec(fold(analysis.text))?.[0];
  let from = 0;
  if (scope) for (const w of foldedSyllables(scope)) if (analysis.content[from]?.term === w) from++;
  for (const { term, alt, weight } of analysis.content.slice(from)) {
    if (weight < 1 || SUBJECT_END.has(term)) break;
    const word = alt ?? term;
    if (subject.at(-1) !== word) subject.push(word);
  }
  return subject.length >= 2 ? subject.slice(0, SUBJECT_WORDS) : [];
}

/**
 * How much of the body's name a heading line begins with (idf-weighted, 0..1): its first word is the
 * name's, and the name's words stand among its first ones, OCR-tolerant. "Ban Xây dựng đảng Đảng ủy"
 * is the section of that body; "… phối hợp với Ban Xây dựng đảng" is another body's.
 */
export function leadsWith(
  words: string[],
  subject: string[],
  idf: (term: string) => number,
  near?: (term: string) => string[],
): number {
  let start = 0;
  while (start < words.length && /^(\d+|[ivxlc]+|[a-d])$/.test(words[start]!)) start++;
  // "Đề nghị Ủy ban Mặt trận …": a request addressed to the body is its section too.
  if (words[start] === 'de' && words[start + 1] === 'nghi') start += 2;
  // "Đảng ủy Ủy ban nhân dân tỉnh" is the section of "Đảng ủy UBND tỉnh".
  subject = contractAcronyms(subject);
  const window = contractAcronyms(words, start, subject.length + 2);
  const writes = (w: string, at?: string) => (at !== undefined ? at === w || (near?.(w) ?? []).includes(at) : window.includes(w) || (near?.(w) ?? []).some((v) => window.includes(v)));
  if (!window.length || !writes(subject[0]!, window[0])) return 0;
  let total = 0;
  let found = 0;
  for (const w of subject) {
    const weight = idf(w);
    total += weight;
    if (writes(w)) found += weight;
  }
  return total ? found / total : 0;
}
