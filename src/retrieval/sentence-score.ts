/**
 * How well one sentence answers the question: idf-weighted coverage of the
 * question's content syllables (tolerant of one OCR-damaged letter), adjacent
 * pairs in the same order, and whether it holds what the question asks for.
 */
import { withinOneEdit } from '../text/edit-distance.js';
import { numberValue } from '../text/numbers.js';
import { foldedSyllables, syllables } from '../text/tokens.js';
import type { Intent, QueryAnalysis } from './query.js';
import type { WeightedTerm } from './lexical-index.js';
import { boundingNumber, statedSpans, type Span } from '../question/bounds.js';

export interface SentenceScore {
  score: number;
  /** 0..1: weighted share of the question's content found. */
  coverage: number;
  /** The same share counting only exact (not OCR-tolerant) matches. */
  exactCoverage: number;
  /** Adjacent question words found adjacent in the sentence (phrase evidence). */
  pairs: number;
  /** The share of the question (weighted) the document's title says and the sentence, its headings and header do not. */
  titled: number;
}

export const INTENT_EVIDENCE: Record<Intent, RegExp> = {
  quantity: /\d/,
  time: /\b(quy|thang|nam|ngay|tuan)\s*(\d|[ivx]{1,4}\b)|\b(\d{1,2}|[ivx]{1,4})\/\d{4}|\b20\d\d\b|thuong xuyen|hang nam|dinh k[iy]/,
  who: /\b(ban|so|uy ban|dang uy|cong an|co quan|chu tri|phoi hop|van phong|mat tran|trung tam|phong)\b/,
  list: /[,;]/,
};

export type Idf = (term: string) => number;

/** How strongly `term` occurs among `words`, and the word that matched it. */
function bestMatch(term: string, words: Set<string>, fuzzy: boolean, known?: Set<string>, near?: (term: string) => string[]): [number, string] {
  if (words.has(term)) return [1, term];
  // Two-letter terms have no edit neighbours: `near` offers them only the OCR spellings the reading read as them ("iy" for "ly").
  if (!fuzzy || /\d/.test(term) || (term.length < 3 && !(near && /^[a-z]{2}$/.test(term)))) return [0, ''];
  if (near) {
    // The index's own list of near spellings: set lookups instead of comparing every word.
    for (const word of near(term)) if (words.has(word) && !known?.has(word)) return [term.length === 3 ? 0.35 : 0.7, word];
    return [0, ''];
  }
  // Short syllables: only a same-length substitution ("cét" for "cắt"), and weaker.
  for (const word of words) {
    // A word that clean documents use is itself, not a damaged form of another ("thông" is not "tháng").
    if (known?.has(word)) continue;
    if (term.length === 3 ? word.length === 3 && oneSubstitution(term, word) : word.length >= 3 && withinOneEdit(term, word)) return [term.length === 3 ? 0.35 : 0.7, word];
  }
  return [0, ''];
}

/** One-letter tolerance only where OCR damaged the text: in clean text "phut" ≠ "phat". */
function matchStrength(term: string, words: Set<string>, fuzzy: boolean, known?: Set<string>, near?: (term: string) => string[]): number {
  return bestMatch(term, words, fuzzy, known, near)[0];
}

function oneSubstitution(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

export interface ScoreOptions {
  /** Section titles around the sentence: matches there count for less. */
  context?: string | Set<string>;
  /** Tolerate one wrong letter per syllable (for OCR-damaged text). */
  fuzzy?: boolean;
  /** The document's type, number, issuer and place: a question naming them names the document. */
  document?: string | Set<string>;
  /** Syllables of the clean (non-OCR) documents: never taken as OCR damage. */
  known?: Set<string>;
  /** Indexed near spellings of a term (LexicalIndex.nearTerms): makes fuzzy matching a set lookup. */
  near?: (term: string) => string[];
  /**
   * The sentence is clean text: a question word written with diacritics matches
   * only the same accented spelling ("căn cước" is not "cán … cuộc").
   */
  accents?: boolean;
  /** How much a question word found only in `document` counts (default 0.5). */
  documentStrength?: number;
  /** Question words that name this document by its issuer (query.ts issuerWords): found wherever in it. */
  naming?: ReadonlySet<string>;
  /**
   * The document's title words: the topic every sentence of it is about ("… kinh doanh dịch vụ karaoke"). A question
   * word found only there ranks the sentence as `document` words do, without counting in its coverage: the title
   * picks the document, it does not say that this sentence answers.
   */
  title?: ReadonlySet<string>;
}

/** A sentence's folded syllables, ready for scoring (cached per chunk, see sentence-cache.ts). */
export interface SentenceTokens {
  words: string[];
  set: Set<string>;
  joined: string;
  /** Lowercase syllables with their diacritics (tone placement normalised). */
  accented: Set<string>;
}

export function tokenizeSentence(text: string): SentenceTokens {
  const words = foldedSyllables(text);
  return { words, set: withOrdinalDigits(words), joined: ` ${words.join(' ')} `, accented: new Set(syllables(text)) };
}

/** An ordinal written out: "lần thứ hai", "khóa XIV", "quý I" also answer to "2", "14", "1" ("Hội nghị Trung ương 2"). */
const ORDINAL_LEAD = new Set(['thu', 'khoa', 'quy']);

function withOrdinalDigits(words: string[]): Set<string> {
  const set = new Set(words);
  for (let i = 1; i < words.length; i++) {
    const value = ORDINAL_LEAD.has(words[i - 1]!) ? numberValue(words[i]!) : undefined;
    if (value !== undefined) set.add(String(value));
  }
  return set;
}

const asSet = (value: string | Set<string>) => (typeof value === 'string' ? new Set(foldedSyllables(value)) : value);

/** A question term with what every sentence scored for it shares. */
interface PlannedTerm {
  term: string;
  /** weight × idf (floored), as the score weighs it. */
  w: number;
  /** OCR tolerance can apply (3+ letters, no digit). */
  fuzzy: boolean;
  /** A two-letter syllable (OCR neighbour rule). */
  twoLetters: boolean;
  /** The accented spellings the question writes it with. */
  forms?: string[];
  /** `near(term)` without the clean-text words, filled on first use. */
  near?: string[];
  /** The acronym the word is spelled out from (WeightedTerm.alt), and its near spellings (filled on first use). */
  alt?: string;
  altNear?: string[];
  /** A number's unit, the word after it in the question ("4 phòng" → "phong"): a bound or range a sentence states in that unit holds the number. */
  unit?: string;
  /** Words or phrases standing for the typed word (WeightedTerm.alternatives), each as planned words (filled on first use). */
  alternatives?: string[];
  alternativeWords?: PlannedTerm[][];
}

/**
 * Per-question precomputation shared by every sentence scored for the same
 * question (hundreds per request): term weights, near spellings, and each
 * heading's match strengths. Pure caching: scores are exactly those of the
 * term-by-term computation.
 */
interface Plan {
  idf: Idf;
  known?: Set<string>;
  near?: (term: string) => string[];
  accents?: Map<string, Set<string>>;
  terms: PlannedTerm[];
  total: number;
  /** Heading match strength per term, by context set (never mutated once built), [exact, fuzzy]. */
  context: [WeakMap<Set<string>, Float64Array>, WeakMap<Set<string>, Float64Array>];
}

/** Keyed on the question's content list (analyses built from one another share it); a few plans per list. */
const plans = new WeakMap<QueryAnalysis['content'], Plan[]>();

let lastPlan: { content: QueryAnalysis['content']; plan: Plan } | undefined;

function planFor(analysis: QueryAnalysis, idf: Idf, known: Set<string> | undefined, near: ((term: string) => string[]) | undefined): Plan {
  // Consecutive calls nearly always score the same question with the same index.
  const last = lastPlan?.content === analysis.content ? lastPlan.plan : undefined;
  if (last && last.idf === idf && last.known === known && last.near === near && last.accents === analysis.accents) return last;
  const list = plans.get(analysis.content) ?? [];
  let plan = list.find((p) => p.idf === idf && p.known === known && p.near === near && p.accents === analysis.accents);
  if (!plan) {
    let total = 0;
    const typed = foldedSyllables(analysis.typed);
    const terms = analysis.content.map((t): PlannedTerm => {
      const { term, alt, alternatives } = t;
      const w = termWeight(t, idf);
      total += w;
      const forms = analysis.accents?.get(term);
      const at = /^\d+(,\d+)?$/.test(term) ? typed.indexOf(term) : -1;
      const unit = at >= 0 ? typed[at + 1] : undefined;
      return { term, w, ...(unit ? { unit } : {}), fuzzy: term.length >= 3 && !/\d/.test(term), twoLetters: term.length === 2 && /^[a-z]{2}$/.test(term), ...(forms ? { forms: [...forms] } : {}), ...(alt ? { alt } : {}), ...(alternatives ? { alternatives } : {}) };
    });
    plan = { idf, known, near, accents: analysis.accents, terms, total, context: [new WeakMap(), new WeakMap()] };
    if (list.length >= 4) list.shift();
    list.push(plan);
    plans.set(analysis.content, list);
  }
  lastPlan = { content: analysis.content, plan };
  return plan;
}

/**
 * A question term's weight in coverage: its weight × idf (floored). A typed word with alternatives weighs as its
 * most common form (a chat word the documents never write, "online", is as common as "trực tuyến"); a phrase
 * as its rarest word.
 */
export function termWeight(t: WeightedTerm, idf: Idf): number {
  let rarity = idf(t.term);
  for (const phrase of t.alternatives ?? []) rarity = Math.min(rarity, Math.max(...phrase.split(' ').map(idf)));
  return t.weight * Math.max(0.2, rarity);
}

/** The alternative of a typed word that a sentence writes (its words in a row), or undefined. */
export function writtenAlternative(alternatives: readonly string[] | undefined, words: ReadonlySet<string>, joined: string): string | undefined {
  return alternatives?.find((a) => (a.includes(' ') ? joined.includes(` ${a} `) : words.has(a)));
}

/**
 * How strongly a sentence writes one of a typed word's alternatives, and the words that wrote it: each word of
 * the phrase as any question word is matched (a scan's "hdi nghi" holds "hội nghị"), in a row, the weakest
 * word deciding.
 */
function alternativeMatch(t: PlannedTerm, words: Set<string>, joined: string, fuzzy: boolean, plan: Plan): [number, string] {
  t.alternativeWords ??= t.alternatives!.map((phrase) =>
    phrase.split(' ').map((term) => ({ term, w: 0, fuzzy: term.length >= 3 && !/\d/.test(term), twoLetters: term.length === 2 && /^[a-z]{2}$/.test(term) })),
  );
  let best: [number, string] = [0, ''];
  for (const phrase of t.alternativeWords) {
    let strength = 1;
    const written: string[] = [];
    for (const part of phrase) {
      const [s, word] = plannedMatch(part, words, fuzzy, plan);
      strength = Math.min(strength, s);
      if (!s) break;
      written.push(word);
    }
    const text = written.join(' ');
    if (strength > best[0] && (written.length < 2 || joined.includes(` ${text} `))) best = [strength, text];
  }
  return best;
}

function nearOf(t: PlannedTerm, plan: Plan): string[] {
  return (t.near ??= misreadingsOf(t.term, plan));
}

/** The index's near spellings of a term that clean documents do not use as words of their own. */
function misreadingsOf(term: string, plan: Plan): string[] {
  return plan.near!(term).filter((word) => !plan.known?.has(word));
}

/** The same as bestMatch(term, words, fuzzy, known, near), from the plan. */
function plannedMatch(t: PlannedTerm, words: Set<string>, fuzzy: boolean, plan: Plan): [number, string] {
  if (words.has(t.term)) return [1, t.term];
  if (!fuzzy || !(t.fuzzy || (t.twoLetters && plan.near))) return [0, ''];
  if (plan.near) {
    for (const word of nearOf(t, plan)) if (words.has(word)) return [t.term.length === 3 ? 0.35 : 0.7, word];
    return [0, ''];
  }
  return bestMatch(t.term, words, fuzzy, plan.known);
}

/**
 * OCR-tolerant match strength of a term in a heading does not depend on the question:
 * kept per heading set across questions (bounded), for the index's `known` and `near`.
 */
const headingMemo = new WeakMap<Set<string>, { known?: Set<string>; near?: (term: string) => string[]; strengths: Map<string, number> }>();

function headingStrength(t: PlannedTerm, context: Set<string>, plan: Plan): number {
  let memo = headingMemo.get(context);
  if (!memo || memo.known !== plan.known || memo.near !== plan.near) headingMemo.set(context, (memo = { known: plan.known, near: plan.near, strengths: new Map() }));
  let strength = memo.strengths.get(t.term);
  if (strength === undefined) {
    strength = plannedMatch(t, context, true, plan)[0];
    if (memo.strengths.size >= 4096) memo.strengths.clear();
    memo.strengths.set(t.term, strength);
  }
  return strength;
}

function contextStrengths(plan: Plan, context: Set<string>, fuzzy: boolean, cache: boolean): Float64Array {
  const byContext = plan.context[fuzzy ? 1 : 0];
  let strengths = cache ? byContext.get(context) : undefined;
  if (!strengths) {
    strengths = new Float64Array(plan.terms.map((t) => (cache && fuzzy && t.fuzzy && !context.has(t.term) ? headingStrength(t, context, plan) : plannedMatch(t, context, fuzzy, plan)[0])));
    if (cache) byContext.set(context, strengths);
  }
  return strengths;
}

/** Which intents' evidence a (cached, immutable) sentence holds, as bits in INTENT order. */
const INTENTS = Object.keys(INTENT_EVIDENCE) as Intent[];
const intentBits = new WeakMap<SentenceTokens, number>();

function holdsIntent(tokens: SentenceTokens, cached: boolean, intent: Intent): boolean {
  if (!cached) return INTENT_EVIDENCE[intent].test(tokens.joined);
  let bits = intentBits.get(tokens);
  if (bits === undefined) {
    bits = 0;
    INTENTS.forEach((name, i) => {
      if (INTENT_EVIDENCE[name].test(tokens.joined)) bits! |= 1 << i;
    });
    intentBits.set(tokens, bits);
  }
  return (bits & (1 << INTENTS.indexOf(intent))) !== 0;
}

/** The bounds and ranges a (cached, immutable) sentence states, read once. */
const spansMemo = new WeakMap<SentenceTokens, Span[]>();

function spansOf(tokens: SentenceTokens, cached: boolean): Span[] {
  if (!cached) return statedSpans(tokens.words);
  let spans = spansMemo.get(tokens);
  if (!spans) spansMemo.set(tokens, (spans = statedSpans(tokens.words)));
  return spans;
}

/** Scratch per call (scoring is synchronous): no arrays allocated per sentence. */
let matched: string[] = [];
let strengths = new Float64Array(16);
let misaccented = new Uint8Array(16);
let trusted = new Uint8Array(16);

export function scoreSentence(sentence: string | SentenceTokens, analysis: QueryAnalysis, idf: Idf, options: ScoreOptions = {}): SentenceScore {
  const { context = '', fuzzy = false, document = '', known, near, accents = false, documentStrength = 0.5, naming, title } = options;
  const cached = typeof sentence !== 'string';
  const tokens = cached ? sentence : tokenizeSentence(sentence);
  const { words, set: wordSet, joined } = tokens;
  const contextSet = asSet(context);
  const documentSet = asSet(document);
  const plan = planFor(analysis, idf, known, near);
  const inContext = contextStrengths(plan, contextSet, fuzzy, typeof context !== 'string');
  const content = plan.terms;
  const n = content.length;
  const total = plan.total;
  if (strengths.length < n) {
    strengths = new Float64Array(n * 2);
    misaccented = new Uint8Array(n * 2);
    trusted = new Uint8Array(n * 2);
  }
  matched.length = n;
  let found = 0;
  let exact = 0;
  // What the title adds to the score beyond what the sentence, its headings and the document's header say.
  let titled = 0;
  for (let i = 0; i < n; i++) {
    const t = content[i]!;
    const { term, w } = t;
    const forms = accents ? t.forms : undefined;
    // Same letters, other diacritics in a clean sentence: likely another word ("cán" for "căn"), a weak
    // match that only a matching neighbour (a phrase, despite a typo) makes trusted.
    const has = wordSet.has(term);
    const wrongAccent = forms !== undefined && has && !forms.some((f) => tokens.accented.has(f));
    // How strongly the term occurs in the sentence, and the word that matched it (itself, or its OCR-damaged form).
    let inSentence = 0;
    let word = '';
    if (wrongAccent || has) {
      inSentence = wrongAccent ? 0.5 : 1;
      word = term;
    } else if (fuzzy && (t.fuzzy || (t.twoLetters && plan.near))) {
      // Two-letter terms have no edit neighbours: `near` gives them only the OCR spellings the reading read as them.
      if (plan.near) {
        for (const candidate of nearOf(t, plan)) {
          if (wordSet.has(candidate)) {
            inSentence = term.length === 3 ? 0.35 : 0.7;
            word = candidate;
            break;
          }
        }
      } else [inSentence, word] = bestMatch(term, wordSet, fuzzy, plan.known);
    }
    // "kinh phí" holds the typed "tiền": one word, written in either form.
    let byAlternative = false;
    if (inSentence < 1 && t.alternatives) {
      const [strength, written] = alternativeMatch(t, wordSet, joined, fuzzy, plan);
      if (strength > inSentence) [inSentence, word, byAlternative] = [strength, written, strength === 1];
    }
    // "UBND tỉnh" holds "ủy ban nhân dân"; a scan's "HDPND" (one letter misread) holds "hội đồng nhân dân".
    let byAcronym = false;
    if (!inSentence && t.alt) {
      if (wordSet.has(t.alt)) [inSentence, word, byAcronym] = [1, t.alt, true];
      else if (fuzzy && plan.near) {
        t.altNear ??= misreadingsOf(t.alt, plan);
        const misread = t.altNear.find((v) => wordSet.has(v));
        if (misread) [inSentence, word] = [0.7, misread];
      }
    }
    // "4 phòng" is held by "từ 04 đến 05 phòng", "16 tuổi" by "chưa đủ 18 tuổi": the number the question gives, in its unit.
    let byBound = false;
    if (!inSentence && t.unit) {
      const bounding = boundingNumber(words, spansOf(tokens, cached), term, t.unit);
      if (bounding) [inSentence, word, byBound] = [1, bounding, true];
    }
    const inDocument = naming?.has(term) ? 1 : documentSet.has(term) ? documentStrength : 0;
    const strength = inSentence === 1 ? 1 : Math.max(inSentence, 0.6 * inContext[i]!, inDocument);
    found += w * strength;
    if (title?.has(term) && strength < documentStrength) titled += w * (documentStrength - strength);
    exact += w * Math.max((has && !wrongAccent) || byAcronym || byAlternative || byBound ? 1 : 0, contextSet.has(term) ? 0.6 : 0, inDocument);
    matched[i] = inSentence > 0 ? word : '';
    strengths[i] = inSentence;
    misaccented[i] = wrongAccent ? 1 : 0;
    trusted[i] = 0;
  }

  // Adjacent question pairs found adjacent in the sentence: phrase evidence.
  let pairs = 0;
  for (let i = 1; i < n; i++) {
    // The issuer's name written out again is not the question's phrase.
    if (naming?.has(content[i]!.term) && naming.has(content[i - 1]!.term)) continue;
    if (matched[i - 1] && matched[i] && joined.includes(` ${matched[i - 1]} ${matched[i]} `)) {
      pairs++;
      // An OCR-tolerant match inside a matched phrase ("thdo ludn" for "thảo luận") is trusted.
      for (let j = i - 1; j <= i; j++) {
        const w = content[j]!.w;
        const strength = strengths[j]!;
        if (strength < 1 && !trusted[j]) {
          trusted[j] = 1;
          // A diacritic typo inside a matched phrase ("Bùa Liềm Vàng") is the word itself.
          if (misaccented[j]) {
            found += w * (1 - strength);
            exact += w;
          } else exact += w * strength;
        }
      }
    }
  }
  // OCR-damaged two-letter syllables ("hd sơ" for "hồ sơ", "Iy" for "lý"): one wrong letter is
  // accepted only right next to a neighbour of the question already matched in order.
  if (fuzzy) {
    for (let pass = 0, changed = true; pass < 2 && changed; pass++) {
      changed = false;
      for (let i = 0; i < n; i++) {
        const { term, twoLetters } = content[i]!;
        if (matched[i] || !twoLetters) continue;
        const prev = i > 0 ? matched[i - 1] : '';
        const next = matched[i + 1] ?? '';
        const at = words.findIndex(
          (word, k) => word.length === 2 && oneSubstitution(term, word) && ((prev && words[k - 1] === prev) || (next && words[k + 1] === next)),
        );
        if (at < 0) continue;
        const w = content[i]!.w;
        found += w * 0.7;
        exact += w * 0.7;
        matched[i] = words[at]!;
        pairs++;
        changed = true;
      }
    }
  }
  const coverage = total ? found / total : 0;
  let intentBonus = 0;
  for (const intent of analysis.intents) if (holdsIntent(tokens, cached, intent)) intentBonus += 0.12;
  // Very long sentences match everything a little; prefer focused ones.
  const lengthPenalty = Math.min(0.3, Math.max(0, (words.length - 40) / 60) * 0.15);
  return { score: coverage + Math.min(0.3, 0.06 * pairs) + intentBonus - lengthPenalty, coverage, exactCoverage: total ? exact / total : 0, pairs, titled: total ? titled / total : 0 };
}
