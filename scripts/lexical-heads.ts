/**
 * `tsx scripts/lexical-heads.ts --dir DATA_DIR`: how far BM25 over posting-list
 * heads (LexicalIndex.headSize) is from the exact scan on a built index, for
 * the dev questions: postings scanned per query, time, how many of the exact
 * top 40 / top 10 the pruned search keeps, and how many of its top 40 score
 * (exactly) at least the exact 40th: synthetic corpora repeat real sections, so
 * many chunks tie and "the same chunks" understates how good a pruned list is.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readQuestionSet } from '../src/eval/questions.js';
import { percentile } from '../src/eval/score.js';
import type { LexicalIndex, WeightedTerm } from '../src/retrieval/lexical-index.js';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { Retriever } from '../src/retrieval/retriever.js';
import { loadCorpusIndex } from '../src/store/load-index.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, sizes: { type: 'string', default: '1024,2048,4096,8192' }, set: { type: 'string' } } });
const embeddings = new LocalHashEmbeddings();
const loaded = await loadCorpusIndex(values.dir!, embeddings);
if (!loaded) throw new Error('no index');
const lexical = loaded.index.lexical as LexicalIndex;
const retriever = new Retriever(loaded.index, embeddings);
const expand = (retriever as unknown as { expand(t: WeightedTerm[]): WeightedTerm[] }).expand.bind(retriever);
const questions = (await readQuestionSet(values.set ?? join(import.meta.dirname, '..', 'data', 'eval', 'dev.jsonl'))).map((c) => analyzeQuery(c.question));
const queries = questions.map((a) => expand(a.terms));

function run(size: number) {
  lexical.headSize = size;
  for (const q of queries) lexical.search(q, 40); // builds the heads
  const ms: number[] = [];
  const hits = queries.map((q) => {
    const t = performance.now();
    const top = lexical.search(q, 40);
    ms.push(performance.now() - t);
    return top.map((h) => h.index);
  });
  // CPU time of 5 passes over all questions: steadier than wall time on a shared machine.
  const cpu = process.cpuUsage();
  for (let pass = 0; pass < 5; pass++) for (const q of queries) lexical.search(q, 40);
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / (5 * queries.length);
  const postings = queries.map((q) => q.reduce((n, { term }) => n + Math.min(size, lexical.documentFrequency(term)), 0));
  return { hits, ms, postings, cpuMs };
}
const exact = run(Infinity);
const data = lexical.toJSON();
const avg = data.docLengths.reduce((a, b) => a + b, 0) / data.docLengths.length;
function exactScore(query: WeightedTerm[], doc: number): number {
  let score = 0;
  for (const { term, weight } of query) {
    const list = data.postings[term];
    if (!list) continue;
    let lo = 0;
    let hi = list.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = list[2 * mid]!;
      if (d === doc) {
        const tf = list[2 * mid + 1]!;
        score += (lexical.idf(term) * weight * (data.k1 + 1) * tf) / (tf + data.k1 * (1 - data.b + (data.b * data.docLengths[doc]!) / avg));
        break;
      }
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return score;
}
lexical.headSize = Infinity;
const exactScores = queries.map((q) => lexical.search(q, 40));
const good = (a: number[][]) => a.reduce((sum, hits, i) => {
  const floor = exactScores[i]!.at(-1)?.score ?? 0;
  return sum + hits.filter((d) => exactScore(queries[i]!, d) >= floor * (1 - 1e-9)).length / Math.max(1, exactScores[i]!.length);
}, 0) / a.length;
// Share of the exact top 40's total score that the pruned top 40 reaches (exactly rescored): fair under ties.
const scoreShare = (a: number[][]) => a.reduce((sum, hits, i) => {
  const best = exactScores[i]!.reduce((s, h) => s + h.score, 0);
  return sum + (best ? hits.reduce((s, d) => s + exactScore(queries[i]!, d), 0) / best : 1);
}, 0) / a.length;
const keep = (a: number[][], n: number) => a.reduce((sum, hits, i) => sum + hits.slice(0, n).filter((x) => exact.hits[i]!.slice(0, n).includes(x)).length / Math.max(1, Math.min(n, exact.hits[i]!.length)), 0) / a.length;
console.log(`${lexical.size} chunks, ${queries.length} questions`);
for (const size of [Infinity, ...values.sizes!.split(',').map(Number)]) {
  const r = size === Infinity ? exact : run(size);
  console.log(`head ${String(size).padStart(8)}: score share ${(100 * scoreShare(r.hits)).toFixed(1)}%, postings p50 ${percentile(r.postings, 50)} max ${Math.max(...r.postings)}, search p50 ${percentile(r.ms, 50).toFixed(2)} ms p95 ${percentile(r.ms, 95).toFixed(2)} ms (CPU mean ${r.cpuMs.toFixed(2)} ms), exact top-40 kept ${(100 * keep(r.hits, 40)).toFixed(1)}%, top-10 ${(100 * keep(r.hits, 10)).toFixed(1)}%, top 40 as good as the exact 40th ${(100 * good(r.hits)).toFixed(1)}%`);
}
