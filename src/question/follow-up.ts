/**
 * Follow-up resolution: whether a question goes on with the conversation, which turn it goes on from (the last
 * question and the answer given to it), and which of its own words are conversational glue ("việc đó", "họ",
 * "vậy", "lập xong rồi thì …") rather than what the answer's sentence says. The words of the conversation
 * lexicon (conversation.json) are general Vietnamese.
 */
import { findDocRefs } from '../text/doc-refs.js';
import { fold } from '../text/fold.js';
import { foldedSyllables, syllables } from '../text/tokens.js';
import type { WeightedTerm } from '../retrieval/lexical-index.js';
import type { QueryAnalysis } from '../retrieval/query.js';
import type { HistoryTurn } from '../types.js';
import lexicon from './conversation.json' with { type: 'json' };

/** The turn a follow-up goes on from: the last question asked and the answer given to it (none for a refusal). */
export interface PreviousTurn {
  question: string;
  answer?: string;
}

const FOLLOW_UP_START = /^(con|the con|the|vay con|vay|va|thi sao|what about|and|how about)\b/;

/** The question, as typed, goes on with the conversation. */
export function isFollowUp(question: string, history: HistoryTurn[] | undefined): boolean {
  if (!history?.some((t) => t.role === 'user')) return false;
  const folded = fold(question).trim();
  const syllableCount = foldedSyllables(question).length;
  if (FOLLOW_UP_START.test(folded) || (syllableCount <= 6 && /(thi sao|the nao|nhu vay|\?)\s*$/.test(folded))) return true;
  // "chuyện đó", "văn bản này", "mà nó căn cứ", "lập xong rồi thì …": points back at the last turn.
  if (/(^|[^\p{L}])(đó|này|ấy|trên|nó|họ)([^\p{L}]|$)/u.test(question.normalize('NFC').toLowerCase()) || conversationalWords(question).pointsBack) return true;
  // A short question that names no document ("căn cứ văn bản nào của tỉnh?") goes on with the last one's.
  return syllableCount <= 10 && !findDocRefs(question).length;
}

/** Our own refusal ("Xin lỗi, các văn bản hiện có không nêu rõ …"): it says nothing the conversation is about. */
const REFUSAL = /^\s*(xin loi|sorry)\b/;
/** The quotes of one of our answers (“…”): what it said, without the citation's labels. */
const QUOTED = /“([^”]+)”/g;

export function previousTurn(history: HistoryTurn[] | undefined): PreviousTurn | undefined {
  if (!history) return undefined;
  const at = history.map((t) => t.role).lastIndexOf('user');
  if (at < 0) return undefined;
  const reply = history.slice(at + 1).find((t) => t.role === 'assistant')?.content;
  return { question: history[at]!.content, answer: reply === undefined ? undefined : answerText(reply) };
}

/** What an answer said: its quotes when it quotes (ours do), else the whole text (a person's or a model's own words). */
function answerText(reply: string): string | undefined {
  if (REFUSAL.test(fold(reply).toLowerCase())) return undefined;
  const quotes = [...reply.matchAll(QUOTED)].map((m) => m[1]!);
  const text = (quotes.length ? quotes.join('\n') : reply).trim();
  return text || undefined;
}

/**
 * A short question in a Vietnamese conversation is Vietnamese, though its bare words read as English too
 * ("Ai thu?": "AI"); the last question's language decides when the question alone cannot.
 */
export function continuesInVietnamese(question: string, previous: PreviousTurn | undefined, looksEnglish: (text: string) => boolean): boolean {
  return previous !== undefined && !looksEnglish(previous.question) && foldedSyllables(question).length <= 3;
}

/** A phrase of the lexicon as the question's words are read: accented syllables, lowercase, spelled as tokens.ts spells them ("lý" → "lí"). */
const asTyped = (phrase: string) => syllables(phrase).map((w) => w.normalize('NFC').toLowerCase());
const DEMONSTRATIVES = new Set(lexicon.demonstratives.flatMap(asTyped));
const FOLDED_DEMONSTRATIVES = new Set(lexicon.demonstratives.map((w) => fold(w)));
const HEADS = lexicon.referringHeads.map((p) => foldedSyllables(p));
const QUANTIFIERS = new Set(lexicon.quantifiers.map((w) => fold(w)));
const PRONOUNS = lexicon.pronouns.map(asTyped);
const FILLERS = new Set(lexicon.fillers.flatMap(asTyped));
const SEQUELS = lexicon.sequels.map(asTyped);
const CONDITIONS = lexicon.conditions.map(asTyped);
const CONSEQUENCES = lexicon.consequences.map(asTyped);
const THEN = asTyped('thì')[0]!;

/** The phrase's syllables stand in `words` from `at` on. */
const standsAt = (words: string[], phrase: string[], at: number) => phrase.every((w, k) => words[at + k] === w);

/** What a follow-up's own words say about the conversation, as folded words of the question as typed. */
export interface ConversationalWords {
  /** Words that only carry the conversation: a generic head pointing back with its demonstrative, a pronoun, a filler. */
  glue: Set<string>;
  /** Words of a step stated as done ("lập danh sách xong rồi thì …"): known from the conversation, not what the answer says. */
  given: Set<string>;
  /** The question points back at the last turn (a head with a demonstrative, a pronoun, a step stated as done). */
  pointsBack: boolean;
}

/**
 * The words of a follow-up, as typed, that carry the conversation rather than the question: "việc đó", "hai nơi
 * đó", "trong số đó" (a generic head pointing back, with its demonstrative), "họ", "nó" (pronouns), "vậy", "rồi",
 * "nổi" (fillers), and the clause before "xong (rồi) thì" (a step done). Accented words must be spelled so,
 * unless the question is typed without any diacritics. A word counts only when every one of its occurrences
 * does; the chat expansions of a glue word ("xong" → "hoàn thành") are glue too.
 */
export function conversationalWords(typed: string, expand: (text: string) => string = (t) => t): ConversationalWords {
  const words = foldedSyllables(typed);
  const raw = syllables(typed).map((w) => w.normalize('NFC').toLowerCase());
  const none: ConversationalWords = { glue: new Set(), given: new Set(), pointsBack: false };
  if (raw.length !== words.length) return none;
  const bare = raw.every((w, i) => w === words[i]);
  const demonstrative = (i: number) => (bare ? FOLDED_DEMONSTRATIVES.has(words[i] ?? '') : DEMONSTRATIVES.has(raw[i] ?? ''));
  const spelled = (phrase: string[], at: number) => (bare ? standsAt(words, phrase.map((w) => fold(w)), at) : standsAt(raw, phrase, at));
  const glue = new Set<number>();
  let pointsBack = false;
  words.forEach((_, i) => {
    if (!demonstrative(i)) return;
    for (const head of HEADS) {
      const start = i - head.length;
      if (start < 0 || !standsAt(words, head, start)) continue;
      for (let k = start; k <= i; k++) glue.add(k);
      // "hai nơi đó", "những việc này": the quantifier points back too.
      if (start > 0 && QUANTIFIERS.has(words[start - 1]!)) glue.add(start - 1);
      pointsBack = true;
      break;
    }
  });
  let sequelAt = -1;
  raw.forEach((_, i) => {
    for (const pronoun of PRONOUNS) {
      if (!spelled(pronoun, i)) continue;
      pronoun.forEach((__, k) => glue.add(i + k));
      pointsBack = true;
    }
    if (bare ? false : FILLERS.has(raw[i]!)) glue.add(i);
    if (sequelAt < 0 && i > 0 && SEQUELS.some((sequel) => spelled(sequel, i))) sequelAt = i;
  });
  // "Nếu … thì xử lý thế nào?": the mark of the case and the asking of what is done, up to the end.
  const then = raw.lastIndexOf(bare ? fold(THEN) : THEN);
  const condition = CONDITIONS.find((c) => spelled(c, 0));
  const consequence = then > 0 ? CONSEQUENCES.find((c) => spelled(c, then + 1) && then + 1 + c.length === raw.length) : undefined;
  if (condition && consequence) {
    condition.forEach((_, k) => glue.add(k));
    for (let k = then; k <= then + consequence.length; k++) glue.add(k);
    pointsBack = true;
  }
  const given = new Set<string>();
  if (sequelAt > 0) {
    const sequel = SEQUELS.find((p) => spelled(p, sequelAt))!;
    for (let k = 0; k < sequel.length; k++) glue.add(sequelAt + k);
    const rest = new Set(words.slice(sequelAt + sequel.length));
    for (let i = 0; i < sequelAt; i++) if (!rest.has(words[i]!) && !glue.has(i)) given.add(words[i]!);
    pointsBack = true;
  }
  const glued = new Set<string>();
  const loose = new Set(words.filter((_, i) => !glue.has(i)));
  for (const i of glue) {
    if (!loose.has(words[i]!)) glued.add(words[i]!);
    for (const w of foldedSyllables(expand(raw[i]!))) if (!loose.has(w)) glued.add(w);
  }
  return { glue: glued, given, pointsBack };
}

/** A person pointed back at ("bà ấy", "đồng chí đó"). */
const PERSON_POINTER = /(?<![\p{L}])(?:ông|bà|anh|chị|đồng chí|người) (?:ấy|đó|này)(?![\p{L}])/iu;
/** A person the last turn names: "đồng chí Tô Văn A", "ông Nguyễn B" (two to five capitalised syllables). */
const NAMED_PERSON = /(?<![\p{L}])(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})/gu;

/**
 * "Bà ấy giữ chức vụ gì?" after an answer naming one person: the question is about that person, by name
 * (a quote must then name them). Unchanged when the last turn names no one person.
 */
export function resolvePerson(question: string, previous: PreviousTurn | undefined): string {
  const typed = question.normalize('NFC');
  if (!previous || !PERSON_POINTER.test(typed)) return question;
  const names = new Set([...`${previous.answer ?? ''}\n${previous.question}`.normalize('NFC').matchAll(NAMED_PERSON)].map((m) => m[1]!));
  if (names.size !== 1) return question;
  return typed.replace(PERSON_POINTER, [...names][0]!);
}

/** Folded, numbers without leading zeros ("03 ngày" is "3 ngày"): how evidence is compared across turns. */
const comparable = (text: string) => ` ${fold(text).toLowerCase().replace(/\s+/g, ' ').replace(/(?<![\d.,/])0+(?=\d)/g, '')} `;

/**
 * The quote only repeats what the last answer said for the kinds asked: every piece of evidence it shows for
 * them ("03 ngày làm việc", "trước ngày 25/01/2027") the last answer already showed. A follow-up asks for what
 * it did not say ("Cơ quan đó phải giải quyết trong bao lâu?" after "… trong 03 ngày chuyển đến cơ quan …").
 * Kinds without evidence patterns say nothing either way.
 */
export function repeatsAnswer(evidence: RegExp[], answer: string, quote: string): boolean {
  const said = comparable(answer);
  const text = comparable(quote);
  let shown = 0;
  for (const pattern of evidence) {
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
      if (!m[0].trim()) continue;
      shown++;
      if (!said.includes(m[0])) return false;
    }
  }
  // A number the patterns did not read (a scan's misread unit: "10 phit") may be the new evidence; a label's is not.
  const saidNumbers = new Set(said.match(NUMBER) ?? []);
  const unsaid = [...text.matchAll(NUMBER)].some((m) => !saidNumbers.has(m[0]) && !LABEL.test(text.slice(Math.max(0, m.index! - 12), m.index)));
  return shown > 0 && !unsaid;
}

/** A number as written ("25/1/2027", "2,8", "10"), leading zeros already dropped. */
const NUMBER = /\d+(?:[.,/]\d+)*/g;
/** The numbering of a step, an article or a part ("Bước 2", "Điều 5", "khoản 1"): a label, not a value. */
const LABEL = /\b(buoc|dieu|khoan|muc|diem|phan|giai doan|lan thu|thu|so|khoa)\s*$/;

/** "Còn hình thức thì …?", "Thế còn …": the follow-up turns from the last question's topic to another. */
const TURNS_AWAY = /^(con|the con|vay con)\b/;
/** What an inherited word that no longer says where the answer is still weighs. */
const FADED = 0.25;

/**
 * A follow-up's words from the last question (`analysis.inherited`), weighed once the documents in question are
 * known (`naming`: the words of their titles and headers). "Còn hình thức thì gồm những gì?" turns to another
 * topic: of the last question only the words naming its document carry over. Any other follow-up goes on at the
 * same place ("Nếu chi vượt dự toán thì …" after a question on the contest's budget): the words naming the
 * document only say which document it is (its title line is no answer), the others where in it.
 */
export function inheritedWeights(analysis: QueryAnalysis, naming: Set<string>): WeightedTerm[] {
  const inherited = analysis.inherited;
  if (!inherited?.size) return analysis.content;
  const own = analysis.content.filter((t) => t.weight >= 1 && !inherited.has(t.term)).length;
  const turnsAway = TURNS_AWAY.test(fold(analysis.question).trim()) && own >= 2;
  return analysis.content.map((t) => (inherited.has(t.term) && naming.has(t.term) !== turnsAway ? { ...t, weight: t.weight * FADED } : t));
}
