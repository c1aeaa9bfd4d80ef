/**
 * `npm run fit:scorer -- [--pool home|<dir>] … [--method ranker|pointwise] [--rows file [--reuse-rows]] [--oof-out file] [--dry]`
 * (default pools: home, unseen, laws; from a worktree give the shared pools as absolute paths).
 *
 * Fits the answer decision (src/answer/decision.ts) on questions from many documents. For every question of
 * every pool (each in its own index) it runs retrieval and the extractive answerer with `debug` and the rules
 * alone deciding, and labels each scored candidate as the eval scores the answer: question pools, right when
 * the question is answerable, the candidate's document is an expected source and its quote text holds an
 * expected phrase; the laws pool, right when the candidate lies in a deciding article. The rules' own choice is
 * right when their answer passed. `--rows` caches these rows (`--reuse-rows` refits from them).
 *
 * Two models: `pointwise`, one logistic over a candidate's features that both picks (the likeliest) and decides;
 * `ranker` (default), a listwise softmax ranker that picks, and a logistic over the pick's features and its
 * softmax share that decides. Questions are grouped by the document they are about (a no-answer question: the
 * document it would be answered from, below); a hash of the group puts each group in one of four folds. Each fold is scored by a model
 * fitted on the other three (each pool weighing the same in total). On those out-of-fold probabilities two
 * thresholds are chosen: `threshold` (answer a question the rules refused with the pick) and `switchThreshold`
 * (quote the pick instead of the rules' choice), maximising the pools' mean accuracy, a wrong answer to a
 * question the rules refused costing `WRONG_ANSWER_COST` of a point, with no pool losing more than
 * `MAX_POOL_LOSS` of its questions, and only if the unseen pool (it leads) gains out of fold. A third model, the veto, is a logistic over the rules' choice that gives the
 * probability their answer is right (fitted on the questions they answered; a wrong answer to an answerable
 * question is left out, refusing it gains nothing); its threshold is calibrated for precision the same way:
 * refuse below it only when, out of fold, the no-answer questions refused outweigh the right answers lost, with no
 * pool losing. No-answer questions are grouped with the document the rules' choice (else the top candidate) is
 * from, so a document's questions are never both fitted and scored. The final weights are fitted on all folds. Writes
 * src/answer/scorer-weights.json (unless --dry), with the pools, folds and out-of-fold tallies next to them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { hash, standardiser } from './fit-common.js';
import { FEATURES, featureVector, RULES_ONLY, useModel } from '../src/answer/decision.js';
import type { AnswerDraft, AnswerTrace, CandidateView } from '../src/answer/extractive.js';
import { loadConfig } from '../src/config.js';
import { readQuestionSet, type EvalCase } from '../src/eval/questions.js';
import { containsExpected, normalizeForMatch } from '../src/eval/score.js';
import { ArticleLocator, lawCases } from '../src/eval/laws-run.js';
import { resolvePool, type Pool } from '../src/eval/pools.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';

/** What a wrong answer to an answerable question (refused before) costs, in correct answers: grounded or silent. */
const WRONG_ANSWER_COST = 0.5;
const FOLDS = 4;
/** Features left out of a fit (`--drop a,b`): to measure what each contributes. */
const DROPPED = new Set<string>();
const L2 = 1e-3;
const ITERATIONS = 1500;
/** `--method pointwise` (one logistic picks and decides) or `ranker` (a listwise ranker picks, a logistic over its pick decides). */
let METHOD: 'pointwise' | 'ranker' = 'ranker';

const { values } = parseArgs({
  options: {
    pool: { type: 'string', multiple: true },
    dry: { type: 'boolean', default: false },
    drop: { type: 'string' },
    rows: { type: 'string' },
    'reuse-rows': { type: 'boolean', default: false },
    method: { type: 'string', default: 'ranker' },
    'oof-out': { type: 'string' },
  },
});
for (const name of values.drop?.split(',') ?? []) DROPPED.add(name);
METHOD = values.method === 'pointwise' ? 'pointwise' : 'ranker';
const poolSpecs = values.pool?.length ? values.pool : ['home', 'unseen', 'laws'];

interface Row {
  pool: string;
  group: string;
  noanswer: boolean;
  rulesPass: boolean;
  /** The decision reached the candidates (not a gate, a section list or a metadata answer). */
  scored: boolean;
  rulesAnswered: boolean;
  candidates: Array<{ x: number[]; label: number; choice: boolean }>;
}


/** One question as the fit sees it: who may label a candidate right, and whether the rules' answer passed. */
interface Labelled {
  id: string;
  question: string;
  history?: EvalCase['history'];
  noanswer: boolean;
  /** The document the question is about: its fold group. */
  document: string;
  candidateRight: (v: CandidateView) => boolean;
  answerRight: (answer: AnswerDraft) => boolean;
}

/** Question pools: right = an expected source whose quote text holds an expected phrase (as the eval scores). */
async function questionCases(pool: Pool): Promise<Labelled[]> {
  const cases: EvalCase[] = [];
  for (const file of pool.sets) cases.push(...(await readQuestionSet(file)).map((c) => ({ ...c, id: `${file}:${c.id}` })));
  return cases.map((c) => {
    const noanswer = 'noanswer' in c.expect;
    const expected = 'sources' in c.expect ? new Set(c.expect.sources) : new Set<string>();
    const phrases = 'answer_contains' in c.expect ? c.expect.answer_contains : [];
    return {
      id: c.id,
      question: c.question,
      history: c.history,
      noanswer,
      // A no-answer question's document is the one it would be answered from (set when its candidates are known).
      document: noanswer ? `noanswer-${hash(c.id) % 8}` : [...expected][0]!,
      candidateRight: (v) => !noanswer && expected.has(v.source) && phrases.some((p) => normalizeForMatch(v.evidence).includes(normalizeForMatch(p))),
      answerRight: (a) => (noanswer ? !a.answered : a.answered && a.citations.some((x) => expected.has(x.source)) && containsExpected(a.answer, phrases)),
    };
  });
}

/** The laws pool: right = the quote lies in a deciding article (as the eval scores the first citation). */
function lawLabelledCases(pool: Pool, runtime: NodeRuntime): Labelled[] {
  const locator = new ArticleLocator();
  for (const d of runtime.kb.documents()) locator.add(d.source, runtime.kb.document(d.id)!.text);
  return lawCases(pool.statements!, (id) => pool.lawFiles!.get(id) ?? id).map((c) => ({
    id: c.id,
    question: c.question,
    noanswer: false,
    document: [...c.gold][0]!.split('#')[0]!,
    candidateRight: (v) => c.gold.has(locator.locate(v.source, v.text) ?? ''),
    answerRight: (a) => a.answered && a.citations.length > 0 && c.gold.has(locator.locate(a.citations[0]!.source, a.citations[0]!.quote) ?? ''),
  }));
}

useModel(RULES_ONLY);
let rows: Row[] = [];
let fittedOn: Record<string, { questions: number; documents: number }> = {};
if (values['reuse-rows'] && values.rows) {
  ({ rows, fittedOn } = JSON.parse(await readFile(values.rows, 'utf8')) as { rows: Row[]; fittedOn: typeof fittedOn });
} else {
  for (const spec of poolSpecs) {
    const pool = await resolvePool(spec, loadConfig().DATA_DIR);
    const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: pool.dataDir, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
    const cases = pool.kind === 'laws' ? lawLabelledCases(pool, runtime) : await questionCases(pool);
    for (const c of cases) {
      const { extractive } = await runtime.assistant.prepare({ question: c.question, history: c.history, debug: true });
      const trace = extractive.trace as AnswerTrace | undefined;
      const candidates = (trace?.candidates ?? []).map((v: CandidateView) => ({
        x: featureVector(v.features),
        label: c.candidateRight(v) ? 1 : 0,
        choice: v.features.rulesChoice === 1,
      }));
      // A no-answer question is about the document it would be answered from (the rules' choice, else the top
      // candidate): it shares that document's fold, so no document is both fitted and scored.
      const near = (trace?.candidates ?? []).find((v) => v.features.rulesChoice === 1) ?? trace?.candidates[0];
      rows.push({
        pool: pool.name,
        group: `${pool.name}:${c.noanswer && near ? near.source : c.document}`,
        noanswer: c.noanswer,
        rulesPass: c.answerRight(extractive),
        scored: candidates.length > 0 && trace?.decision.by !== 'section' && trace?.decision.by !== 'metadata',
        rulesAnswered: trace?.rules === 'answered',
        candidates,
      });
    }
    fittedOn[pool.name] = { questions: cases.length, documents: runtime.kb.documents().length };
    console.error(`${pool.name}: ${cases.length} questions, ${new Set(rows.filter((r) => r.pool === pool.name).map((r) => r.group)).size} groups`);
    runtime.close();
  }
  if (values.rows) await writeFile(values.rows, JSON.stringify({ rows, fittedOn }));
}
for (const r of rows) for (const c of r.candidates) c.x = c.x.map((x, i) => (DROPPED.has(FEATURES[i]!) ? 0 : x));
// The rules' choice is right when the answer quoting it passed: its quote (narrowed, extended, or with a near
// tie beside it) is what the asker read, not its bare evidence text.
for (const r of rows) for (const c of r.candidates) if (c.choice && r.rulesPass && !r.noanswer) c.label = 1;
const pools = [...new Set(rows.map((r) => r.pool))];
const foldOf = (r: Row) => hash(r.group) % FOLDS;

interface Linear {
  weights: number[];
  bias: number;
}
interface Sample {
  x: number[];
  label: number;
  w: number;
}

const unstandardise = (w: number[], b: number, mean: number[], std: number[]): Linear => ({
  weights: w.map((wi, i) => wi / std[i]!),
  bias: b - w.reduce((a, wi, i) => a + (wi * mean[i]!) / std[i]!, 0),
});
const linear = (m: Linear, x: number[]) => x.reduce((a, v, i) => a + v * m.weights[i]!, m.bias);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Weighted logistic regression (full-batch gradient descent on standardised features, L2). */
function logistic(samples: Sample[]): Linear {
  const { mean, std } = standardiser(samples.map((s) => s.x));
  const z = samples.map((s) => s.x.map((v, i) => (v - mean[i]!) / std[i]!));
  const totalW = samples.reduce((a, s) => a + s.w, 0);
  let w = new Array<number>(mean.length).fill(0);
  let b = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const gw = new Array<number>(mean.length).fill(0);
    let gb = 0;
    samples.forEach((s, k) => {
      const e = (sigmoid(z[k]!.reduce((a, v, i) => a + v * w[i]!, b)) - s.label) * (s.w / totalW);
      gb += e;
      z[k]!.forEach((v, i) => (gw[i]! += e * v));
    });
    w = w.map((wi, i) => wi - (gw[i]! + L2 * wi));
    b -= gb;
  }
  return unstandardise(w, b, mean, std);
}

/** Each pool weighs the same in total: a row's weight is one over its pool's count of rows. */
function poolWeights(set: Row[]): Map<Row, number> {
  const size = new Map<string, number>();
  for (const r of set) size.set(r.pool, (size.get(r.pool) ?? 0) + 1);
  return new Map(set.map((r) => [r, 1 / size.get(r.pool)!]));
}

/**
 * Listwise ranker: a softmax over each question's candidates, trained to put its mass on the right ones
 * (loss −log Σ p(right)). Only questions with both a right and a wrong candidate teach it.
 */
function ranker(set: Row[]): Linear {
  const lists = set.filter((r) => r.scored && r.candidates.some((c) => c.label) && r.candidates.some((c) => !c.label));
  const weight = poolWeights(lists);
  const { mean, std } = standardiser(lists.flatMap((r) => r.candidates.map((c) => c.x)));
  const z = lists.map((r) => r.candidates.map((c) => c.x.map((v, i) => (v - mean[i]!) / std[i]!)));
  const totalW = lists.reduce((a, r) => a + weight.get(r)!, 0);
  let w = new Array<number>(mean.length).fill(0);
  for (let it = 0; it < ITERATIONS; it++) {
    const gw = new Array<number>(mean.length).fill(0);
    lists.forEach((r, k) => {
      const scores = z[k]!.map((x) => x.reduce((a, v, i) => a + v * w[i]!, 0));
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const all = e.reduce((a, v) => a + v, 0);
      const right = e.reduce((a, v, j) => a + (r.candidates[j]!.label ? v : 0), 0);
      // d(−log(right/all))/ds_j = p_j − [label_j]·e_j/right
      z[k]!.forEach((x, j) => {
        const g = (e[j]! / all - (r.candidates[j]!.label ? e[j]! / right : 0)) * (weight.get(r)! / totalW);
        x.forEach((v, i) => (gw[i]! += g * v));
      });
    });
    w = w.map((wi, i) => wi - 2 * (gw[i]! + L2 * wi));
  }
  return { ...unstandardise(w, 0, mean, std), bias: 0 };
}

/** The model: which candidate (ranker, or the pointwise probability itself) and how likely it answers. */
interface Fitted {
  /** Pointwise logistic over a candidate's features. */
  pointwise: Linear;
  /** Listwise ranker and the acceptor over its pick (the pick's features and its softmax share). */
  ranker?: Linear;
  acceptor?: Linear;
}

/** The ranker's pick of a row: index, and the softmax share it holds among the row's candidates. */
function rankerPick(m: Linear, r: Row): { at: number; share: number } | undefined {
  if (!r.candidates.length) return undefined;
  const scores = r.candidates.map((c) => linear(m, c.x));
  const top = Math.max(...scores);
  const at = scores.indexOf(top);
  const all = scores.reduce((a, s) => a + Math.exp(s - top), 0);
  return { at, share: 1 / all };
}

/** The rules' choice of a row the rules answered (undefined when they refused or their answer was no candidate's). */
const choiceOf = (r: Row) => (r.scored && r.rulesAnswered ? r.candidates.find((c) => c.choice) : undefined);

/**
 * The veto: a logistic over the rules' choice's features that gives the probability their answer is right,
 * fitted on the questions the rules answered (a no-answer question answered is wrong).
 */
function vetoModel(set: Row[]): Linear {
  // An answerable question answered wrong is left out: refusing it gains and loses nothing.
  const used = set.filter((r) => choiceOf(r) && (r.noanswer || r.rulesPass));
  // Each pool weighs the same, and within it the no-answer questions answered as much as the right answers: they
  // are few (a dozen among thousands), and an unweighted fit would find every answer likely.
  const size = new Map<string, number>();
  for (const r of used) size.set(`${r.pool}:${r.noanswer}`, (size.get(`${r.pool}:${r.noanswer}`) ?? 0) + 1);
  return logistic(used.map((r) => ({ x: choiceOf(r)!.x, label: r.rulesPass ? 1 : 0, w: 1 / size.get(`${r.pool}:${r.noanswer}`)! })));
}

function fit(set: Row[]): Fitted {
  const used = set.filter((r) => r.scored);
  const weight = poolWeights(used);
  const perCandidate = (r: Row) => weight.get(r)! / r.candidates.length;
  const pointwise = logistic(used.flatMap((r) => r.candidates.map((c) => ({ x: c.x, label: c.label, w: perCandidate(r) }))));
  if (METHOD === 'pointwise') return { pointwise };
  const rank = ranker(used);
  const acceptor = logistic(
    used.map((r) => {
      const pick = rankerPick(rank, r)!;
      const c = r.candidates[pick.at]!;
      return { x: [...c.x, pick.share], label: c.label, w: weight.get(r)! };
    }),
  );
  return { pointwise, ranker: rank, acceptor };
}

/** A question as the decision sees it: the pick (probability, right?) and whether it is the rules' choice. */
interface Scored {
  row: Row;
  pick?: { p: number; right: boolean; choice: boolean };
  /** The model's probability that the rules' own choice answers (when the rules answered). */
  choiceP?: number;
  /** The veto model's probability that the rules' answer is right (when the rules answered). */
  vetoP?: number;
}
function scoreRow(m: Fitted, r: Row): Scored {
  if (m.ranker && m.acceptor) {
    const pick = rankerPick(m.ranker, r);
    if (!pick) return { row: r };
    const c = r.candidates[pick.at]!;
    const scores = r.candidates.map((x) => linear(m.ranker!, x.x));
    const all = scores.reduce((a, v) => a + Math.exp(v - scores[pick.at]!), 0);
    const at = r.candidates.findIndex((x) => x.choice);
    const choiceP = at < 0 ? undefined : sigmoid(linear(m.acceptor, [...r.candidates[at]!.x, Math.exp(scores[at]! - scores[pick.at]!) / all]));
    return { row: r, pick: { p: sigmoid(linear(m.acceptor, [...c.x, pick.share])), right: c.label === 1, choice: c.choice }, choiceP };
  }
  const choice = r.candidates.find((c) => c.choice);
  return {
    row: r,
    pick: r.candidates.reduce<Scored['pick']>((a, c) => {
      const p = sigmoid(linear(m.pointwise, c.x));
      return !a || p > a.p ? { p, right: c.label === 1, choice: c.choice } : a;
    }, undefined),
    choiceP: choice ? sigmoid(linear(m.pointwise, choice.x)) : undefined,
  };
}

type Tally = { questions: number; correct: number; rescuedRight: number; rescuedWrong: number; switchedRight: number; switchedWrong: number; answeredNoanswer: number; vetoed: number };
const emptyTally = (): Tally => ({ questions: 0, correct: 0, rescuedRight: 0, rescuedWrong: 0, switchedRight: 0, switchedWrong: 0, answeredNoanswer: 0, vetoed: 0 });

function decide(s: Scored, threshold: number, switchThreshold: number, t: Tally, vetoThreshold = 0): void {
  const r = s.row;
  t.questions++;
  const pick = r.scored ? s.pick : undefined;
  const rescue = pick && !r.rulesAnswered && pick.p >= threshold;
  const switched = pick && r.rulesAnswered && !pick.choice && pick.p >= switchThreshold;
  const vetoP = s.vetoP ?? s.choiceP;
  const vetoed = r.scored && r.rulesAnswered && !switched && vetoP !== undefined && vetoP < vetoThreshold;
  if (vetoed) {
    t.vetoed++;
    if (r.noanswer) t.correct++;
  } else if (rescue || switched) {
    const right = !r.noanswer && pick.right;
    if (right) t.correct++;
    if (r.noanswer && rescue) t.answeredNoanswer++;
    if (rescue) right ? t.rescuedRight++ : t.rescuedWrong++;
    if (switched) right ? t.switchedRight++ : t.switchedWrong++;
  } else if (r.rulesPass) t.correct++;
}

function tallies(scored: Scored[], threshold: number, switchThreshold: number, vetoThreshold = 0): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  for (const s of scored) decide(s, threshold, switchThreshold, (out[s.row.pool] ??= emptyTally()), vetoThreshold);
  return out;
}

/** Mean over pools of accuracy, less the cost of wrong answers to questions the rules refused. */
function utility(t: Record<string, Tally>): number {
  return pools.reduce((sum, p) => sum + (t[p]!.correct - WRONG_ANSWER_COST * (t[p]!.rescuedWrong - t[p]!.answeredNoanswer)) / t[p]!.questions, 0) / pools.length;
}

// Out-of-fold: each fold scored by a model fitted without its documents.
const outOfFold: Scored[] = [];
for (let f = 0; f < FOLDS; f++) {
  const model = fit(rows.filter((r) => foldOf(r) !== f));
  const veto = vetoModel(rows.filter((r) => foldOf(r) !== f));
  for (const r of rows.filter((r) => foldOf(r) === f)) {
    const choice = choiceOf(r);
    outOfFold.push({ ...scoreRow(model, r), ...(choice ? { vetoP: sigmoid(linear(veto, choice.x)) } : {}) });
  }
}
if (values['oof-out']) await writeFile(values['oof-out'], JSON.stringify(outOfFold.map((s) => ({ pool: s.row.pool, noanswer: s.row.noanswer, rulesPass: s.row.rulesPass, rulesAnswered: s.row.rulesAnswered, scored: s.row.scored, pick: s.pick, choiceP: s.choiceP, anyRight: s.row.candidates.some((c) => c.label === 1) }))));
const grid = [...Array.from({ length: 70 }, (_, i) => 0.3 + i * 0.01), 1.01];
const baseline = tallies(outOfFold, 1.01, 1.01);
/** No pool may lose more than this share of its questions for another's gain. */
const MAX_POOL_LOSS = 0.001;
const keepsEveryPool = (t: Record<string, Tally>) => pools.every((p) => t[p]!.correct >= baseline[p]!.correct - MAX_POOL_LOSS * baseline[p]!.questions);
let chosen = { threshold: 1.01, switchThreshold: 1.01, utility: utility(baseline) };
for (const threshold of grid) {
  for (const switchThreshold of grid) {
    const t = tallies(outOfFold, threshold, switchThreshold);
    const u = utility(t);
    if (u > chosen.utility + 1e-9 && keepsEveryPool(t)) chosen = { ...chosen, threshold, switchThreshold, utility: u };
  }
}
// The veto threshold, calibrated for precision: refuse what the rules answered only below a probability where,
// out of fold, the refusals gained outweigh the right answers lost on the pools' mean, with no pool losing.
const vetoGrid = Array.from({ length: 61 }, (_, i) => i * 0.01);
let vetoChosen = { threshold: 0, utility: utility(tallies(outOfFold, chosen.threshold, chosen.switchThreshold)) };
for (const v of vetoGrid) {
  const t = tallies(outOfFold, chosen.threshold, chosen.switchThreshold, v);
  const u = utility(t);
  if (u > vetoChosen.utility + 1e-9 && keepsEveryPool(t)) vetoChosen = { threshold: v, utility: u };
}
// What each decision alone would do, whatever the constraint: how far the model is from helping. A veto (refuse
// what the rules answered when the model finds their choice unlikely) is measured too; the runtime has none.
const delta = (t: Record<string, Tally>) => pools.map((p) => `${p} ${t[p]!.correct - baseline[p]!.correct >= 0 ? '+' : ''}${t[p]!.correct - baseline[p]!.correct}`).join(', ');
for (const v of [0.5, 0.6, 0.7, 0.8, 0.9]) console.error(`rescue ≥ ${v}: ${delta(tallies(outOfFold, v, 1.01))} · switch ≥ ${v}: ${delta(tallies(outOfFold, 1.01, v))}`);
const vetoes = (v: number) => pools.map((p) => { const t = tallies(outOfFold.filter((s) => s.row.pool === p), 1.01, 1.01, v)[p]!; return `${t.vetoed}`; }).join('/');
for (const v of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]) console.error(`veto < ${v}: ${delta(tallies(outOfFold, 1.01, 1.01, v))} (vetoed ${vetoes(v)})`);
console.error(`veto chosen: ${vetoChosen.threshold}`);
// The unseen pool leads: the fitted decision goes live only if, out of fold, it answers more of the unseen pool
// right than the rules do (gains elsewhere alone are not enough). Otherwise its thresholds are written off (the
// weights still fill debug traces) and what it would have done is kept beside them.
const LEAD_POOL = 'unseen';
const live = tallies(outOfFold, chosen.threshold, chosen.switchThreshold, vetoChosen.threshold);
const leads = !pools.includes(LEAD_POOL) || live[LEAD_POOL]!.correct > baseline[LEAD_POOL]!.correct;
const offered = { threshold: chosen.threshold, switchThreshold: chosen.switchThreshold, veto: vetoChosen.threshold };
if (!leads) {
  console.error(`${LEAD_POOL} gains nothing out of fold (${baseline[LEAD_POOL]!.correct} → ${live[LEAD_POOL]!.correct}): the decision stays off`);
  chosen = { ...chosen, threshold: 1.01, switchThreshold: 1.01 };
  vetoChosen = { ...vetoChosen, threshold: 0 };
}
const round = (v: number) => Math.round(v * 1e4) / 1e4;
const final = fit(rows);
const finalVeto = vetoModel(rows);
const decider = final.acceptor ?? final.pointwise;
const report = {
  features: [...FEATURES],
  weights: decider.weights.slice(0, FEATURES.length).map(round),
  bias: round(decider.bias),
  ...(final.ranker && final.acceptor ? { ranker: final.ranker.weights.map(round), shareWeight: round(final.acceptor.weights[FEATURES.length]!) } : {}),
  threshold: round(chosen.threshold),
  switchThreshold: round(chosen.switchThreshold),
  veto: { weights: finalVeto.weights.map(round), bias: round(finalVeto.bias), threshold: round(vetoChosen.threshold) },
  fittedOn: {
    script: 'scripts/fit-answer-scorer.ts',
    pools: fittedOn,
    candidates: rows.reduce((n, r) => n + (r.scored ? r.candidates.length : 0), 0),
    method: METHOD,
    folds: `${FOLDS} folds by document (laws: by the law of the first deciding article; a no-answer question by the document of the rules' choice, else of the top candidate); thresholds chosen on out-of-fold probabilities`,
    wrongAnswerCost: WRONG_ANSWER_COST,
  },
  outOfFold: {
    rulesOnly: tallies(outOfFold, 1.01, 1.01),
    withScorer: tallies(outOfFold, chosen.threshold, chosen.switchThreshold, vetoChosen.threshold),
    // The thresholds the out-of-fold search chose, and what they would do, when the lead pool gained nothing by them.
    ...(leads ? {} : { offered, withOffered: live }),
    // The veto alone at thresholds around the calibrated one: what refusing the rules' least likely answers does.
    veto: Object.fromEntries([0.1, 0.2, 0.3, 0.5].map((v) => [v, tallies(outOfFold, 1.01, 1.01, v)])),
  },
  inSample: { withScorer: tallies(rows.map((r) => { const choice = choiceOf(r); return { ...scoreRow(final, r), ...(choice ? { vetoP: sigmoid(linear(finalVeto, choice.x)) } : {}) }; }), chosen.threshold, chosen.switchThreshold, vetoChosen.threshold) },
};
console.log(JSON.stringify({ ...report, weights: Object.fromEntries(FEATURES.map((f, i) => [f, report.weights[i]])), ...(report.ranker ? { ranker: Object.fromEntries(FEATURES.map((f, i) => [f, report.ranker![i]])) } : {}) }, null, 2));
if (!values.dry) await writeFile('src/answer/scorer-weights.json', `${JSON.stringify(report, null, 2)}\n`);
process.exit(0);
