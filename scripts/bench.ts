/**
 * `npm run bench [-- --scales 1,10,100,1000 --duration 8 --budget-min 15]`
 *
 * For each corpus size (the shipped corpus, then synthetic 10×, 100×, 1000×
 * built from its real sections in a temp DATA_DIR): ingest (build time,
 * chars/s, index size, peak RSS), then in a fresh process load the index
 * (load time) and serve it over real HTTP, driven by autocannon at
 * concurrency 1/8/32 (p50/p95/p99, req/s, errors, RSS). Each stage runs in its
 * own child process so peak memory and load time are honest. Writes
 * BENCHMARKS.md and benchmarks.svg. A stage that exceeds the time budget is
 * stopped and reported.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100,1000' },
    duration: { type: 'string', default: '8' },
    'budget-min': { type: 'string', default: '15' },
    child: { type: 'string' },
    dir: { type: 'string' },
    scale: { type: 'string' },
    out: { type: 'string', default: '.' },
  },
});

const ROOT = join(import.meta.dirname, '..');

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await dirSize(path) : (await stat(path)).size;
  }
  return total;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Child: generate the corpus (for scale > 1) and build the index. */
async function ingestStage(dir: string, scale: number) {
  const { writeSyntheticCorpus } = await import('../src/bench/synthetic.js');
  const { buildIndex } = await import('../ingest/build-index.js');
  const { LocalHashEmbeddings } = await import('../src/retrieval/local-embeddings.js');
  const docs = join(ROOT, 'data', 'docs');
  if (scale === 1) cpSync(docs, join(dir, 'docs'), { recursive: true });
  else {
    const names = (await readdir(docs)).filter((n) => n.endsWith('.txt')).sort();
    const texts = names.map((source) => ({ source, text: readFileSync(join(docs, source), 'utf8') }));
    await writeSyntheticCorpus(texts, scale, join(dir, 'docs'));
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await buildIndex({ dataDir: dir, embeddings: new LocalHashEmbeddings() });
  const buildMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return {
    documents: result.manifest.documents,
    chunks: result.manifest.chunks,
    chars: result.chars,
    buildMs,
    charsPerSec: result.chars / (buildMs / 1000),
    // The target is in KB of text: UTF-8 bytes of the source files (Vietnamese is ~1.2 bytes per character).
    bytesPerSec: (await dirSize(join(dir, 'docs'))) / (buildMs / 1000),
    cpuMs,
    charsPerCpuSec: result.chars / (cpuMs / 1000),
    indexBytes: await dirSize(result.dir),
    ingestPeakRssMb: peakRssMb(),
  };
}

/** Child: load the index cold, serve it, and drive it with autocannon. */
async function serveStage(dir: string, durationSec: number) {
  const { serve } = await import('@hono/node-server');
  const { loadConfig } = await import('../src/config.js');
  const { createNodeRuntime } = await import('../src/node.js');
  const { loadCorpusIndex } = await import('../src/store/load-index.js');
  const { LocalHashEmbeddings } = await import('../src/retrieval/local-embeddings.js');
  const { loadTest } = await import('../src/bench/load.js');
  const { readQuestionSet } = await import('../src/eval/questions.js');

  const started = performance.now();
  const loaded = await loadCorpusIndex(dir, new LocalHashEmbeddings());
  const loadMs = performance.now() - started;
  if (!loaded) throw new Error('no index');

  const runtime = await createNodeRuntime({ ...loadConfig({ DATA_DIR: dir }), LOG_LEVEL: 'silent' }, { onProgress: () => {} });
  const questions = (await readQuestionSet(join(ROOT, 'data', 'eval', 'dev.jsonl'))).map((c) => c.question);
  const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  // Warm-up: JIT, lazy per-index caches.
  for (const question of questions) await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  const load = [];
  for (const connections of [1, 8, 32]) load.push(await loadTest(url, questions, connections, durationSec));
  global.gc?.();
  const serveRssMb = process.memoryUsage().rss / 1048576;
  await new Promise((resolve) => server.close(resolve));
  return { loadMs, load, serveRssMb, servePeakRssMb: peakRssMb() };
}

function runChild(args: string[], timeoutMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'scripts', 'bench.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`));
      if (code !== 0) return reject(new Error(`exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}

if (values.child) {
  const dir = values.dir!;
  const result = values.child === 'ingest' ? await ingestStage(dir, Number(values.scale)) : await serveStage(dir, Number(values.duration));
  console.log(JSON.stringify(result));
  process.exit(0);
}

const { markdownReport, svgChart } = await import('../src/bench/report.js');
type ScaleResult = import('../src/bench/report.js').ScaleResult;
const scales = values.scales!.split(',').map(Number).filter((n) => n >= 1);
const budgetMs = Number(values['budget-min']) * 60_000;
const durationSec = Number(values.duration);
const results: ScaleResult[] = [];
const notes: string[] = [];
for (const scale of scales) {
  const dir = mkdtempSync(join(tmpdir(), `vanban-bench-${scale}x-`));
  const began = Date.now();
  try {
    console.error(`[bench] ${scale}×: ingest…`);
    const ingest = await runChild(['--child', 'ingest', '--dir', dir, '--scale', String(scale)], budgetMs);
    console.error(`[bench] ${scale}×: ${JSON.stringify(ingest)}`);
    console.error(`[bench] ${scale}×: serve + load…`);
    const served = await runChild(['--child', 'serve', '--dir', dir, '--duration', String(durationSec)], Math.max(60_000, budgetMs - (Date.now() - began)));
    const result = { scale, ...ingest, ...served } as unknown as ScaleResult;
    results.push(result);
    const c8 = result.load.find((l) => l.connections === 8)!;
    console.error(`[bench] ${scale}×: load ${result.loadMs.toFixed(0)} ms, c=8 p50 ${c8.p50} ms p95 ${c8.p95} ms, ${c8.rps} req/s (${((Date.now() - began) / 1000).toFixed(0)} s)`);
  } catch (error) {
    const message = `${scale}× not reported: ${(error as Error).message} (time budget ${values['budget-min']} min per corpus size).`;
    notes.push(message);
    console.error(`[bench] ${message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`;
notes.push('Figures are from a machine whose two cores were shared with other jobs at the time; re-run `npm run bench` on an idle machine for clean numbers.');
await writeFile(join(values.out!, 'BENCHMARKS.md'), markdownReport(results, notes, { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', machine, durationSec }));
await writeFile(join(values.out!, 'benchmarks.svg'), svgChart(results));
console.error(`[bench] wrote ${join(values.out!, 'BENCHMARKS.md')} and benchmarks.svg`);
