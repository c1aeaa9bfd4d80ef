/**
 * The fitted part of the answer decision. Each sentence candidate is described by features (lexical scores,
 * coverage of the question's topic, evidence for the question's kinds, the rule gates as 0/1 signals,
 * retrieval rank, OCR); a logistic model whose weights scripts/fit-answer-scorer.ts fitted on questions of
 * many documents gives the probability that the candidate's quote answers. When the rule gates refuse, the
 * best candidate above the calibrated threshold answers instead: the gates inform, they no longer veto.
 * A model may carry a listwise ranker too: it then picks the candidate, and the logistic decides over its pick.
 * The committed model's thresholds say whether it decides at all (above 1: off, it only fills debug traces).
 */
import model from './scorer-weights.json' with { type: 'json' };
import type { Idf } from '../retrieval/sentence-score.js';
import { foldedSyllables } from '../text/tokens.js';
import { kindsOf, type Question } from '../question/question.js';
import { showsEvidence, showsValue, type Kind } from '../question/registry.js';

/** Why the answerer did not answer: a closed list (DESIGN §4). */
export type RefusalReason =
  /** The question has no content words, or retrieval found no passage. */
  | 'no-candidate'
  /** The question names something the corpus never writes (a name, a document, an acronym; untranslated English). */
  | 'off-topic'
  /** A question about a document's own number / signer / date that its metadata does not state. */
  | 'no-metadata'
  /** Candidates exist, but none shows what the question's kind asks for, and the scorer is below its threshold. */
  | 'no-evidence'
  /** Candidates exist, but none covers enough of the question, and the scorer is below its threshold. */
  | 'low-coverage'
  /** The question asks which place; the quote names none. */
  | 'no-place';

export const REFUSAL_REASONS: readonly RefusalReason[] = ['no-candidate', 'off-topic', 'no-metadata', 'no-evidence', 'low-coverage', 'no-place'];

/** Feature names, in the order of the model's weights. */
export const FEATURES = [
  'score',
  'relScore',
  'rankInv',
  'coverage',
  'exactCoverage',
  'paired',
  'passageScore',
  'passageRankInv',
  'covers',
  'phrased',
  'statesAct',
  'namesPosition',
  'namesPerson',
  'namesRare',
  'coverageGate',
  'holdsEvidence',
  'eligible',
  'ocr',
  'headingLine',
  'topicCoverage',
  'sentenceTopic',
  'kindEvidence',
  'restCoverage',
  'lengthLog',
  'rulesChoice',
  'contrastCoverage',
  'inLocality',
  'valueClause',
  'unitNextToNumber',
  'askedYear',
] as const;

export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

export interface Model {
  features: string[];
  weights: number[];
  bias: number;
  /** Answer (when the rules refuse) only at or above this probability: calibrated for precision. */
  threshold: number;
  /** Quote another candidate than the rules chose only at or above this probability. */
  switchThreshold?: number;
  /**
   * A listwise ranker's weights (same features): when present it picks the candidate, and `weights`/`bias`
   * (with `shareWeight` × the pick's softmax share among the candidates) give the probability that the pick answers.
   */
  ranker?: number[];
  shareWeight?: number;
  /**
   * The veto: a logistic over the rules' choice's features giving the probability the rules' answer is right.
   * Below `threshold` (calibrated out of fold for precision; 0: off) the answer is refused as without evidence.
   */
  veto?: { weights: number[]; bias: number; threshold: number };
  fittedOn?: unknown;
}

let MODEL = model as Model;
let WEIGHTS = weightsOf(MODEL, MODEL.weights);
let RANKER = MODEL.ranker ? weightsOf(MODEL, MODEL.ranker) : undefined;
let VETO = MODEL.veto ? weightsOf(MODEL, MODEL.veto.weights) : undefined;

/**
 * A fitted model's weights in the order the code computes its features: weights are stored by feature name,
 * so a feature added after the fit weighs 0 and one the code dropped is ignored.
 */
export function alignWeights(order: readonly string[], names: string[], weights: number[]): number[] {
  return order.map((name) => {
    const at = names.indexOf(name);
    return at < 0 ? 0 : weights[at]!;
  });
}

function weightsOf(m: Model, weights: number[]): number[] {
  return alignWeights(FEATURES, m.features, weights);
}

export let ANSWER_THRESHOLD = MODEL.threshold;
export let SWITCH_THRESHOLD = MODEL.switchThreshold ?? 1;
export let VETO_THRESHOLD = MODEL.veto?.threshold ?? 0;

/** Replaces the committed model (the fitting script collects features with the rules alone deciding). */
export function useModel(m: Model): void {
  MODEL = m;
  WEIGHTS = weightsOf(m, m.weights);
  RANKER = m.ranker ? weightsOf(m, m.ranker) : undefined;
  ANSWER_THRESHOLD = m.threshold;
  SWITCH_THRESHOLD = m.switchThreshold ?? 1;
  VETO = m.veto ? weightsOf(m, m.veto.weights) : undefined;
  VETO_THRESHOLD = m.veto?.threshold ?? 0;
}

/** The veto model's probability that the rules' answer quoting a candidate with these features is right (1 without a veto). */
export function vetoProbability(f: Features): number {
  if (!VETO) return 1;
  const z = FEATURES.reduce((a, name, i) => a + VETO![i]! * f[name], MODEL.veto!.bias);
  return 1 / (1 + Math.exp(-z));
}

/** A model that never overrides the rules: what the fitting script collects with. */
export const RULES_ONLY: Model = { features: [], weights: [], bias: 0, threshold: 1.01, switchThreshold: 1.01 };

export function featureVector(f: Features): number[] {
  return FEATURES.map((name) => f[name]);
}

/** The model's probability that a candidate with these features answers (`share`: its ranker softmax share). */
export function answerProbability(f: Features, share = 0): number {
  let z = MODEL.bias + (MODEL.shareWeight ?? 0) * share;
  FEATURES.forEach((name, i) => (z += WEIGHTS[i]! * f[name]));
  return 1 / (1 + Math.exp(-z));
}

/**
 * The model's view of a question's candidates: each one's probability of answering, and the one it picks
 * (the ranker's top when the model has a ranker, else the likeliest).
 */
export function judgeCandidates(list: Features[]): { probabilities: number[]; pick: number } {
  if (!list.length) return { probabilities: [], pick: -1 };
  if (!RANKER) {
    const probabilities = list.map((f) => answerProbability(f));
    return { probabilities, pick: probabilities.indexOf(Math.max(...probabilities)) };
  }
  const ranks = list.map((f) => FEATURES.reduce((z, name, i) => z + RANKER![i]! * f[name], 0));
  const top = Math.max(...ranks);
  const all = ranks.reduce((a, r) => a + Math.exp(r - top), 0);
  return { probabilities: list.map((f, i) => answerProbability(f, Math.exp(ranks[i]! - top) / all)), pick: ranks.indexOf(top) };
}

/**
 * Idf-weighted share of the question's topic terms (kind words left out) the candidate's sentence, heading
 * or document writes; a synonym from the lexicon counts for the word it stands for.
 */
export function topicCoverage(question: Question, words: Set<string>, idf: Idf): number {
  let total = 0;
  let hit = 0;
  const bySynonym = new Set<string>();
  for (const [phrase, others] of question.synonyms) {
    if (others.some((o) => o.split(' ').every((w) => words.has(w)))) for (const w of phrase.split(' ')) bySynonym.add(w);
  }
  for (const { term, weight } of question.topic) {
    const w = weight * Math.max(0.2, idf(term));
    total += w;
    if (words.has(term) || bySynonym.has(term)) hit += w;
  }
  return total ? hit / total : 1;
}

/**
 * For each candidate (its quote's words), the idf-weighted share of the question's topic terms it holds, each
 * term weighing more the fewer of the other candidates hold it: what tells a sentence from its neighbours
 * (the place or document name every candidate writes tells nothing; the one word only the answer writes does).
 */
export function contrastCoverage(question: Question, candidates: Array<Set<string>>, idf: Idf): number[] {
  const n = candidates.length;
  const weights = question.topic.map(({ term, weight }) => {
    const holders = candidates.filter((words) => words.has(term)).length;
    return weight * Math.max(0.2, idf(term)) * Math.log((n + 1) / (holders + 0.5));
  });
  const total = weights.reduce((a, w) => a + w, 0);
  return candidates.map((words) => (total ? question.topic.reduce((a, { term }, i) => a + (words.has(term) ? weights[i]! : 0), 0) / total : 0));
}

/** Share of the question's kinds whose evidence the folded quote text shows (1 when the question has no kind). */
export function kindEvidence(question: Question, foldedQuote: string): number {
  const kinds = kindsOf(question).filter((k) => k.evidence.length);
  if (!kinds.length) return 1;
  return kinds.filter((k) => showsEvidence(k, foldedQuote)).length / kinds.length;
}

/** The words of a text as a set (folded syllables). */
export function wordSet(text: string): Set<string> {
  return new Set(foldedSyllables(text));
}

/**
 * A quote's clauses (cut at ';' and sentence ends, folded; a colon introduces its clause's value and stays): a
 * value answers the question only in the clause that says what it is the value of ("… đất đai chiếm 83,57%; xã X có
 * nhiều hồ sơ trễ hạn nhất" gives no share for X).
 */
export function clausesOf(foldedQuote: string): string[] {
  return foldedQuote.split(/;|[.!?](?=\s|$)/).map((c) => c.trim()).filter((c) => /[a-z0-9]/i.test(c));
}

const writesValue = (kind: Kind, foldedClause: string) => (kind.values.length ? showsValue(kind, foldedClause) : showsEvidence(kind, foldedClause));

/**
 * For a question asking a value (an amount, a time): of the topic the whole quote covers, the share the best
 * clause writing a value of the kind covers; 0 when no clause writes one, 1 when the question asks no value.
 */
export function valueClause(question: Question, foldedQuote: string, idf: Idf): number {
  const kinds = kindsOf(question).filter((k) => k.spec.value && (k.values.length || k.evidence.length));
  if (!kinds.length) return 1;
  const whole = topicCoverage(question, wordSet(foldedQuote), idf);
  let best = 0;
  for (const clause of clausesOf(foldedQuote)) {
    if (!kinds.some((k) => writesValue(k, clause))) continue;
    best = Math.max(best, whole > 0 ? Math.min(1, topicCoverage(question, wordSet(clause), idf) / whole) : 1);
  }
  return best;
}

/**
 * A count of a named unit ("bao nhiêu quầy"): 1 when a number in the quote is followed, within two words, by the
 * unit's first word ("03 quầy"); 0 when the numbers count other things ("03 mức"); 1 when the question names no unit.
 */
export function unitNextToNumber(question: Question, foldedQuote: string): number {
  const unit = question.kinds.find((k) => k.name === 'count')?.slots.unit?.split(' ')[0];
  if (!unit) return 1;
  return new RegExp(`(^|[^0-9a-z/])\\d+([.,]\\d+)?\\s+([a-z]+\\s+){0,2}${unit}\\b`).test(foldedQuote.toLowerCase()) ? 1 : 0;
}

/**
 * A year the question names ("năm 2027"): 1 when the sentence or its heading writes it (or the question names
 * none), 0.5 when they write no year, 0 when they write only other years (a target for 2030 is not one for 2027).
 */
export function askedYear(question: Question, foldedAround: string): number {
  const asked = question.folded.match(/\b(19|20)\d\d\b/g);
  if (!asked) return 1;
  const written = foldedAround.match(/\b(19|20)\d\d\b/g);
  if (!written) return 0.5;
  return asked.some((y) => written.includes(y)) ? 1 : 0;
}
