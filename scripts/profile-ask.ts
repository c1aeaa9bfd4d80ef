/**
 * `tsx scripts/profile-ask.ts --dir DATA_DIR [--rounds 3] [--head-size N]`: loads a built index
 * in-process and times the ask path per question, single-threaded, with a
 * breakdown (BM25 over the expanded terms, dense, whole ask in wall and CPU
 * time: CPU time is steadier on a shared machine). Run under `node --cpu-prof
 * --import tsx` to profile. Used to find where large corpora spend their time.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Assistant } from '../src/answer/assistant.js';
import { percentile } from '../src/eval/score.js';
import { readQuestionSet } from '../src/eval/questions.js';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { Retriever } from '../src/retrieval/retriever.js';
import { loadCorpusIndex } from '../src/store/load-index.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, rounds: { type: 'string', default: '3' }, set: { type: 'string' }, 'head-size': { type: 'string' } } });
const ROOT = join(import.meta.dirname, '..');
const embeddings = new LocalHashEmbeddings();
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
let t = performance.now();
const loaded = await loadCorpusIndex(values.dir!, embeddings);
if (!loaded) throw new Error('no index');
console.log(`load ${(performance.now() - t).toFixed(0)} ms, rss ${rssMb()} MB, chunks ${loaded.index.chunks.length}`);
// `--head-size N`: BM25 heads of another size (Infinity = exact scan), to weigh speed against the exact ranking.
if (values['head-size']) (loaded.index.lexical as unknown as { headSize: number }).headSize = Number(values['head-size']);
const retriever = new Retriever(loaded.index, embeddings);
const assistant = new Assistant({ retriever: () => retriever });
const questions = (await readQuestionSet(values.set ?? join(ROOT, 'data', 'eval', 'dev.jsonl'))).map((c) => c.question);

t = performance.now();
await assistant.ask({ question: questions[0]! });
console.log(`first ask ${(performance.now() - t).toFixed(0)} ms, rss ${rssMb()} MB`);
for (const q of questions) await assistant.ask({ question: q });

const lexicalMs: number[] = [];
const denseMs: number[] = [];
const askMs: number[] = [];
const askCpuMs: number[] = [];
const terms: number[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
  for (const question of questions) {
    const analysis = analyzeQuery(question);
    const expanded = (retriever as unknown as { expand(t: unknown): Array<{ term: string; weight: number }> }).expand(analysis.terms);
    terms.push(expanded.length);
    t = performance.now();
    loaded.index.lexical.search(expanded, 40);
    lexicalMs.push(performance.now() - t);
    const vector = await embeddings.embedQuery(analysis.text);
    t = performance.now();
    await loaded.index.dense.search(vector, 40);
    denseMs.push(performance.now() - t);
    t = performance.now();
    const cpu = process.cpuUsage();
    await assistant.ask({ question });
    askMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    askCpuMs.push((used.user + used.system) / 1000);
  }
}
const show = (name: string, xs: number[]) => console.log(`${name.padEnd(8)} p50 ${percentile(xs, 50).toFixed(1)} ms  p95 ${percentile(xs, 95).toFixed(1)} ms  mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)} ms`);
show('bm25', lexicalMs);
show('dense', denseMs);
show('ask', askMs);
show('ask cpu', askCpuMs);
console.log(`expanded terms p50 ${percentile(terms, 50)} max ${Math.max(...terms)}; rss ${rssMb()} MB`);
if (process.env.PROFILE_SLOWEST) {
  const n = questions.length;
  const rows = questions.map((q, i) => ({ q, cpu: askCpuMs[i]!, bm25: lexicalMs[i]!, terms: terms[i]! })).sort((a, b) => b.cpu - a.cpu);
  for (const r of rows.slice(0, Number(process.env.PROFILE_SLOWEST))) console.log(`${r.cpu.toFixed(1)} ms cpu, bm25 ${r.bm25.toFixed(1)} ms, ${r.terms} terms: ${r.q.slice(0, 90)} (${n})`);
}
