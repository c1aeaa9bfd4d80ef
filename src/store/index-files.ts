/**
 * Index files on disk. Each build goes to its own directory; a one-line
 * CURRENT file names the live one and is replaced by rename, so a reader never
 * sees a half-written index and a crash mid-build leaves the old one serving.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk, DocumentMeta } from '../types.js';
import type { SerializedLexicalIndex } from '../retrieval/lexical-index.js';

export const INDEX_FORMAT = 1;

export interface Manifest {
  format: number;
  embedder: { id: string; dimensions: number };
  /** Hash of the corpus files and the pipeline version: a change means rebuild. */
  corpusHash: string;
  builtAt: string;
  documents: number;
  chunks: number;
  buildMs: number;
}

export interface StoredDocument {
  meta: DocumentMeta;
  text: string;
}

export interface IndexPaths {
  root: string;
  build: string;
}

export const indexRoot = (dataDir: string) => join(dataDir, 'index');

/** Directory of the live build, or undefined when there is none. */
export async function currentBuild(dataDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(join(indexRoot(dataDir), 'CURRENT'), 'utf8')).trim();
    return name ? join(indexRoot(dataDir), 'builds', name) : undefined;
  } catch {
    return undefined;
  }
}

export async function readManifest(buildDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** A fresh, private directory for a new build. */
export async function newBuildDir(dataDir: string): Promise<{ name: string; dir: string }> {
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const dir = join(indexRoot(dataDir), 'builds', name);
  await mkdir(dir, { recursive: true });
  return { name, dir };
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(value));
}

/** Atomically points CURRENT at a finished build, then prunes all but the previous one. */
export async function publishBuild(dataDir: string, name: string): Promise<void> {
  const root = indexRoot(dataDir);
  const previous = (await currentBuild(dataDir))?.split('/').pop();
  const tmp = join(root, `CURRENT.${process.pid}.tmp`);
  await writeFile(tmp, name);
  await rename(tmp, join(root, 'CURRENT'));
  const keep = new Set([name, previous]);
  for (const entry of await readdir(join(root, 'builds'))) {
    if (keep.has(entry) || (await inProgress(join(root, 'builds', entry)))) continue;
    await rm(join(root, 'builds', entry), { recursive: true, force: true });
  }
}

/** A recent build without a manifest may be another process still writing: leave it (a crashed one ages out). */
async function inProgress(dir: string): Promise<boolean> {
  try {
    await stat(join(dir, 'manifest.json'));
    return false;
  } catch {
    const info = await stat(dir).catch(() => undefined);
    return Boolean(info && Date.now() - info.mtimeMs < STALE_BUILD_MS);
  }
}

const STALE_BUILD_MS = 10 * 60_000;

export interface IndexData {
  manifest: Manifest;
  documents: StoredDocument[];
  chunks: Chunk[];
  lexical: SerializedLexicalIndex;
}

export async function readIndexData(buildDir: string): Promise<IndexData> {
  const read = async <T>(name: string) => JSON.parse(await readFile(join(buildDir, name), 'utf8')) as T;
  const [manifest, documents, chunks, lexical] = await Promise.all([
    read<Manifest>('manifest.json'),
    read<StoredDocument[]>('documents.json'),
    read<Chunk[]>('chunks.json'),
    read<SerializedLexicalIndex>('lexical.json'),
  ]);
  return { manifest, documents, chunks, lexical };
}
