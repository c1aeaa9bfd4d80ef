/**
 * One Question per request: the analysed question (folded terms, references, follow-up resolution from
 * retrieval/query.ts) with its kinds from the registry, their slots, the words the kinds consume and the
 * topic terms left over. Everything the answerer asks of the question is read here, once.
 */
import type { QueryAnalysis } from '../retrieval/query.js';
import type { WeightedTerm } from '../retrieval/lexical-index.js';
import { fold } from '../text/fold.js';
import { FORM_BREAK } from '../text/glossary.js';
import { foldedSyllables } from '../text/tokens.js';
import { detectKinds, KIND_SPECS, kindNamed, type Kind, type KindMatch } from './registry.js';
import { synonymPhrasesIn } from './lexicon.js';

export interface Question {
  analysis: QueryAnalysis;
  /** The question as typed (spellings read, no alternatives), folded and lowercase. */
  folded: string;
  /** The question's kinds (from its own words; a follow-up without any takes the previous question's). */
  kinds: KindMatch[];
  /** Words that only express the kinds ("bao nhiêu", "chủ trì"): not topic. */
  consumed: Set<string>;
  /** Content terms minus the consumed words: what a quote should be about. */
  topic: WeightedTerm[];
  /** Synonym phrases the question writes, with the phrases that may stand for them in a quote. */
  synonyms: Array<[string, string[]]>;
}

export function buildQuestion(analysis: QueryAnalysis): Question {
  // Kinds are read on the words typed, not on their alternatives: "tiền" said as a topic asks no amount.
  const folded = fold(analysis.typed).toLowerCase();
  let kinds = typedKinds(analysis);
  if (!kinds.length && analysis.followUp) kinds = detectKinds(fold(`${analysis.typed}\n${analysis.previousTyped ?? ''}`).toLowerCase());
  const consumed = new Set(kinds.flatMap((k) => [...(kindNamed(k.name)?.consumes ?? [])]));
  const topic = analysis.content.filter((t) => !consumed.has(t.term));
  return { analysis, folded, kinds, consumed, topic: topic.length ? topic : analysis.content, synonyms: synonymPhrasesIn(foldedSyllables(analysis.question)) };
}

/**
 * The kinds of the question as typed. An English one is read as the Vietnamese question words its shape stands
 * for ("how many households" → "bao nhiêu hộ"), which give the kinds and their slots, then as its translation
 * framed by them ("bao nhiêu tiền … ngân sách"), for kinds a Vietnamese question names by a noun ("ngân sách",
 * "tỷ lệ"): both carry the same kinds as the Vietnamese question would.
 */
function typedKinds(analysis: QueryAnalysis): KindMatch[] {
  if (!analysis.englishForm) return detectKinds(fold(analysis.typed).toLowerCase());
  const { leading, closing } = analysis.englishForm.questionWords;
  const kinds = detectKinds(fold(`${leading}${FORM_BREAK}${closing}`).toLowerCase());
  // What the question names, each thing in its first wording: its question words are the forms' to read.
  const named = analysis.englishForm.concepts.map((c) => c.alternatives[0]).join(' ');
  for (const kind of detectKinds(fold(`${leading}${FORM_BREAK}${named}${FORM_BREAK}${closing}`).toLowerCase())) {
    // Slots are read from the forms only: in a translation, the words after "bao nhiêu" are not what it counts.
    if (!kinds.some((k) => k.name === kind.name)) kinds.push({ name: kind.name, slots: {} });
  }
  // In registry order, as a Vietnamese question's kinds are.
  const order = (k: KindMatch) => KIND_SPECS.findIndex((s) => s.name === k.name);
  return kinds.sort((a, b) => order(a) - order(b));
}

export function kindsOf(question: Question): Kind[] {
  return question.kinds.map((k) => kindNamed(k.name)).filter((k): k is Kind => k !== undefined);
}

export function hasKind(question: Question, name: string): boolean {
  return question.kinds.some((k) => k.name === name);
}

/** For a trace: the Question without the analysis's term lists. */
export function describeQuestion(question: Question): object {
  return {
    kinds: question.kinds,
    consumed: [...question.consumed],
    topic: question.topic.map((t) => `${t.term}:${t.weight}`),
    synonyms: question.synonyms.map(([p, o]) => `${p} ≈ ${o.join(' ≈ ')}`),
    followUp: question.analysis.followUp,
    ...(question.analysis.inherited ? { inherited: [...question.analysis.inherited] } : {}),
    ...(question.analysis.previousAnswer ? { previousAnswer: question.analysis.previousAnswer } : {}),
    refs: question.analysis.refs.map((r) => r.full ?? r.short),
  };
}
