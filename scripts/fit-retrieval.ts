/**
 * `tsx scripts/fit-retrieval.ts [--named 0.3] pool=dump.jsonl [pool=dump.jsonl …]`
 *
 * Fits the rerank weights of retriever.ts (RERANK_WEIGHTS, and the `named` boost) on candidates dumped by
 * `scripts/retrieval-eval.ts --dump`: every reranked chunk of every question with its signals (BM25,
 * cosine, rank fusion, best sentence, the unit's BM25, the title's coverage, boosts) and whether it is gold.
 * A grid over the weights (the five signal weights sum to 1) and the title boost picks the one with the best mean over pools, each pool weighing the same:
 * document (or article) hit@1, averaged with passage hit@1 where a pool has answer phrases. Then each pool is
 * held out in turn: the weights fitted on the others are scored on it, to show what a pool the weights never
 * saw gets. `--named` fixes the named-document boost instead of fitting it. `--keep` takes only weights
 * under which no fitted pool's hit@1 falls below what the shipped weights (RERANK_WEIGHTS) give it. `--top N`
 * lists the N best weightings on all pools.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RERANK_BOOSTS, RERANK_WEIGHTS } from '../src/retrieval/retriever.js';

interface Candidate {
  lexical: number;
  dense: number;
  fused: number;
  sentence: number;
  unit?: number;
  title?: number;
  boosts: Record<string, number>;
  gold: boolean;
  passage: boolean;
}

/** A candidate as the grid reads it: its signals, whether the named boost applies, its other boosts' sum. */
interface Row {
  signals: [number, number, number, number, number, number];
  named: boolean;
  boosts: number;
  gold: boolean;
  passage: boolean;
}

const rowOf = (c: Candidate): Row => ({
  signals: [c.lexical, c.dense, c.fused, c.sentence, c.unit ?? 0, c.title ?? 0],
  named: Boolean(c.boosts.named),
  // The fitted boosts (named, title) are made again from their signals; the others are kept as they are.
  boosts: Object.entries(c.boosts).reduce((sum, [key, value]) => (key === 'named' || key === 'title' ? sum : sum + value), 0),
  gold: c.gold,
  passage: c.passage,
});

const { values, positionals } = parseArgs({ allowPositionals: true, options: { named: { type: 'string' }, keep: { type: 'boolean', default: false }, top: { type: 'string' } } });
const pools = new Map<string, Row[][]>();
for (const arg of positionals) {
  const [name, file] = arg.split('=');
  if (!name || !file) throw new Error(`expected pool=dump.jsonl, got ${arg}`);
  const questions = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { candidates: Candidate[] }).candidates.map(rowOf))
    .filter((c) => c.length);
  pools.set(name, questions);
}
if (!pools.size) throw new Error('usage: tsx scripts/fit-retrieval.ts home=/tmp/home.jsonl unseen=… laws=…');

interface Weights {
  lexical: number;
  dense: number;
  fused: number;
  sentence: number;
  /** BM25 of the candidate's whole unit (an article with all its clauses). */
  unit: number;
  /** Boost of the section whose title the question writes, times the square of the share it writes (RERANK_BOOSTS.title). */
  title: number;
  /** Boost of the document the question names by number (the other boosts are kept as they are). */
  named: number;
}

function score(c: Row, w: Weights): number {
  const [lexical, dense, fused, sentence, unit, title] = c.signals;
  return w.lexical * lexical + w.dense * dense + w.fused * fused + w.sentence * sentence + w.unit * unit + w.title * title * title + (c.named ? w.named : 0) + c.boosts;
}

/** Per pool: hit@1 of the gold unit, and passage hit@1 over the questions some candidate answers (NaN when none do). */
function evaluate(w: Weights): Map<string, { hit: number; passage: number }> {
  const out = new Map<string, { hit: number; passage: number }>();
  for (const [name, questions] of pools) {
    let hit = 0;
    let passage = 0;
    let withPassage = 0;
    for (const candidates of questions) {
      let top = candidates[0]!;
      let best = -Infinity;
      for (const c of candidates) {
        const s = score(c, w);
        if (s > best) [best, top] = [s, c];
      }
      if (top.gold) hit++;
      if (candidates.some((c) => c.passage)) {
        withPassage++;
        if (top.passage) passage++;
      }
    }
    out.set(name, { hit: hit / questions.length, passage: withPassage ? passage / withPassage : NaN });
  }
  return out;
}

const objective = (result: Map<string, { hit: number; passage: number }>, names: string[]) =>
  names.reduce((sum, n) => {
    const r = result.get(n)!;
    return sum + (Number.isNaN(r.passage) ? r.hit : (r.hit + r.passage) / 2);
  }, 0) / names.length;

const grid: Array<{ w: Weights; result: Map<string, { hit: number; passage: number }> }> = [];
const steps = (from: number, to: number, by: number) => Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => Math.round((from + i * by) * 100) / 100);
for (const lexical of steps(0, 0.5, 0.05)) {
  for (const dense of steps(0, 0.2, 0.05)) {
    for (const fused of steps(0, 0.4, 0.1)) {
      for (const unit of steps(0, 0.4, 0.1)) {
        for (const title of steps(0, 0.3, 0.05)) {
          const sentence = Math.round((1 - lexical - dense - fused - unit) * 100) / 100;
          if (sentence < 0.2) continue;
          for (const named of values.named ? [Number(values.named)] : [0.12, 0.2, 0.3, 0.4]) {
            const w = { lexical, dense, fused, sentence, unit, title, named };
            grid.push({ w, result: evaluate(w) });
          }
        }
      }
    }
  }
}

const names = [...pools.keys()];
const show = (result: Map<string, { hit: number; passage: number }>) =>
  names.map((n) => `${n} ${(100 * result.get(n)!.hit).toFixed(1)}${Number.isNaN(result.get(n)!.passage) ? '' : `/${(100 * result.get(n)!.passage).toFixed(1)}`}`).join('  ');
/** The shipped weights (retriever.ts), the reference `--keep` holds every fitted pool's hit@1 to. */
const shipped = evaluate({ ...RERANK_WEIGHTS, named: RERANK_BOOSTS.named, title: RERANK_BOOSTS.title });
const keeps = (result: Map<string, { hit: number; passage: number }>, over: string[]) => !values.keep || over.every((n) => result.get(n)!.hit >= shipped.get(n)!.hit - 1e-9);
const best = (over: string[]) => grid.filter((g) => keeps(g.result, over)).reduce((a, b) => (objective(b.result, over) > objective(a.result, over) ? b : a));

console.log(`${grid.length} weightings; hit@1 (document or article) / passage hit@1, %`);
console.log(`shipped: ${JSON.stringify(RERANK_WEIGHTS)}\n  ${show(shipped)}`);
const all = best(names);
console.log(`fitted on all pools: ${JSON.stringify(all.w)}\n  ${show(all.result)}`);
for (const held of names) {
  const fitted = best(names.filter((n) => n !== held));
  console.log(`held out ${held}: ${JSON.stringify(fitted.w)}\n  ${show(fitted.result)}  ← ${held} never seen`);
}
if (values.top) {
  console.log(`best ${values.top} on all pools:`);
  const ranked = grid.filter((g) => keeps(g.result, names)).sort((a, b) => objective(b.result, names) - objective(a.result, names));
  for (const g of ranked.slice(0, Number(values.top))) console.log(`  ${objective(g.result, names).toFixed(4)} ${JSON.stringify(g.w)}  ${show(g.result)}`);
}
