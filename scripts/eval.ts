/**
 * `npm run eval [-- file.jsonl ...] [--min-accuracy 0.9 --min-hit5 0.95 --min-refusal 0.8
 *   --min-quote-validity 1 --min-margin 20] [--out eval-results] [--failures]`
 *
 * Scores our assistant and two baselines (MiniSearch defaults; LangChain
 * RecursiveCharacterTextSplitter 1000/200 + HNSWLib) on the same corpus, prints
 * a table per question set, writes JSON, and exits 1 when a threshold fails.
 * Default sets: data/eval/dev.jsonl plus every other data/eval/*.jsonl.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFile } from '../ingest/load.js';
import { loadConfig } from '../src/config.js';
import { createEmbeddings } from '../src/embeddings.js';
import { readQuestionSet, type EvalCase } from '../src/eval/questions.js';
import { formatTable } from '../src/eval/report.js';
import { quoteChecker, runSystem, type SystemRun } from '../src/eval/run.js';
import { checkThresholds, type Thresholds } from '../src/eval/score.js';
import { assistantSystem, langChainBaseline, miniSearchBaseline } from '../src/eval/systems.js';
import { createNodeRuntime } from '../src/node.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'min-accuracy': { type: 'string' },
    'min-hit5': { type: 'string' },
    'min-refusal': { type: 'string' },
    'min-quote-validity': { type: 'string' },
    'min-margin': { type: 'string' },
    out: { type: 'string', default: 'eval-results' },
    failures: { type: 'boolean', default: false },
    'no-baselines': { type: 'boolean', default: false },
  },
});

const num = (v?: string) => (v === undefined ? undefined : Number(v));
const thresholds: Thresholds = {
  minAccuracy: num(values['min-accuracy']),
  minHit5: num(values['min-hit5']),
  minRefusal: num(values['min-refusal']),
  minQuoteValidity: num(values['min-quote-validity']),
  minMargin: num(values['min-margin']),
};

function defaultSets(): string[] {
  const dir = join('data', 'eval');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  return files.sort((a, b) => Number(b === 'dev.jsonl') - Number(a === 'dev.jsonl')).map((f) => join(dir, f));
}

const files = positionals.length ? positionals : defaultSets();
if (!files.length) {
  console.error('Không có bộ câu hỏi: truyền đường dẫn tệp .jsonl hoặc đặt tệp trong data/eval/.');
  process.exit(2);
}
const sets: Array<{ name: string; cases: EvalCase[] }> = [];
for (const file of files) sets.push({ name: basename(file, '.jsonl'), cases: await readQuestionSet(file) });

const config = { ...loadConfig(), LOG_LEVEL: 'warn' };
const runtime = await createNodeRuntime(config, { onProgress: (m) => console.error(m) });
const documents = runtime.kb.documents();
const sourceTexts = new Map<string, string>();
for (const d of documents) sourceTexts.set(d.source, (await loadFile(join(config.DATA_DIR, 'docs', d.source))).text);
const quoteOk = quoteChecker(sourceTexts);

const chunks = runtime.kb.retriever().corpus.chunks;
const systems = [assistantSystem(runtime.assistant)];
if (!values['no-baselines']) {
  systems.push(miniSearchBaseline(chunks));
  const cleaned = documents.map((d) => ({ source: d.source, text: runtime.kb.document(d.id)!.text }));
  systems.push(await langChainBaseline(cleaned, createEmbeddings(config)));
}

const failures: string[] = [];
const output: Record<string, SystemRun[]> = {};
const all: EvalCase[] = sets.flatMap((s) => s.cases.map((c) => ({ ...c, id: `${s.name}:${c.id}` })));
const runs = sets.length > 1 ? [...sets, { name: 'all', cases: all }] : sets;
for (const set of runs) {
  const results: SystemRun[] = [];
  for (const system of systems) results.push(await runSystem(system, set.cases, quoteOk));
  output[set.name] = results;
  console.log(`\n${formatTable(`${set.name} (${set.cases.length} questions)`, results)}`);
  if (values.failures && set.name !== 'all') {
    const byId = new Map(set.cases.map((c) => [c.id, c]));
    for (const r of results[0]!.results.filter((x) => !x.pass || x.badQuotes)) {
      const c = byId.get(r.id)!;
      console.log(`  ✗ ${r.id} [${r.reason ?? `${r.badQuotes} bad quote(s)`}] ${c.question}  → expect ${JSON.stringify(c.expect)}`);
      if (process.env.EVAL_SHOW) console.log(`    ${(await runtime.assistant.ask({ question: c.question, history: c.history })).answer.replace(/\n/g, '\n    ').slice(0, 900)}`);
    }
  }
  failures.push(...checkThresholds(set.name, results[0]!.summary, results.slice(1).map((r) => r.summary), thresholds));
}

await mkdir(values.out!, { recursive: true });
const stamp = new Date().toISOString();
for (const [name, results] of Object.entries(output)) {
  await writeFile(join(values.out!, `${name}.json`), JSON.stringify({ set: name, at: stamp, thresholds, systems: results }, null, 2));
}
console.log(`\nKết quả JSON: ${values.out}/`);
if (failures.length) {
  console.error(`\nKhông đạt ngưỡng:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
process.exit(0);
