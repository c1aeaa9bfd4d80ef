/**
 * `tsx scripts/retrieval-eval.ts --dir DATA_DIR [--set a.jsonl --set b.jsonl …] [--failures]`
 * `tsx scripts/retrieval-eval.ts --pool unseen|laws|<dir> [--failures] [--dump F]` (the pool's index, built by `npm run eval -- --pool …`)
 *
 * Retrieval only, without the answerer: for each answerable question, where the
 * first passage of vanban's retriever lies, against plain BM25 over the same
 * chunks (src/eval/bm25.ts, the question as typed) and MiniSearch with default
 * settings (the eval's baselines). Prints
 * hit@1, hit@5 and MRR (over the first 10) per question set.
 *
 * Gold: a case's `expect.sources` (document level). A case with `articles`
 * ([[source, "29"], …], as the laws pool writes statements) is scored at article
 * level: a chunk hits when it starts in one of those articles ("Điều 29." lines
 * in its document). "passage" scores, where some gold chunk writes an expected
 * answer phrase, whether the chunk ranked is one that does. Sets default to
 * data/eval/*.jsonl.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { lawCases } from '../src/eval/laws-run.js';
import { resolvePool, type Pool } from '../src/eval/pools.js';
import { percentile } from '../src/eval/score.js';
import { PlainBm25 } from '../src/eval/bm25.js';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { Retriever, type CandidateTrace } from '../src/retrieval/retriever.js';
import { loadCorpusIndex } from '../src/store/load-index.js';
import { foldedSyllables } from '../src/text/tokens.js';
import type { Chunk, HistoryTurn } from '../src/types.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'data' },
    /** A pool of src/eval/pools.ts: its index directory and its questions (the laws pool's statements, scored by article). */
    pool: { type: 'string' },
    set: { type: 'string', multiple: true },
    failures: { type: 'boolean', default: false },
    /** With --failures: the signals of the top candidate and of the best gold one. */
    explain: { type: 'boolean', default: false },
    /** Writes every question's reranked candidates, their signals and whether each is gold (JSONL), for fitting. */
    dump: { type: 'string' },
  },
});

interface Case {
  id: string;
  question: string;
  history?: HistoryTurn[];
  expect: { sources?: string[]; answer_contains?: string[]; noanswer?: boolean };
  articles?: Array<[string, string]>;
}

const pool = values.pool ? await resolvePool(values.pool, values.dir!) : undefined;
const dir = pool?.dataDir ?? values.dir!;
/** The laws pool's statements as cases scored by article, written where the set files are read from. */
function lawSet(p: Pool): string {
  const file = join(p.dataDir, 'statements.jsonl');
  const cases = lawCases(p.statements!, (id) => p.lawFiles!.get(id) ?? id).map((c): Case => {
    const articles = [...c.gold].map((key) => key.split('#') as [string, string]);
    return { id: c.id, question: c.question, expect: { sources: [...new Set(articles.map(([s]) => s))] }, articles };
  });
  writeFileSync(file, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
  return file;
}
const sets = values.set?.length
  ? values.set
  : pool
    ? pool.kind === 'laws'
      ? [lawSet(pool)]
      : pool.sets
    : readdirSync(join('data', 'eval')).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join('data', 'eval', f));
const embeddings = new LocalHashEmbeddings();
const loaded = await loadCorpusIndex(dir, embeddings);
if (!loaded) throw new Error(`no index under ${dir}: run DATA_DIR=${dir} npm run ingest`);
const { chunks } = loaded.index;
const retriever = new Retriever(loaded.index, embeddings);

/** The article each chunk starts in ("Điều 29." opening a line), reading a document's chunks in order (as src/eval/laws-run.ts scores). */
function articlesOfChunks(list: Chunk[]): Array<string | undefined> {
  let current: string | undefined;
  let doc = '';
  return list.map((chunk) => {
    if (chunk.docId !== doc) [doc, current] = [chunk.docId, undefined];
    const lines = chunk.text.split('\n');
    const starts = /^Điều\s+(\d+[a-zđ]?)\s*\./u.exec(lines[0]!.trim())?.[1] ?? current;
    for (const line of lines) current = /^Điều\s+(\d+[a-zđ]?)\s*\./u.exec(line.trim())?.[1] ?? current;
    return starts;
  });
}
const chunkArticles = articlesOfChunks(chunks);

const plain = new PlainBm25(chunks.map((c) => c.text));
const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
mini.addAll(chunks.map((c, id) => ({ id, text: c.text })));

type Ranker = (c: Case) => Promise<number[]>;
let traced: CandidateTrace[] = [];
const chunkAt = new Map(chunks.map((c, i) => [c, i]));
const rankers: Record<string, Ranker> = {
  vanban: async (c) => (await retriever.retrieve(analyzeQuery(c.question, c.history, retriever.knows), { limit: 10, trace: (t) => (traced = t) })).map((p) => chunkAt.get(p.chunk)!),
  bm25: async (c) => plain.search(c.question, 10).map((h) => h.index),
  minisearch: async (c) => mini.search(c.question).slice(0, 10).map((h) => h.id as number),
};

function hits(c: Case, chunk: number): boolean {
  const source = chunks[chunk]!.source;
  if (c.articles) return c.articles.some(([s, a]) => s === source && chunkArticles[chunk] === a);
  return c.expect.sources!.includes(source);
}

const foldedTexts = chunks.map((c) => ` ${foldedSyllables(c.text).join(' ')} `);
const phrasesOf = (c: Case) => (c.expect.answer_contains ?? []).map((p) => ` ${foldedSyllables(p).join(' ')} `).filter((p) => p.trim());

/** Passage level: the chunk is of a gold source and writes one of the expected answer phrases. */
function holdsAnswer(c: Case, chunk: number): boolean {
  return hits(c, chunk) && phrasesOf(c).some((p) => foldedTexts[chunk]!.includes(p));
}

/** Cases whose answer phrase some gold chunk writes (the others cannot be scored at passage level). */
const answerable = (c: Case) => !c.articles && chunks.some((_, i) => holdsAnswer(c, i));

const readCases = async (file: string): Promise<Case[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case)
    .filter((c) => !c.expect.noanswer);

const rows: string[] = [];
const dumped: string[] | undefined = values.dump ? [] : undefined;
type Score = { n: number; h1: number; h5: number; rr: number; ms: number[]; pn: number; p1: number; p5: number };
const totals = new Map<string, Score>();
for (const file of sets) {
  if (!existsSync(file)) throw new Error(`no question set ${file}`);
  const cases = await readCases(file);
  for (const [name, rank] of Object.entries(rankers)) {
    const s: Score = { n: 0, h1: 0, h5: 0, rr: 0, ms: [], pn: 0, p1: 0, p5: 0 };
    const misses: string[] = [];
    for (const c of cases) {
      const started = performance.now();
      const ranked = await rank(c);
      s.ms.push(performance.now() - started);
      const at = ranked.findIndex((i) => hits(c, i));
      if (dumped && name === 'vanban') dumped.push(JSON.stringify({ set: basename(file, '.jsonl'), id: c.id, candidates: traced.map((t) => ({ ...t, gold: hits(c, t.index), passage: holdsAnswer(c, t.index) })) }));
      s.n++;
      if (at === 0) s.h1++;
      else if (name !== 'vanban') misses.push(`  ✗ ${c.id} @${at < 0 ? '-' : at + 1}`);
      else {
        misses.push(`  ✗ ${c.id} @${at < 0 ? '-' : at + 1} → ${ranked[0] === undefined ? 'nothing' : chunks[ranked[0]]!.id} ${c.question.slice(0, 110)}`);
        if (values.explain) {
          const show = (t: CandidateTrace | undefined, label: string) =>
            t && misses.push(`      ${label} ${chunks[t.index]!.id} score ${t.score.toFixed(3)} lex ${t.lexical.toFixed(2)} dense ${t.dense.toFixed(2)} fused ${t.fused.toFixed(2)} sent ${t.sentence.toFixed(2)} ${JSON.stringify(Object.fromEntries(Object.entries(t.boosts).filter(([, v]) => v)))}`);
          show(traced[0], 'top ');
          show(traced.find((t) => hits(c, t.index)), 'gold');
        }
      }
      if (at >= 0 && at < 5) s.h5++;
      if (at >= 0) s.rr += 1 / (at + 1);
      if (answerable(c)) {
        const passage = ranked.findIndex((i) => holdsAnswer(c, i));
        s.pn++;
        if (passage === 0) s.p1++;
        if (passage >= 0 && passage < 5) s.p5++;
      }
    }
    const t = totals.get(name) ?? { n: 0, h1: 0, h5: 0, rr: 0, ms: [], pn: 0, p1: 0, p5: 0 };
    totals.set(name, { n: t.n + s.n, h1: t.h1 + s.h1, h5: t.h5 + s.h5, rr: t.rr + s.rr, ms: [...t.ms, ...s.ms], pn: t.pn + s.pn, p1: t.p1 + s.p1, p5: t.p5 + s.p5 });
    rows.push(format(basename(file, '.jsonl'), name, s));
    if (values.failures) rows.push(...(name === 'vanban' ? misses : [misses.join(' ')]));
  }
}
function format(set: string, name: string, s: Score): string {
  const pct = (x: number, n = s.n) => `${((100 * x) / Math.max(1, n)).toFixed(1)}%`.padStart(7);
  const passage = s.pn ? `  passage (n ${s.pn}) @1 ${pct(s.p1, s.pn)} @5 ${pct(s.p5, s.pn)}` : '';
  return `${set.padEnd(16)} ${name.padEnd(11)} n ${String(s.n).padStart(4)}  hit@1 ${pct(s.h1)}  hit@5 ${pct(s.h5)}  MRR ${(s.rr / Math.max(1, s.n)).toFixed(3)}${passage}  p50 ${percentile(s.ms, 50).toFixed(1)} ms`;
}
console.log(rows.join('\n'));
if (dumped) writeFileSync(values.dump!, `${dumped.join('\n')}\n`);
if (sets.length > 1) for (const [name, s] of totals) console.log(format('all', name, s));
