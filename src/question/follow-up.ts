/**
 * Follow-up resolution: whether a question goes on with the conversation, which turn it goes on from (the last
 * question and the answer given to it), and which of its own words are conversational glue ("việc đó", "họ",
 * "vậy", "lập xong rồi thì …") rather than what the answer's sentence says. The words of the conversation
 * lexicon (conversation.json) are general Vietnamese.
 */
import { findDocRefs } from '../text/doc-refs.js';
import { fold } from '../text/fold.js';
import { foldedSyllables, syllables } from '../text/tokens.js';
import type { HistoryTurn } from '../types.js';
import lexicon from './conversation.json' with { type: 'json' };

/** The turn a follow-up goes on from: the last question asked and the answer given to it (none for a refusal). */
export interface PreviousTurn {
  question: string;
  answer?: string;
}

const FOLLOW_UP_START = /^(con|the con|the|vay con|vay|va|thi sao|what about|and|how about)\b/;

export function isFollowUp(question: string, history: HistoryTurn[] | undefined): boolean {
  if (!history?.some((t) => t.role === 'user')) return false;
  const folded = fold(question).trim();
  const syllableCount = foldedSyllables(question).length;
  if (FOLLOW_UP_START.test(folded) || (syllableCount <= 6 && /(thi sao|the nao|nhu vay|\?)\s*$/.test(folded))) return true;
  // "chuyện đó", "văn bản này", "mà nó căn cứ": points back at the last turn.
  if (/(^|[^\p{L}])(đó|này|ấy|trên|nó|họ)([^\p{L}]|$)/u.test(question.normalize('NFC').toLowerCase())) return true;
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

const asSyllables = (phrase: string) => foldedSyllables(phrase);
const DEMONSTRATIVES = new Set(lexicon.demonstratives);
const FOLDED_DEMONSTRATIVES = new Set(lexicon.demonstratives.map((w) => fold(w)));
const HEADS = lexicon.referringHeads.map(asSyllables);
const QUANTIFIERS = new Set(lexicon.quantifiers.map((w) => fold(w)));
const PRONOUNS = lexicon.pronouns.map((p) => p.normalize('NFC').split(' '));
const FILLERS = new Set(lexicon.fillers);
const SEQUELS = lexicon.sequels.map(asSyllables);

/** The phrase's syllables stand in `words` from `at` on. */
const standsAt = (words: string[], phrase: string[], at: number) => phrase.every((w, k) => words[at + k] === w);

/**
 * The positions of a follow-up's words that only carry the conversation: a generic head pointing back
 * ("việc đó", "hai nơi đó", "trong số đó", "cơ quan này") with its demonstrative, a pronoun ("họ", "nó"),
 * a filler ("vậy", "rồi", "nổi"). Read on `text`'s folded syllables (as contentTerms reads them); accented
 * words must be spelled so, unless the question is typed without any diacritics.
 */
export function glueWords(text: string): Set<number> {
  const words = foldedSyllables(text);
  const raw = syllables(text).map((w) => w.normalize('NFC').toLowerCase());
  const glue = new Set<number>();
  if (raw.length !== words.length) return glue;
  const bare = raw.every((w, i) => w === words[i]);
  const demonstrative = (i: number) => (bare ? FOLDED_DEMONSTRATIVES.has(words[i] ?? '') : DEMONSTRATIVES.has(raw[i] ?? ''));
  words.forEach((_, i) => {
    if (!demonstrative(i)) return;
    for (const head of HEADS) {
      const start = i - head.length;
      if (start < 0 || !standsAt(words, head, start)) continue;
      for (let k = start; k <= i; k++) glue.add(k);
      // "hai nơi đó", "những việc này": the quantifier points back too.
      if (start > 0 && QUANTIFIERS.has(words[start - 1]!)) glue.add(start - 1);
      break;
    }
  });
  raw.forEach((_, i) => {
    for (const pronoun of PRONOUNS) if (standsAt(raw, pronoun, i)) pronoun.forEach((__, k) => glue.add(i + k));
    if (FILLERS.has(raw[i]!)) glue.add(i);
  });
  return glue;
}

/**
 * "Lập xong rồi thì phải nộp ở đâu?": the clause before "xong (rồi) thì" is the step already known from the
 * conversation; its words (unless the rest repeats them) are not what the answer says. Positions on `text`'s
 * folded syllables.
 */
export function sequelWords(text: string): Set<number> {
  const words = foldedSyllables(text);
  for (const sequel of SEQUELS) {
    const at = words.findIndex((_, i) => standsAt(words, sequel, i));
    if (at <= 0) continue;
    const rest = new Set(words.slice(at + sequel.length));
    const given = new Set<number>();
    for (let i = 0; i < at + sequel.length; i++) if (i >= at || !rest.has(words[i]!)) given.add(i);
    return given;
  }
  return new Set();
}

/** A person pointed back at ("bà ấy", "đồng chí đó"). */
const PERSON_POINTER = /(?<![\p{L}])(?:ông|bà|anh|chị|đồng chí|người) (?:ấy|đó|này)(?![\p{L}])/iu;
/** A person the last turn names: "đồng chí Tô Văn A", "ông Nguyễn B" (two to five capitalised syllables). */
const NAMED_PERSON = /(?<![\p{L}])(?:đồng chí|ông|bà)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})/gu;

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
  return shown > 0;
}
