/**
 * Eval pools (DESIGN §4): a folder with `docs/` and `questions.jsonl`, evaluated in its
 * own index. Named pools: `home` (data/docs + data/eval), `unseen` (../shared/unseen),
 * `laws` (../shared/external/alqac-2023, written as documents at eval time).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { lawsToDocuments, type LawPassages, type LawStatement } from './laws.js';

export interface Pool {
  name: string;
  kind: 'questions' | 'laws';
  /** The DATA_DIR the pool's index lives in. */
  dataDir: string;
  /** Question sets (kind "questions"). */
  sets: string[];
  /** Statements (kind "laws"). */
  statements?: LawStatement[];
  /** Law id → document file name (kind "laws"). */
  lawFiles?: Map<string, string>;
}

const NAMED: Record<string, string> = {
  unseen: join('..', 'shared', 'unseen'),
  laws: join('..', 'shared', 'external', 'alqac-2023'),
};

/** Every .jsonl of a folder, dev.jsonl first. */
export function questionSets(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  return files.sort((a, b) => Number(b === 'dev.jsonl') - Number(a === 'dev.jsonl')).map((f) => join(dir, f));
}

/**
 * A pool's index lives in a directory of its own, stable per checkout and pool so an
 * unchanged corpus is not rebuilt (the index's own staleness check decides).
 */
function poolDataDir(name: string): string {
  const checkout = createHash('sha1').update(resolve('.')).digest('hex').slice(0, 10);
  return join(tmpdir(), 'vanban-pools', checkout, name);
}

/** Mirrors `files` into `dir` exactly: what is not listed is removed. */
async function mirror(dir: string, files: Array<{ name: string; write: (to: string) => Promise<void> }>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const wanted = new Set(files.map((f) => f.name));
  for (const name of await readdir(dir)) if (!wanted.has(name)) await rm(join(dir, name), { recursive: true, force: true });
  for (const f of files) await f.write(join(dir, f.name));
}


export async function resolvePool(spec: string, homeDataDir: string): Promise<Pool> {
  if (spec === 'home') return { name: 'home', kind: 'questions', dataDir: homeDataDir, sets: questionSets(join(homeDataDir, 'eval')) };
  const dir = NAMED[spec] ?? spec;
  if (!existsSync(dir)) throw new Error(`Không tìm thấy bộ đánh giá "${spec}" (${dir}).`);
  const name = NAMED[spec] ? spec : basename(resolve(dir));
  const dataDir = poolDataDir(name);
  const docsDir = join(dataDir, 'docs');

  if (existsSync(join(dir, 'legal_passages.json'))) {
    const passages = JSON.parse(await readFile(join(dir, 'legal_passages.json'), 'utf8')) as LawPassages[];
    const statements = JSON.parse(await readFile(join(dir, 'train.json'), 'utf8')) as LawStatement[];
    const documents = lawsToDocuments(passages);
    await mirror(docsDir, documents.map((d) => ({ name: d.fileName, write: (to) => writeFile(to, d.text) })));
    return { name, kind: 'laws', dataDir, sets: [], statements, lawFiles: new Map(documents.map((d) => [d.lawId, d.fileName])) };
  }

  const sources = join(dir, 'docs');
  const names = existsSync(sources) ? readdirSync(sources).sort() : [];
  if (!names.length || !existsSync(join(dir, 'questions.jsonl'))) throw new Error(`Bộ đánh giá "${spec}" cần thư mục docs/ và tệp questions.jsonl.`);
  // The corpus hash reads contents, so copying again never makes the index stale.
  await mirror(docsDir, names.map((n) => ({ name: n, write: (to) => copyFile(join(sources, n), to) })));
  return { name, kind: 'questions', dataDir, sets: [join(dir, 'questions.jsonl')] };
}
