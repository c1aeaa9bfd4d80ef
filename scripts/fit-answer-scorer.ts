/**
 * `npm run fit:scorer -- [--pool name=DATA_DIR:questions.jsonl[,more.jsonl]] … [--dry]`
 *
 * Fits the answer decision's logistic scorer (src/answer/decision.ts) on questions from many documents.
 * For every question of every pool (each in its own index) it runs retrieval and the extractive answerer
 * with `debug` and the rules alone deciding, and labels each scored candidate: 1 when the question is
 * answerable, the candidate's document is an expected source and its quote text holds an expected phrase.
 *
 * Questions are grouped by the document they are about (no-answer questions in buckets by id); a hash of
 * the group name puts each group in one of four folds. Each fold's candidates are scored by a model fitted
 * on the other three (each pool weighing the same in total). On those out-of-fold probabilities the two
 * thresholds are chosen: `threshold` (answer a question the rules refused with the scorer's best candidate)
 * and `switchThreshold` (quote the scorer's best candidate instead of the rules' choice), maximising the
 * pools' mean accuracy, a wrong answer to an answerable question costing `WRONG_ANSWER_COST` of a point,
 * with no pool losing more than `MAX_POOL_LOSS` of its questions.
 * The final weights are fitted on all folds. Writes src/answer/scorer-weights.json (unless --dry).
 */
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FEATURES, featureVector, RULES_ONLY, useModel } from '../src/answer/decision.js';
import type { AnswerTrace, CandidateView } from '../src/answer/extractive.js';
import { loadConfig } from '../src/config.js';
import { readQuestionSet, type EvalCase } from '../src/eval/questions.js';
import { containsExpected, normalizeForMatch } from '../src/eval/score.js';
import { createNodeRuntime } from '../src/node.js';

/** What a wrong answer to an answerable question (refused before) costs, in correct answers: grounded or silent. */
const WRONG_ANSWER_COST = 0.5;
const FOLDS = 4;
/** Features left out of a fit (`--drop a,b`): to measure what each contributes. */
const DROPPED = new Set<string>();
const L2 = 1e-3;
const ITERATIONS = 1500;

const { values } = parseArgs({ options: { pool: { type: 'string', multiple: true }, dry: { type: 'boolean', default: false }, drop: { type: 'string' } } });
for (const name of values.drop?.split(',') ?? []) DROPPED.add(name);

function defaultHome(): string {
  const dir = join('data', 'eval');
  return `home=data:${readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f)).join(',')}`;
}
const poolArgs = values.pool?.length ? values.pool : [defaultHome()];

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

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

useModel(RULES_ONLY);
const rows: Row[] = [];
const fittedOn: Record<string, { questions: number; documents: number }> = {};
for (const arg of poolArgs) {
  const [name, rest] = arg.split('=') as [string, string];
  const [dataDir, files] = rest.split(':') as [string, string];
  const cases: EvalCase[] = [];
  for (const file of files.split(',')) cases.push(...(await readQuestionSet(file)).map((c) => ({ ...c, id: `${file}:${c.id}` })));
  const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
  for (const c of cases) {
    const { extractive } = await runtime.assistant.prepare({ question: c.question, history: c.history, debug: true });
    const noanswer = 'noanswer' in c.expect;
    const expected = 'sources' in c.expect ? new Set(c.expect.sources) : new Set<string>();
    const phrases = 'answer_contains' in c.expect ? c.expect.answer_contains : [];
    const trace = extractive.trace as AnswerTrace | undefined;
    const rulesPass = noanswer ? !extractive.answered : extractive.answered && extractive.citations.some((x) => expected.has(x.source)) && containsExpected(extractive.answer, phrases);
    const candidates = (trace?.candidates ?? []).map((v: CandidateView) => ({
      x: featureVector(v.features).map((x, i) => (DROPPED.has(FEATURES[i]!) ? 0 : x)),
      label: !noanswer && expected.has(v.source) && phrases.some((p) => normalizeForMatch(v.evidence).includes(normalizeForMatch(p))) ? 1 : 0,
      choice: v.features.rulesChoice === 1,
    }));
    rows.push({
      pool: name,
      group: noanswer ? `${name}:noanswer-${hash(c.id) % 8}` : `${name}:${[...expected][0]}`,
      noanswer,
      rulesPass,
      scored: candidates.length > 0 && trace?.decision.by !== 'section' && trace?.decision.by !== 'metadata',
      rulesAnswered: trace?.rules === 'answered',
      candidates,
    });
  }
  fittedOn[name] = { questions: cases.length, documents: runtime.kb.documents().length };
  console.error(`${name}: ${cases.length} questions, ${new Set(rows.filter((r) => r.pool === name).map((r) => r.group)).size} groups`);
}
const pools = [...new Set(rows.map((r) => r.pool))];
const foldOf = (r: Row) => hash(r.group) % FOLDS;

interface Fitted {
  weights: number[];
  bias: number;
}

/** Logistic regression (full-batch gradient descent on standardised features, L2); each pool weighs the same. */
function fit(set: Row[]): Fitted {
  const used = set.filter((r) => r.scored);
  const poolSize = new Map<string, number>();
  for (const r of used) poolSize.set(r.pool, (poolSize.get(r.pool) ?? 0) + r.candidates.length);
  const samples = used.flatMap((r) => r.candidates.map((c) => ({ ...c, w: 1 / poolSize.get(r.pool)! })));
  const dims = FEATURES.length;
  const mean = new Array<number>(dims).fill(0);
  const std = new Array<number>(dims).fill(0);
  for (const s of samples) s.x.forEach((v, i) => (mean[i]! += v / samples.length));
  for (const s of samples) s.x.forEach((v, i) => (std[i]! += (v - mean[i]!) ** 2 / samples.length));
  for (let i = 0; i < dims; i++) std[i] = Math.sqrt(std[i]!) || 1;
  const z = samples.map((s) => s.x.map((v, i) => (v - mean[i]!) / std[i]!));
  const totalW = samples.reduce((a, s) => a + s.w, 0);
  let w = new Array<number>(dims).fill(0);
  let b = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const gw = new Array<number>(dims).fill(0);
    let gb = 0;
    samples.forEach((s, k) => {
      const p = 1 / (1 + Math.exp(-(b + z[k]!.reduce((a, v, i) => a + v * w[i]!, 0))));
      const e = (p - s.label) * (s.w / totalW);
      gb += e;
      z[k]!.forEach((v, i) => (gw[i]! += e * v));
    });
    w = w.map((wi, i) => wi - (gw[i]! + L2 * wi));
    b -= gb;
  }
  return { weights: w.map((wi, i) => wi / std[i]!), bias: b - w.reduce((a, wi, i) => a + (wi * mean[i]!) / std[i]!, 0) };
}

const prob = (m: Fitted, x: number[]) => 1 / (1 + Math.exp(-(m.bias + x.reduce((a, v, i) => a + v * m.weights[i]!, 0))));

/** A question as the decision sees it: the scorer's pick (probability, right?) and whether it is the rules' choice. */
interface Scored {
  row: Row;
  pick?: { p: number; right: boolean; choice: boolean };
}
const scoreRow = (m: Fitted, r: Row): Scored => ({
  row: r,
  pick: r.candidates.reduce<Scored['pick']>((a, c) => {
    const p = prob(m, c.x);
    return !a || p > a.p ? { p, right: c.label === 1, choice: c.choice } : a;
  }, undefined),
});

type Tally = { questions: number; correct: number; rescuedRight: number; rescuedWrong: number; switchedRight: number; switchedWrong: number; answeredNoanswer: number };
const emptyTally = (): Tally => ({ questions: 0, correct: 0, rescuedRight: 0, rescuedWrong: 0, switchedRight: 0, switchedWrong: 0, answeredNoanswer: 0 });

function decide(s: Scored, threshold: number, switchThreshold: number, t: Tally): void {
  const r = s.row;
  t.questions++;
  const pick = r.scored ? s.pick : undefined;
  const rescue = pick && !r.rulesAnswered && pick.p >= threshold;
  const switched = pick && r.rulesAnswered && !pick.choice && pick.p >= switchThreshold;
  if (rescue || switched) {
    const right = !r.noanswer && pick.right;
    if (right) t.correct++;
    if (r.noanswer && rescue) t.answeredNoanswer++;
    if (rescue) right ? t.rescuedRight++ : t.rescuedWrong++;
    if (switched) right ? t.switchedRight++ : t.switchedWrong++;
  } else if (r.rulesPass) t.correct++;
}

function tallies(scored: Scored[], threshold: number, switchThreshold: number): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  for (const s of scored) decide(s, threshold, switchThreshold, (out[s.row.pool] ??= emptyTally()));
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
  for (const r of rows.filter((r) => foldOf(r) === f)) outOfFold.push(scoreRow(model, r));
}
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
    if (u > chosen.utility + 1e-9 && keepsEveryPool(t)) chosen = { threshold, switchThreshold, utility: u };
  }
}
const round = (v: number) => Math.round(v * 1e4) / 1e4;
const final = fit(rows);
const report = {
  features: [...FEATURES],
  weights: final.weights.map(round),
  bias: round(final.bias),
  threshold: round(chosen.threshold),
  switchThreshold: round(chosen.switchThreshold),
  fittedOn: {
    script: 'scripts/fit-answer-scorer.ts',
    pools: fittedOn,
    candidates: rows.reduce((n, r) => n + (r.scored ? r.candidates.length : 0), 0),
    folds: `${FOLDS} folds by document (no-answer questions in 8 buckets by id); thresholds chosen on out-of-fold probabilities`,
    wrongAnswerCost: WRONG_ANSWER_COST,
  },
  outOfFold: { rulesOnly: tallies(outOfFold, 1.01, 1.01), withScorer: tallies(outOfFold, chosen.threshold, chosen.switchThreshold) },
  inSample: { withScorer: tallies(rows.map((r) => scoreRow(final, r)), chosen.threshold, chosen.switchThreshold) },
};
console.log(JSON.stringify({ ...report, weights: Object.fromEntries(FEATURES.map((f, i) => [f, report.weights[i]])) }, null, 2));
if (!values.dry) await writeFile('src/answer/scorer-weights.json', `${JSON.stringify(report, null, 2)}\n`);
process.exit(0);
