/**
 * `npm run bench [-- --scales 1,10,100,1000 --duration 8 --budget-min 15 --cache DIR]`
 *
 * For each corpus size (the shipped corpus, then synthetic 10×, 100×, 1000×
 * built from its real sections in a temp DATA_DIR): ingest (build time,
 * chars/s, index size, peak RSS), then in a fresh process load the index
 * (load time) and serve it over real HTTP, driven by autocannon at
 * concurrency 1/8/32 (p50/p95/p99, req/s, errors, RSS). Each stage runs in its
 * own child process so peak memory and load time are honest. Writes
 * BENCHMARKS.md and benchmarks.svg. A stage that exceeds the time budget is
 * stopped and reported.
 *
 * `--cache DIR` keeps each corpus size's data dir (DIR/<scale>x) and its
 * ingest figures between runs: a later run with the same DIR skips ingest
 * while the index is current (same corpus hash, i.e. same pipeline and index
 * format) and only serves it again, so serving changes can be measured without
 * the ~8 min 1000× ingest. Delete DIR to measure ingest again.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
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
    cache: { type: 'string' },
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

/** Resident memory of a process and all its descendants (Linux /proc), in MB. */
function treeRssMb(pid: number): number {
  let kb = 0;
  try {
    kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) kb += treeRssMb(Number(child)) * 1024;
  } catch {
    // the process is gone
  }
  return kb / 1024;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Child: load the index cold (load time), then start the real server
 * (`src/server.ts`: a cluster of WEB_CONCURRENCY workers, default = cores) and
 * drive it with autocannon from this process.
 */
async function serveStage(dir: string, durationSec: number) {
  const { loadCorpusIndex } = await import('../src/store/load-index.js');
  const { LocalHashEmbeddings } = await import('../src/retrieval/local-embeddings.js');
  const { loadTest } = await import('../src/bench/load.js');
  const { readQuestionSet } = await import('../src/eval/questions.js');

  const started = performance.now();
  let loaded = await loadCorpusIndex(dir, new LocalHashEmbeddings());
  const loadMs = performance.now() - started;
  if (!loaded) throw new Error('no index');
  loaded = undefined;
  global.gc?.();

  const port = await freePort();
  const server = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'src', 'server.ts')], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 10 * 60_000;
    for (let ready = false; !ready; ) {
      if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
      if (Date.now() > deadline) throw new Error('server not ready after 10 min');
      ready = await fetch(`${url}/health`).then((r) => r.ok, () => false);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const questions = (await readQuestionSet(join(ROOT, 'data', 'eval', 'dev.jsonl'))).map((c) => c.question);
    // Warm-up every worker: JIT, lazy per-index caches.
    const workers = Number(process.env.WEB_CONCURRENCY) || availableParallelism();
    for (let round = 0; round < workers; round++) {
      await Promise.all(Array.from({ length: workers }, async (_, w) => {
        for (let q = w; q < questions.length; q += workers) {
          await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: questions[(q + round) % questions.length] }) });
        }
      }));
    }
    const load = [];
    let servePeakRssMb = 0;
    const sampler = setInterval(() => (servePeakRssMb = Math.max(servePeakRssMb, treeRssMb(server.pid!))), 500);
    for (const connections of [1, 8, 32]) load.push(await loadTest(url, questions, connections, durationSec));
    clearInterval(sampler);
    const serveRssMb = treeRssMb(server.pid!);
    return { loadMs, load, serveRssMb, servePeakRssMb: Math.max(servePeakRssMb, serveRssMb), workers };
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
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
const loadAtStart = loadavg();
const notes: string[] = [];
/** A cached corpus whose index the server would not rebuild: its ingest figures, else undefined. */
async function cachedIngest(dir: string): Promise<Record<string, unknown> | undefined> {
  const figures = join(dir, 'ingest.json');
  if (!existsSync(figures)) return undefined;
  const { currentBuild, readManifest } = await import('../src/store/index-files.js');
  const { corpusHash, listCorpusFiles } = await import('../ingest/corpus.js');
  const { LocalHashEmbeddings } = await import('../src/retrieval/local-embeddings.js');
  const build = await currentBuild(dir);
  const manifest = build ? await readManifest(build) : undefined;
  const hash = await corpusHash(await listCorpusFiles([join(dir, 'docs')]), new LocalHashEmbeddings().id);
  return manifest?.corpusHash === hash ? (JSON.parse(readFileSync(figures, 'utf8')) as Record<string, unknown>) : undefined;
}

for (const scale of scales) {
  const dir = values.cache ? join(values.cache, `${scale}x`) : mkdtempSync(join(tmpdir(), `vanban-bench-${scale}x-`));
  const began = Date.now();
  try {
    let ingest = values.cache ? await cachedIngest(dir) : undefined;
    if (ingest) console.error(`[bench] ${scale}×: reusing the index in ${dir}`);
    else {
      console.error(`[bench] ${scale}×: ingest…`);
      if (values.cache) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
      }
      ingest = await runChild(['--child', 'ingest', '--dir', dir, '--scale', String(scale)], budgetMs);
      if (values.cache) writeFileSync(join(dir, 'ingest.json'), JSON.stringify(ingest));
    }
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
    if (!values.cache) rmSync(dir, { recursive: true, force: true });
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`;
notes.push(`Machine load average (1/5/15 min) at start ${loadAtStart.map((x) => x.toFixed(1)).join(' / ')}, at end ${loadavg().map((x) => x.toFixed(1)).join(' / ')} on ${cpus().length} cores (includes this benchmark and its server).`);
notes.push('Figures are from a machine whose two cores were shared with other jobs at the time; re-run `npm run bench` on an idle machine for clean numbers.');
await writeFile(join(values.out!, 'BENCHMARKS.md'), markdownReport(results, notes, { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', machine, durationSec }));
await writeFile(join(values.out!, 'benchmarks.svg'), svgChart(results));
console.error(`[bench] wrote ${join(values.out!, 'BENCHMARKS.md')} and benchmarks.svg`);
