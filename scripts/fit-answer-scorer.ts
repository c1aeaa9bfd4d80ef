/**
 * `npm run fit:scorer -- [--pool name=DATA_DIR:questions.jsonl[,more.jsonl]] … [--dry]`
 *
 * Fits the answer decision's logistic scorer (src/answer/decision.ts) on questions from many documents.
 * For every question of every pool (each in its own index) it runs retrieval and the extractive answerer
 * with `debug`, and labels each scored candidate: 1 when the question is answerable, the candidate's
 * document is an expected source and its quote text holds an expected phrase. Questions are grouped by
 * the document they are about (no-answer questions in buckets by id); a hash of
 * the group name puts each group in one of four folds. Each fold is decided by a model fitted on the other three (each
 * pool weighing the same in total): that reports what the decision does on documents it was not fitted
 * on, and the threshold is the lowest probability at which those out-of-fold answers to questions the
 * rules refused are right at least `PRECISION` of the time. The final weights are fitted on all folds. Writes src/answer/scorer-weights.json (unless --dry).
 */
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FEATURES, featureVector } from '../src/answer/decision.js';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime } from '../src/node.js';
import { readQuestionSet, type EvalCase } from '../src/eval/questions.js';
import { containsExpected, normalizeForMatch } from '../src/eval/score.js';
import type { AnswerTrace, CandidateView } from '../src/answer/extractive.js';

/** Precision the scorer's answers to questions the rules refused must reach on the training groups. */
const PRECISION = 0.75;
/** Share of groups held out. */
const L2 = 1e-3;
const ITERATIONS = 3000;

const { values } = parseArgs({ options: { pool: { type: 'string', multiple: true }, dry: { type: 'boolean', default: false } } });

function defaultHome(): string {
  const dir = join('data', 'eval');
  return `home=data:${readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f)).join(',')}`;
}
const poolArgs = values.pool?.length ? values.pool : [defaultHome()];

interface Row {
  pool: string;
  group: string;
  id: string;
  noanswer: boolean;
  rulesAnswered: boolean;
  rulesPass: boolean;
  /** The rules refused at the candidate stage: the scorer may answer. */
  rescuable: boolean;
  candidates: Array<{ x: number[]; label: number }>;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

const rows: Row[] = [];
const fittedOn: Record<string, { questions: number; documents: number }> = {};
for (const arg of poolArgs) {
  const [name, rest] = arg.split('=') as [string, string];
  const [dataDir, files] = rest.split(':') as [string, string];
  const cases: EvalCase[] = [];
  for (const file of files.split(',')) cases.push(...(await readQuestionSet(file)).map((c) => ({ ...c, id: `${file}:${c.id}` })));
  const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
  const groups = new Set<string>();
  for (const c of cases) {
    const { extractive } = await runtime.assistant.prepare({ question: c.question, history: c.history, debug: true });
    const noanswer = 'noanswer' in c.expect;
    const expected = 'sources' in c.expect ? new Set(c.expect.sources) : new Set<string>();
    const phrases = 'answer_contains' in c.expect ? c.expect.answer_contains : [];
    const group = noanswer ? `${name}:noanswer-${hash(c.id) % 8}` : `${name}:${[...expected][0]}`;
    groups.add(group);
    const trace = extractive.trace as AnswerTrace | undefined;
    // The rules' own outcome: an answer the live scorer gave to a question the rules refused does not count.
    const rulesPass = trace?.decision.by === 'scorer' ? noanswer : noanswer ? !extractive.answered : extractive.answered && extractive.citations.some((x) => expected.has(x.source)) && containsExpected(extractive.answer, phrases);
    const candidates = (trace?.candidates ?? []).map((v: CandidateView) => ({
      x: featureVector(v.features),
      label: !noanswer && expected.has(v.source) && phrases.some((p) => normalizeForMatch(v.evidence).includes(normalizeForMatch(p))) ? 1 : 0,
    }));
    const rescuable = trace !== undefined && trace.rules !== 'answered' && trace.candidates.length > 0 && trace.decision.by !== 'gate';
    rows.push({ pool: name, group, id: c.id, noanswer, rulesAnswered: trace ? trace.rules === 'answered' : extractive.answered, rulesPass, rescuable, candidates });
  }
  fittedOn[name] = { questions: cases.length, documents: runtime.kb.documents().length };
  console.error(`${name}: ${cases.length} questions, ${groups.size} groups`);
}

/** Group folds: every document (and every bucket of no-answer questions) is held out once. */
const FOLDS = 4;
const foldOf = (r: Row) => hash(r.group) % FOLDS;

interface Fitted {
  weights: number[];
  bias: number;
  threshold: number;
}

/**
 * Logistic regression (full-batch gradient descent on standardised features, L2) on the candidates of the
 * questions the rule gates refused at the candidate stage: exactly where the scorer decides. Each pool
 * weighs the same in total, whatever its number of questions.
 */
function fit(set: Row[]): Fitted {
  const used = set.filter((r) => r.rescuable);
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
  const weights = w.map((wi, i) => wi / std[i]!);
  const bias = b - w.reduce((a, wi, i) => a + (wi * mean[i]!) / std[i]!, 0);
  const fitted = { weights, bias, threshold: 1 };
  fitted.threshold = calibrate(fitted, used);
  return fitted;
}

const prob = (m: Fitted, x: number[]) => 1 / (1 + Math.exp(-(m.bias + x.reduce((a, v, i) => a + v * m.weights[i]!, 0))));

/** The scorer's pick among a question's candidates, and whether it is right. */
const pick = (m: Fitted, r: Row) =>
  r.candidates.reduce<{ p: number; right: boolean } | undefined>((a, c) => {
    const p = prob(m, c.x);
    return !a || p > a.p ? { p, right: c.label === 1 } : a;
  }, undefined);

/** The lowest probability down to which the scorer's answers (ranked by probability) stay precise enough. */
function calibrate(m: Fitted, set: Row[]): number {
  return precisionThreshold(set.map((r) => pick(m, r)).filter((p): p is { p: number; right: boolean } => p !== undefined));
}

function precisionThreshold(unsorted: Array<{ p: number; right: boolean }>): number {
  const picks = [...unsorted].sort((a, c) => c.p - a.p);
  let threshold = 1;
  let right = 0;
  picks.forEach((p, i) => {
    if (p.right) right++;
    if (right / (i + 1) >= PRECISION && right >= 3) threshold = p.p;
  });
  return threshold;
}

type Tally = { questions: number; correct: number; rescuedRight: number; rescuedWrong: number; answeredNoanswer: number };
function tally(into: Record<string, Tally>, r: Row, m: Fitted | undefined) {
  const s = (into[r.pool] ??= { questions: 0, correct: 0, rescuedRight: 0, rescuedWrong: 0, answeredNoanswer: 0 });
  s.questions++;
  const p = m && r.rescuable ? pick(m, r) : undefined;
  if (p && p.p >= m!.threshold) {
    if (p.right) (s.rescuedRight++, s.correct++);
    else s.rescuedWrong++;
    if (r.noanswer) s.answeredNoanswer++;
  } else if (r.rulesPass) s.correct++;
}

// Cross-validation by group: each fold's questions are decided by a model fitted without their documents.
const rulesOnly: Record<string, Tally> = {};
const heldOutScorer: Record<string, Tally> = {};
/** Out-of-fold picks: each from a model fitted without the question's document. */
const outOfFold: Array<{ p: number; right: boolean }> = [];
for (let f = 0; f < FOLDS; f++) {
  const model = fit(rows.filter((r) => foldOf(r) !== f));
  for (const r of rows.filter((r) => foldOf(r) === f)) {
    tally(rulesOnly, r, undefined);
    tally(heldOutScorer, r, model);
    const p = r.rescuable ? pick(model, r) : undefined;
    if (p) outOfFold.push(p);
  }
}
// The threshold is calibrated on the out-of-fold picks: precise enough on documents the model did not see.
const final = fit(rows);
final.threshold = precisionThreshold(outOfFold);
const weights = final.weights;
const bias = final.bias;
const threshold = final.threshold;
const inSample: Record<string, Tally> = {};
for (const r of rows) tally(inSample, r, final);
const train = rows.filter((r) => r.rescuable);
if (process.env.FIT_DEBUG) {
  const curve = train.map((r) => ({ ...pick(final, r)!, pool: r.pool, noanswer: r.noanswer })).sort((a, c) => c.p - a.p);
  console.error(curve.slice(0, 80).map((p) => `${p.p.toFixed(2)}${p.pool[0]}${p.right ? '+' : p.noanswer ? 'N' : '-'}`).join(' '));
}

const report = {
  features: [...FEATURES],
  weights: weights.map((v) => Math.round(v * 1e4) / 1e4),
  bias: Math.round(bias * 1e4) / 1e4,
  threshold: Math.round(threshold * 1e4) / 1e4,
  fittedOn: {
    script: 'scripts/fit-answer-scorer.ts',
    pools: fittedOn,
    questionsRefusedByRules: train.length,
    candidates: train.reduce((n, r) => n + r.candidates.length, 0),
    folds: `${FOLDS} folds by document (no-answer questions in 8 buckets by id)`,
    precisionTarget: PRECISION,
  },
  crossValidated: { rulesOnly, withScorer: heldOutScorer },
  inSample: { withScorer: inSample },
};
console.log(JSON.stringify({ ...report, weights: Object.fromEntries(FEATURES.map((f, i) => [f, report.weights[i]])) }, null, 2));
if (!values.dry) await writeFile('src/answer/scorer-weights.json', `${JSON.stringify(report, null, 2)}\n`);
process.exit(0);
