/**
 * `npm run eval [-- file.jsonl ...] [--pool home|unseen|laws|<dir> ...] [--min-accuracy 0.9 --min-hit5 0.95 --min-refusal 0.8
 *   --min-quote-validity 1 --min-margin 20] [--out eval-results] [--failures]`
 *
 * Scores our assistant and two baselines (MiniSearch defaults; LangChain
 * RecursiveCharacterTextSplitter 1000/200 + HNSWLib) on the same corpus, prints
 * a table per question set, writes JSON, and exits 1 when a threshold fails.
 * Default sets: data/eval/dev.jsonl plus every other data/eval/*.jsonl.
 * `--pool` (repeatable; `all` = home, unseen, laws and data/pools/*) evaluates each pool in its own index
 * (DESIGN §4) with plain BM25 beside the baselines; the laws pool is scored by article.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFile } from '../ingest/load.js';
import { loadConfig } from '../src/config.js';
import { createEmbeddings } from '../src/embeddings.js';
import { ArticleLocator, articleBaselines, langChainArticles, lawCases, runLawsAssistant, type RetrievalFigures } from '../src/eval/laws-run.js';
import { questionSets, resolvePool, type Pool } from '../src/eval/pools.js';
import { readQuestionSet, type EvalCase } from '../src/eval/questions.js';
import { formatTable } from '../src/eval/report.js';
import { quoteChecker, runSystem, type SystemRun } from '../src/eval/run.js';
import { checkThresholds, type Thresholds } from '../src/eval/score.js';
import { assistantSystem, bm25Baseline, langChainBaseline, miniSearchBaseline } from '../src/eval/systems.js';
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
    pool: { type: 'string', multiple: true },
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


const config = { ...loadConfig(), LOG_LEVEL: 'warn' };
const failures: string[] = [];
const stamp = new Date().toISOString();
await mkdir(values.out!, { recursive: true });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** One line per pool and set, printed last: the figures a closing note quotes. */
const summary: string[] = [];

/** Question sets scored against ours and the baselines, in one pool's index. */
async function evalQuestions(pool: Pool, files: string[]): Promise<void> {
  if (!files.length) {
    console.error('Không có bộ câu hỏi: truyền đường dẫn tệp .jsonl hoặc đặt tệp trong data/eval/.');
    process.exit(2);
  }
  const sets: Array<{ name: string; cases: EvalCase[] }> = [];
  for (const file of files) sets.push({ name: basename(file, '.jsonl'), cases: await readQuestionSet(file) });
  const runtime = await createNodeRuntime({ ...config, DATA_DIR: pool.dataDir }, { onProgress: (m) => console.error(m) });
  const documents = runtime.kb.documents();
  const sourceTexts = new Map<string, string>();
  for (const d of documents) sourceTexts.set(d.source, (await loadFile(join(pool.dataDir, 'docs', d.source))).text);
  const quoteOk = quoteChecker(sourceTexts);

  const chunks = runtime.kb.retriever().corpus.chunks;
  const systems = [assistantSystem(runtime.assistant)];
  if (!values['no-baselines']) {
    systems.push(bm25Baseline(chunks), miniSearchBaseline(chunks));
    const cleaned = documents.map((d) => ({ source: d.source, text: runtime.kb.document(d.id)!.text }));
    systems.push(await langChainBaseline(cleaned, createEmbeddings(config)));
  }

  const output: Record<string, SystemRun[]> = {};
  const all: EvalCase[] = sets.flatMap((s) => s.cases.map((c) => ({ ...c, id: `${s.name}:${c.id}` })));
  const runs = sets.length > 1 ? [...sets, { name: 'all', cases: all }] : sets;
  for (const set of runs) {
    const results: SystemRun[] = [];
    for (const system of systems) results.push(await runSystem(system, set.cases, quoteOk));
    output[set.name] = results;
    const [ours, ...others] = results.map((r) => r.summary);
    summary.push(
      `| ${pool.name}: ${set.name} (${ours!.cases}) | ${pct(ours!.accuracy)} | ${pct(ours!.answerableAccuracy)} | ${ours!.noanswer ? pct(ours!.refusalAccuracy) : 'n/a'} | ${ours!.falseRefusals} | ${pct(ours!.quoteValidity)} | ${pct(ours!.retrievalHit1)} | ${others.map((o) => `${pct(o.accuracy)} / ${pct(o.retrievalHit1)}`).join(' | ')} |`,
    );
    console.log(`\n${formatTable(`${pool.name}: ${set.name} (${set.cases.length} questions)`, results)}`);
    if (values.failures && set.name !== 'all') {
      const byId = new Map(set.cases.map((c) => [c.id, c]));
      for (const r of results[0]!.results.filter((x) => !x.pass || x.badQuotes)) {
        const c = byId.get(r.id)!;
        console.log(`  ✗ ${r.id} [${r.reason ?? `${r.badQuotes} bad quote(s)`}] ${c.question}  → expect ${JSON.stringify(c.expect)}`);
        if (process.env.EVAL_SHOW) console.log(`    ${(await runtime.assistant.ask({ question: c.question, history: c.history })).answer.replace(/\n/g, '\n    ').slice(0, 900)}`);
      }
    }
    // Thresholds compare against the answering baselines; plain BM25 is a retrieval floor.
    const answering = results.slice(1).filter((r) => r.name !== 'bm25');
    failures.push(...checkThresholds(`${pool.name}:${set.name}`, results[0]!.summary, answering.map((r) => r.summary), thresholds));
  }
  for (const [name, results] of Object.entries(output)) {
    const file = pool.name === 'home' && !values.pool ? `${name}.json` : `${pool.name}-${name}.json`;
    await writeFile(join(values.out!, file), JSON.stringify({ pool: pool.name, set: name, at: stamp, thresholds, systems: results }, null, 2));
  }
  runtime.close();
}

/** The laws pool: statements asked as ALQAC asks them, scored by the article of the first citation. */
async function evalLaws(pool: Pool): Promise<void> {
  const runtime = await createNodeRuntime({ ...config, DATA_DIR: pool.dataDir }, { onProgress: (m) => console.error(m) });
  const cases = lawCases(pool.statements!, (id) => pool.lawFiles!.get(id) ?? id);
  const laws = runtime.kb.documents().map((d) => ({ source: d.source, text: runtime.kb.document(d.id)!.text }));
  const locator = new ArticleLocator();
  for (const law of laws) locator.add(law.source, law.text);
  const ours = await runLawsAssistant(runtime.assistant, cases, locator);
  const baselines: Record<string, RetrievalFigures> = values['no-baselines'] ? {} : { ...articleBaselines(laws, cases), langchain: await langChainArticles(laws, cases, createEmbeddings(config)) };
  const names = ['vanban', ...Object.keys(baselines)];
  const figures = [ours.retrieval, ...Object.values(baselines)];
  console.log(`\n### ${pool.name} (${cases.length} statements, scored by article)\n`);
  console.log(`| metric | ${names.join(' | ')} |\n|${names.map(() => ' --- ').join('|')}| --- |`);
  console.log(`| retrieval hit@1 (article) | ${figures.map((f) => pct(f.hit1)).join(' | ')} |`);
  console.log(`| retrieval hit@5 (article) | ${figures.map((f) => pct(f.hit5)).join(' | ')} |`);
  console.log(`| retrieval MRR@10 (article) | ${figures.map((f) => f.mrr10.toFixed(3)).join(' | ')} |`);
  console.log(`| answered | ${pct(ours.answered)} |`);
  console.log(`| first citation in a deciding article | ${pct(ours.firstInGold)} |`);
  console.log(`| … whose label names the article | ${pct(ours.labelNamesArticle)} |`);
  console.log(`| latency p50 / p95 | ${ours.p50Ms.toFixed(1)} / ${ours.p95Ms.toFixed(1)} ms |`);
  summary.push(`| ${pool.name} (${cases.length}, by article) | first citation in a deciding article ${pct(ours.firstInGold)}, answered ${pct(ours.answered)}, label names it ${pct(ours.labelNamesArticle)} | | | | | ${pct(ours.retrieval.hit1)} | ${Object.values(baselines).map((b) => `– / ${pct(b.hit1)}`).join(' | ')} |`);
  if (values.failures) for (const f of ours.failures) console.log(`  ✗ ${f.id} [${f.answered ? `cited ${f.cited ?? '?'} ${f.label ?? ''}` : 'refused'}] ${f.question} → ${f.gold.join(', ')}`);
  await writeFile(join(values.out!, `${pool.name}.json`), JSON.stringify({ pool: pool.name, at: stamp, vanban: ours, baselines }, null, 2));
  runtime.close();
}

// `all`: the three pools of DESIGN §4 and every pool committed under data/pools (written blind, for checking).
const committedPools = () =>
  existsSync(join('data', 'pools')) ? readdirSync(join('data', 'pools')).sort().map((d) => join('data', 'pools', d)).filter((d) => existsSync(join(d, 'questions.jsonl'))) : [];
const poolSpecs = (values.pool ?? []).flatMap((p) => (p === 'all' ? ['home', 'unseen', 'laws', ...committedPools()] : [p]));
if (!poolSpecs.length) {
  await evalQuestions({ name: 'home', kind: 'questions', dataDir: config.DATA_DIR, sets: [] }, positionals.length ? positionals : questionSets(join(config.DATA_DIR, 'eval')));
}
for (const spec of poolSpecs) {
  const pool = await resolvePool(spec, config.DATA_DIR);
  if (pool.kind === 'laws') await evalLaws(pool);
  else await evalQuestions(pool, pool.sets);
}

console.log('\n### Summary (baselines: answer accuracy / retrieval hit@1)\n');
console.log('| pool: set | accuracy | answerable | refusal | false refusals | quotes valid | retrieval hit@1 | bm25 | minisearch | langchain |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(summary.join('\n'));
console.log(`\nKết quả JSON: ${values.out}/`);
if (failures.length) {
  console.error(`\nKhông đạt ngưỡng:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
process.exit(0);
