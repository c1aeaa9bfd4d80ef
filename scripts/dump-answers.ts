/**
 * `tsx scripts/dump-answers.ts [--dir DATA_DIR] [--out FILE] [--head-size N] [set.jsonl …]`:
 * asks every question of the sets (default: every data/eval/*.jsonl) against a
 * built index (default: the shipped corpus, built into a temp dir) and writes
 * one JSON line per question with the answer, citations and the top passages.
 * Diff two dumps to check that a performance change leaves answers unchanged.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex } from '../ingest/build-index.js';
import { Assistant } from '../src/answer/assistant.js';
import { readQuestionSet } from '../src/eval/questions.js';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { Retriever } from '../src/retrieval/retriever.js';
import { loadCorpusIndex } from '../src/store/load-index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' }, out: { type: 'string', default: 'answers.jsonl' }, 'head-size': { type: 'string' } } });
const ROOT = join(import.meta.dirname, '..');
const embeddings = new LocalHashEmbeddings();
let dir = values.dir;
let temp: string | undefined;
if (!dir) {
  dir = temp = mkdtempSync(join(tmpdir(), 'vanban-dump-'));
  cpSync(join(ROOT, 'data', 'docs'), join(dir, 'docs'), { recursive: true });
  await buildIndex({ dataDir: dir, embeddings, cacheDir: false });
}
const loaded = await loadCorpusIndex(dir, embeddings);
if (!loaded) throw new Error('no index');
// `--head-size N` (Infinity = exact BM25) compares the pruned scan with the exact one on a large corpus.
if (values['head-size']) (loaded.index.lexical as unknown as { headSize: number }).headSize = Number(values['head-size']);
const retriever = new Retriever(loaded.index, embeddings);
const assistant = new Assistant({ retriever: () => retriever });
const sets = positionals.length ? positionals : readdirSync(join(ROOT, 'data', 'eval')).filter((n) => n.endsWith('.jsonl')).sort().map((n) => join(ROOT, 'data', 'eval', n));
const lines: string[] = [];
for (const set of sets) {
  for (const c of await readQuestionSet(set)) {
    const prepared = await assistant.prepare({ question: c.question, history: c.history });
    const reply = await assistant.ask({ question: c.question, history: c.history });
    lines.push(
      JSON.stringify({
        id: c.id,
        answered: reply.answered,
        answer: reply.answer,
        citations: reply.citations,
        passages: prepared.passages.map((p) => [p.chunk.id, p.score]),
      }),
    );
  }
}
await writeFile(values.out!, lines.join('\n') + '\n');
console.log(`${lines.length} answers → ${values.out}`);
if (temp) rmSync(temp, { recursive: true, force: true });
