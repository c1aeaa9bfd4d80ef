/**
 * Which of the close candidates to quote, once the rules have decided that the question is answered. The
 * rules' choice is the sentence that best covers the question's words; a neighbour that covers them a little
 * less may be the one that states what is asked: a value of the asked kind (an amount in a currency, a
 * percentage, a date after "trước", a range "từ … đến …", an hour), the target when a target is asked and the
 * result when a result is, the role or level the question names ("cơ quan thường trực", "ngân sách huyện"), the words
 * only it holds among its neighbours; for a claim to judge, the section the retriever ranks first (it reads the whole
 * article against the whole claim). Each candidate of the window is described by these features; a linear ranker whose weights
 * scripts/fit-selection.ts fitted on questions of many documents (selection-weights.json, with what it was
 * fitted on) picks one. Refusals are not decided here: the window is read only when the rules answer.
 */
import model from './selection-weights.json' with { type: 'json' };
import { kindNamed, questionModality, sentenceModality, showsValue, type Kind, type Modality } from '../question/registry.js';
import { kindsOf, type Question } from '../question/question.js';
import { synonymsOf } from '../question/lexicon.js';
import type { Chunk } from '../types.js';
import { alignWeights } from './decision.js';

export const SELECTION_FEATURES = [
  /** The candidate's rule score over the top one's. */
  'relScore',
  /** The rules chose it. */
  'rulesChoice',
  /** It passes the rules' gates (coverage, evidence, phrase, names). */
  'eligible',
  /** Share of the question's words (idf-weighted) the sentence covers. */
  'coverage',
  /** The question's topic words it holds, each weighing more the fewer of the window's candidates hold it. */
  'contrast',
  /** Share of the question's value kinds (registry `values`) whose value its quote writes. */
  'valueShown',
  /** A target asked and a target stated, or a result asked and a result reported. */
  'modalityAgrees',
  /** Share of the value kinds whose value the quote does not write while it writes their contrary's (a deadline for a start date). */
  'valueContrary',
  /** A target stated when a result is asked, or a result reported when a target is. */
  'modalityConflicts',
  /** Share of the question's echoed slots (registry `echo`: the role "thường trực", the level "ngân sách huyện") its sentence or headings write. */
  'slotShown',
  /** The sentence is its section's heading line. */
  'headingLine',
  /**
   * A claim to judge ("…, đúng hay sai?") and the candidate lies in the section the retriever ranks first (an
   * article, or a part of it): retrieval reads the whole section against the whole claim, a sentence only itself.
   */
  'judgedTopSection',
  /** A claim to judge and the rules chose it: how far the rules' choice is trusted on a claim is fitted apart. */
  'judgedRulesChoice',
] as const;

export type SelectionFeatureName = (typeof SELECTION_FEATURES)[number];
export type SelectionFeatures = Record<SelectionFeatureName, number>;

export interface SelectionModel {
  features: string[];
  weights: number[];
  /** Candidates scoring at least this share of the top candidate's rule score are in the window. */
  window: number;
  fittedOn?: unknown;
}

let MODEL = model as SelectionModel;
let WEIGHTS = weightsOf(MODEL);

function weightsOf(m: SelectionModel): number[] {
  return alignWeights(SELECTION_FEATURES, m.features, m.weights);
}

export function selectionWindow(): number {
  return MODEL.window;
}

/** Replaces the committed weights (the fitting script collects with the rules' choice alone deciding). */
export function useSelectionModel(m: SelectionModel): void {
  MODEL = m;
  WEIGHTS = weightsOf(m);
}

/** Weights that always keep the rules' choice: what the fitting script collects with. */
export const RULES_CHOICE_ONLY: SelectionModel = { features: ['rulesChoice'], weights: [1], window: 0.6 };

/** What a candidate's quote shows of the question's kinds: read from the question once, applied per candidate. */
export interface SelectionQuestion {
  modality: Modality;
  valueKinds: Kind[];
  /** Each value kind's contrary kind, when the question does not ask that one too. */
  contraries: Array<[Kind, Kind]>;
  /** The slot phrases (folded) the quote should write: a budget's level, a body's role when the question asks who. */
  echoes: string[];
}

const YES_NO_KINDS = new Set(['permission', 'verify']);
const ASKS_WHO = /[^a-z](ai|nao|who|which)[^a-z]/;

export function selectionQuestion(question: Question): SelectionQuestion {
  // A yes/no question ("Kinh phí có được dùng để … không?") is answered by the clause that allows or forbids, not by an amount.
  const yesNo = question.kinds.some((k) => YES_NO_KINDS.has(k.name));
  const valueKinds = yesNo ? [] : kindsOf(question).filter((k) => k.values.length);
  // A value kind's slot qualifies the value asked ("ngân sách huyện"). A slot of a kind without values ("chủ trì")
  // is what is asked only when the question asks who or which and no value: beside a value it names who
  // ("người chủ trì … được nói mấy phút"), and without "ai / nào" it is a mention ("ý kiến của người chủ trì thì sao").
  const asksWho = ASKS_WHO.test(` ${question.folded} `);
  const echoes = question.kinds.flatMap((k) => {
    const hasValues = (kindNamed(k.name)?.values.length ?? 0) > 0;
    return hasValues || (asksWho && !valueKinds.length) ? (k.echoes ?? []) : [];
  });
  const contraries = valueKinds.flatMap((k): Array<[Kind, Kind]> => {
    const other = k.spec.contrary ? kindNamed(k.spec.contrary) : undefined;
    return other && !valueKinds.includes(other) ? [[k, other]] : [];
  });
  return { modality: questionModality(question.folded), valueKinds, contraries, echoes };
}

/**
 * The features that depend only on the candidate's quote (folded, the question's own numbers removed), its
 * sentence and its headings (folded syllables).
 */
export function quoteFeatures(asked: SelectionQuestion, foldedQuote: string, foldedSentence: string, foldedHeadings: string): Pick<SelectionFeatures, 'valueShown' | 'valueContrary' | 'modalityAgrees' | 'modalityConflicts' | 'slotShown'> {
  const shown = asked.valueKinds.filter((k) => showsValue(k, foldedQuote)).length;
  const contrary = asked.contraries.filter(([k, other]) => !showsValue(k, foldedQuote) && showsValue(other, foldedQuote)).length;
  const states = sentenceModality(foldedSentence);
  const q = asked.modality;
  const agrees = (q.target && states.target) || (q.result && states.result && !states.target);
  // A question that says neither is answered by a plan's targets as by a report's results: only one that says which conflicts.
  const conflicts = (q.result && !q.target && states.target && !states.result) || (q.target && !q.result && states.result && !states.target);
  return {
    valueShown: asked.valueKinds.length ? shown / asked.valueKinds.length : 0,
    valueContrary: asked.valueKinds.length ? contrary / asked.valueKinds.length : 0,
    modalityAgrees: agrees ? 1 : 0,
    modalityConflicts: conflicts ? 1 : 0,
    // The body's own section names its role in the heading ("Ban X chủ trì:" over its duties).
    // A synonym writes it too ("chủ trì" for "chịu trách nhiệm chính").
    slotShown: asked.echoes.length ? asked.echoes.filter((e) => [e, ...synonymsOf(e)].some((w) => ` ${foldedSentence} ${foldedHeadings} `.includes(` ${w} `))).length / asked.echoes.length : 0,
  };
}

/**
 * Two chunks of one document lie in one section when one's section path is the other's or lies under it
 * ("44.4", a long article's part from clause 4, under "44"; "III.2.a" under "III.2"). The text before the
 * first section ("") is its own.
 */
export function inSectionOf(chunk: Chunk, section: Chunk): boolean {
  if (chunk.docId !== section.docId) return false;
  const [a, b] = [chunk.section, section.section];
  if (!a || !b) return a === b;
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

export function selectionScore(f: SelectionFeatures): number {
  return SELECTION_FEATURES.reduce((z, name, i) => z + WEIGHTS[i]! * f[name], 0);
}

/** One window as the fitting script sees it: each candidate's features, source and quote text. */
export interface SelectionRow {
  features: SelectionFeatures;
  source: string;
  text: string;
}

let observer: ((rows: SelectionRow[]) => void) | undefined;

/** The fitting script's hook: every window the answerer ranks (undefined: none). */
export function observeSelection(fn: ((rows: SelectionRow[]) => void) | undefined): void {
  observer = fn;
}

/** The index of the candidate to quote: the ranker's best of the window. */
export function pickCandidate(rows: SelectionRow[]): number {
  observer?.(rows);
  let best = 0;
  let bestScore = -Infinity;
  rows.forEach((row, i) => {
    const z = selectionScore(row.features);
    if (z > bestScore) [best, bestScore] = [i, z];
  });
  return best;
}
