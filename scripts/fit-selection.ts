/**
 * `npm run fit:selection -- [--pool home|<dir>] … [--window 0.6] [--rows file [--reuse-rows]] [--drop a,b] [--judged-only] [--dry]` (default pools: home,
 * ../shared/unseen and the laws pool ../shared/external/alqac-2023; from a worktree give the shared pools as absolute paths).
 *
 * Fits the selection ranker (src/answer/selection.ts): which of the close candidates to quote once the rules
 * have answered. Every answerable question of every pool (each in its own index) is asked with the rules' choice
 * alone deciding; each window of close candidates the answerer ranks is kept with its features, and a candidate
 * is labelled right when it comes from an expected source and its quote text holds an expected phrase (the rules'
 * choice also when the answer quoting it passed, as the eval scores it); in a laws pool a candidate is right when its
 * quote lies in a deciding article of the statement (the eval's scoring), and statements are grouped by their law. A listwise softmax ranker (standardised
 * features, L2) is fitted on the windows that hold both a right and a wrong candidate. Questions are grouped by
 * the document they are about; a hash of the group puts each in one of four folds, and each fold is scored by a
 * ranker fitted on the other three: the out-of-fold picks are compared with the rules' choices, per pool. The
 * weights written are fitted on all folds (src/answer/selection-weights.json, unless --dry), with the tallies.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { hash, standardiser } from './fit-common.js';
import { alignWeights } from '../src/answer/decision.js';
import { observeSelection, RULES_CHOICE_ONLY, SELECTION_FEATURES, useSelectionModel, type SelectionRow } from '../src/answer/selection.js';
import { loadConfig } from '../src/config.js';
import { readQuestionSet, type EvalCase } from '../src/eval/questions.js';
import { containsExpected, normalizeForMatch } from '../src/eval/score.js';
import { resolvePool } from '../src/eval/pools.js';
import { createNodeRuntime } from '../src/node.js';
import { ArticleLocator, lawCases } from '../src/eval/laws-run.js';
import committedModel from '../src/answer/selection-weights.json' with { type: 'json' };

type Reply = Awaited<ReturnType<Awaited<ReturnType<typeof createNodeRuntime>>['assistant']['ask']>>;

const FOLDS = 4;
const L2 = 1e-2;
const ITERATIONS = 800;
const RATE = 0.5;

const { values } = parseArgs({
  options: {
    pool: { type: 'string', multiple: true },
    window: { type: 'string', default: '0.6' },
    dry: { type: 'boolean', default: false },
    rows: { type: 'string' },
    'reuse-rows': { type: 'boolean', default: false },
    drop: { type: 'string' },
    'judged-only': { type: 'boolean', default: false },
  },
});
/** Features left out of a fit (`--drop a,b`): to measure what each contributes. */
const DROPPED = new Set(values.drop?.split(',') ?? []);
const window = Number(values.window);
const poolSpecs = values.pool?.length ? values.pool : ['home', 'unseen', 'laws'];

interface Window {
  pool: string;
  group: string;
  x: number[][];
  labels: number[];
  choice: number;
  /** For reading a rows file: the question and each candidate's quote text. */
  question?: string;
  texts?: string[];
}


let windows: Window[] = [];
let fittedOn: Record<string, { questions: number; windows: number; documents: number }> = {};
if (values['reuse-rows'] && values.rows) {
  ({ windows, fittedOn } = JSON.parse(await readFile(values.rows, 'utf8')) as { windows: Window[]; fittedOn: typeof fittedOn });
} else {
  useSelectionModel({ ...RULES_CHOICE_ONLY, window });
  const last: { rows?: SelectionRow[] } = {};
  observeSelection((rows) => (last.rows = rows));
  for (const spec of poolSpecs) {
    const pool = await resolvePool(spec, loadConfig().DATA_DIR);
    const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: pool.dataDir, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
    // A laws pool's statements: a candidate is right when its quote lies in a deciding article.
    const items: Array<{ question: string; history?: EvalCase['history']; group: string; right: (row: SelectionRow) => boolean; passed: (reply: Reply) => boolean }> = [];
    if (pool.kind === 'laws') {
      const locator = new ArticleLocator();
      for (const d of runtime.kb.documents()) locator.add(d.source, runtime.kb.document(d.id)!.text);
      for (const c of lawCases(pool.statements!, (id) => pool.lawFiles!.get(id) ?? id)) {
        const inGold = (source: string, text: string) => c.gold.has(locator.locate(source, text) ?? '');
        const group = `${pool.name}:${[...c.gold][0]!.split('#')[0]}`;
        items.push({ question: c.question, group, right: (r) => inGold(r.source, r.text), passed: (reply) => reply.answered && reply.citations.length > 0 && inGold(reply.citations[0]!.source, reply.citations[0]!.quote) });
      }
    } else {
      const cases: EvalCase[] = [];
      for (const file of pool.sets) cases.push(...(await readQuestionSet(file)));
      for (const c of cases) {
        if (!('sources' in c.expect)) continue;
        const sources = new Set(c.expect.sources);
        const phrases = c.expect.answer_contains;
        items.push({
          question: c.question,
          history: c.history,
          group: `${pool.name}:${[...sources][0]}`,
          right: (r) => sources.has(r.source) && phrases.some((p) => normalizeForMatch(r.text).includes(normalizeForMatch(p))),
          passed: (reply) => reply.answered && reply.citations.some((x) => sources.has(x.source)) && containsExpected(reply.answer, phrases),
        });
      }
    }
    let count = 0;
    for (const item of items) {
      last.rows = undefined;
      const reply = await runtime.assistant.ask({ question: item.question, history: item.history });
      count++;
      const rows = last.rows as SelectionRow[] | undefined;
      if (!rows || rows.length < 2) continue;
      const passed = item.passed(reply);
      const choice = rows.findIndex((r) => r.features.rulesChoice === 1);
      windows.push({
        pool: pool.name,
        group: item.group,
        x: rows.map((r) => SELECTION_FEATURES.map((name) => r.features[name])),
        labels: rows.map((r, i) => (item.right(r) || (i === choice && passed) ? 1 : 0)),
        choice,
        ...(values.rows ? { question: item.question, texts: rows.map((r) => r.text.slice(0, 160)) } : {}),
      });
    }
    fittedOn[pool.name] = { questions: count, windows: windows.filter((w) => w.pool === pool.name).length, documents: runtime.kb.documents().length };
    console.error(`${pool.name}: ${count} answerable questions, ${fittedOn[pool.name]!.windows} windows`);
    runtime.close();
  }
  observeSelection(undefined);
  if (values.rows) await writeFile(values.rows, JSON.stringify({ windows, fittedOn }));
}

/**
 * Listwise softmax: maximise the log of the probability mass on the right candidates of each window (L2). Only
 * the features in `learn` are fitted; the others keep their `base` weights (raw scale) and add to each score.
 */
function fitSome(list: Window[], learn: Set<number>, base: number[]): number[] {
  const informative = list.filter((w) => w.labels.some((l) => l) && w.labels.some((l) => !l));
  // Each pool weighs the same in total: the few documents of the home pool do not outvote the many of the others.
  const perPool = new Map<string, number>();
  for (const w of informative) perPool.set(w.pool, (perPool.get(w.pool) ?? 0) + 1);
  const weightOf = (w: Window) => informative.length / (perPool.size * perPool.get(w.pool)!);
  const { mean, std } = standardiser(list.flatMap((w) => w.x));
  const fitted = (i: number) => learn.has(i) && !DROPPED.has(SELECTION_FEATURES[i]!);
  const z = informative.map((w) => w.x.map((x) => x.map((v, i) => (fitted(i) ? (v - mean[i]!) / std[i]! : 0))));
  const offset = informative.map((w) => w.x.map((x) => x.reduce((a, v, i) => a + (learn.has(i) ? 0 : v * base[i]!), 0)));
  const dims = SELECTION_FEATURES.length;
  const w = new Array<number>(dims).fill(0);
  for (let it = 0; it < ITERATIONS && informative.length; it++) {
    const g = new Array<number>(dims).fill(0);
    informative.forEach((win, k) => {
      const s = z[k]!.map((x, c) => offset[k]![c]! + x.reduce((a, v, i) => a + v * w[i]!, 0));
      const top = Math.max(...s);
      const e = s.map((v) => Math.exp(v - top));
      const all = e.reduce((a, v) => a + v, 0);
      const right = e.reduce((a, v, i) => a + (win.labels[i] ? v : 0), 0);
      // d(-log(right/all))/dw = Σ p_i x_i − Σ_{right} q_i x_i (q: distribution over the right ones).
      z[k]!.forEach((x, i) => {
        const coef = e[i]! / all - (win.labels[i] ? e[i]! / right : 0);
        for (let d = 0; d < dims; d++) g[d]! += (weightOf(win) * coef * x[d]!) / informative.length;
      });
    });
    for (let d = 0; d < dims; d++) w[d]! -= RATE * (g[d]! + L2 * w[d]!);
  }
  return w.map((v, i) => (!learn.has(i) ? base[i]! : fitted(i) ? v / std[i]! : 0));
}

/**
 * The judged-claim features (`judged…`) are zero on every other question: they are fitted on the windows of
 * claims to judge alone, over the weights the other questions fitted, so the claims do not move what other
 * questions pick.
 */
const JUDGED = new Set(SELECTION_FEATURES.flatMap((name, i) => (name.startsWith('judged') ? [i] : [])));
const judgedWindow = (w: Window) => w.x.some((x) => [...JUDGED].some((i) => x[i] !== 0));
/** `--judged-only`: the committed weights of the other features stay as they are; only the judged ones are fitted. */
const committed = committedModel as { features: string[]; weights: number[] };
const COMMITTED = alignWeights(SELECTION_FEATURES, committed.features, committed.weights);
function fit(list: Window[]): number[] {
  const shared = new Set(SELECTION_FEATURES.map((_, i) => i).filter((i) => !JUDGED.has(i)));
  const base = values['judged-only'] ? COMMITTED : fitSome(list.filter((w) => !judgedWindow(w)), shared, new Array<number>(SELECTION_FEATURES.length).fill(0));
  return fitSome(list.filter(judgedWindow), JUDGED, base);
}

const pick = (w: number[], win: Window) => {
  const s = win.x.map((x) => x.reduce((a, v, i) => a + v * w[i]!, 0));
  return s.indexOf(Math.max(...s));
};

const pools = [...new Set(windows.map((w) => w.pool))];
const tally: Record<string, { windows: number; rules: number; ranker: number; gained: number; lost: number }> = {};
for (const p of pools) tally[p] = { windows: 0, rules: 0, ranker: 0, gained: 0, lost: 0 };
for (let f = 0; f < FOLDS; f++) {
  const w = fit(windows.filter((x) => hash(x.group) % FOLDS !== f));
  for (const win of windows.filter((x) => hash(x.group) % FOLDS === f)) {
    const t = tally[win.pool]!;
    const rules = win.labels[win.choice] ?? 0;
    const ranker = win.labels[pick(w, win)]!;
    t.windows++;
    t.rules += rules;
    t.ranker += ranker;
    if (ranker > rules) t.gained++;
    if (ranker < rules) t.lost++;
  }
}
console.log('out-of-fold (windows where the pick is right):');
for (const [p, t] of Object.entries(tally)) console.log(`  ${p}: ${t.windows} windows, rules ${t.rules}, ranker ${t.ranker} (+${t.gained} −${t.lost})`);
const weights = fit(windows).map((v) => Number(v.toFixed(4)));
console.log('weights:', Object.fromEntries(SELECTION_FEATURES.map((n, i) => [n, weights[i]])));
if (!values.dry) {
  const model = { features: [...SELECTION_FEATURES], weights, window, fittedOn: { script: 'scripts/fit-selection.ts', pools: fittedOn, folds: FOLDS, outOfFold: tally, ...(values['judged-only'] ? { judgedOnly: 'the judged features fitted over the committed weights of the others' } : {}) } };
  await writeFile('src/answer/selection-weights.json', `${JSON.stringify(model, null, 2)}\n`);
  console.log('wrote src/answer/selection-weights.json');
}
process.exit(0);
