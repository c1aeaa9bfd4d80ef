/**
 * Index files on disk. Each build goes to its own directory; a one-line
 * CURRENT file names the live one and is replaced by rename, so a reader never
 * sees a half-written index and a crash mid-build leaves the old one serving.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk, DocumentMeta } from '../types.js';
import { HEAD_SIZE, LexicalIndex, type PostingSource, type SerializedLexicalIndex } from '../retrieval/lexical-index.js';
import { readTextStore } from './text-store.js';

/**
 * 5: heads of long BM25 posting lists precomputed in lexical-heads.bin (a format 4 build computes them on first use);
 * 3: documents and chunks in texts.bin + chunks.bin + chunks.json, texts read on demand (text-store.ts),
 * and known-words.json; 2: BM25 postings in lexical.bin (Int32) beside a small lexical.json; 1 read the postings from JSON.
 */
export const INDEX_FORMAT = 5;

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
  /** OCR documents: the whole text as restored, line for line with `text`. */
  reading?: string;
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
  /** Syllables of the clean chunks, computed at build (format 3+); see CorpusIndex.knownWords. */
  knownWords?: string[];
}

/**
 * readIndexData for serving: the same, except that BM25 postings (format 2+) are
 * opened for reading on demand (openLexical) instead of read whole.
 */
export async function openIndexData(buildDir: string): Promise<Omit<IndexData, 'lexical'> & { lexical: SerializedLexicalIndex | LexicalIndex }> {
  const manifest = JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format < 3) return readIndexData(buildDir);
  const [store, lexical, knownWords] = await Promise.all([readTextStore(buildDir), openLexical(buildDir), readFile(join(buildDir, 'known-words.json'), 'utf8').then((t) => JSON.parse(t) as string[])]);
  return { manifest, ...store, lexical, knownWords };
}

export async function readIndexData(buildDir: string): Promise<IndexData> {
  const read = async <T>(name: string) => JSON.parse(await readFile(join(buildDir, name), 'utf8')) as T;
  const manifest = await read<Manifest>('manifest.json');
  if (manifest.format < 3) {
    const [documents, chunks, lexical] = await Promise.all([read<StoredDocument[]>('documents.json'), read<Chunk[]>('chunks.json'), readLexical(buildDir)]);
    return { manifest, documents, chunks, lexical };
  }
  const [store, lexical, knownWords] = await Promise.all([readTextStore(buildDir), readLexical(buildDir), read<string[]>('known-words.json')]);
  return { manifest, ...store, lexical, knownWords };
}

/**
 * The BM25 index as two files: lexical.json holds k1, b and the terms in
 * order; lexical.bin holds Int32 [documents, terms, docLengths…, offsets
 * (terms + 1)…, flat postings…]. Parsing hundreds of MB of number arrays from
 * JSON was most of the load time on large corpora; a typed view is free.
 */
export async function writeLexical(buildDir: string, data: SerializedLexicalIndex): Promise<void> {
  const terms = Object.keys(data.postings);
  let total = 0;
  for (const term of terms) total += data.postings[term]!.length;
  const header = 2 + data.docLengths.length + terms.length + 1;
  const bin = new Int32Array(header + total);
  bin[0] = data.docLengths.length;
  bin[1] = terms.length;
  bin.set(data.docLengths, 2);
  let offset = 0;
  let at = 2 + data.docLengths.length;
  for (const term of terms) {
    bin[at++] = offset;
    bin.set(data.postings[term]!, header + offset);
    offset += data.postings[term]!.length;
  }
  bin[at] = offset;
  await writeFile(join(buildDir, 'lexical.bin'), new Uint8Array(bin.buffer));
  await writeJson(join(buildDir, 'lexical.json'), { k1: data.k1, b: data.b, terms });
  await writeLexicalHeads(buildDir, terms, data);
}

/**
 * lexical-heads.bin (format 5): Int32 [head size, count, term numbers (count)…,
 * offsets (count + 1)…, flat heads…], the heads LexicalIndex would select on
 * first use (term numbers index lexical.json's terms).
 */
async function writeLexicalHeads(buildDir: string, terms: string[], data: SerializedLexicalIndex): Promise<void> {
  const size = HEAD_SIZE;
  const heads = LexicalIndex.fromJSON(data).headsOf(size);
  const numbered = terms.map((term, i) => [i, heads[term]] as const).filter((e): e is readonly [number, Int32Array] => e[1] !== undefined);
  const header = 2 + numbered.length + numbered.length + 1;
  const bin = new Int32Array(header + numbered.reduce((n, [, head]) => n + head.length, 0));
  bin[0] = size;
  bin[1] = numbered.length;
  let offset = 0;
  numbered.forEach(([term, head], k) => {
    bin[2 + k] = term;
    bin[2 + numbered.length + k] = offset;
    bin.set(head, header + offset);
    offset += head.length;
  });
  bin[2 + 2 * numbered.length] = offset;
  await writeFile(join(buildDir, 'lexical-heads.bin'), new Uint8Array(bin.buffer));
}

async function readLexicalHeads(buildDir: string, terms: string[]): Promise<SerializedLexicalIndex['heads']> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(buildDir, 'lexical-heads.bin'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // format 4: heads are computed on first use
    throw error;
  }
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < 12) throw new Error(`lexical-heads.bin is damaged (${bytes.byteLength} bytes)`);
  const bin = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const count = bin[1]!;
  const header = 2 + 2 * count + 1;
  if (count < 0 || header > bin.length || header + bin[header - 1]! !== bin.length) throw new Error('lexical-heads.bin does not match its header (damaged or another format)');
  const lists: Record<string, Int32Array> = Object.create(null);
  for (let k = 0; k < count; k++) {
    const term = terms[bin[2 + k]!];
    if (term === undefined) throw new Error(`lexical-heads.bin names term ${bin[2 + k]} of ${terms.length} (damaged or from another build)`);
    lists[term] = bin.subarray(header + bin[2 + count + k]!, header + bin[2 + count + k + 1]!);
  }
  return { size: bin[0]!, lists };
}

export async function readLexical(buildDir: string): Promise<SerializedLexicalIndex> {
  const meta = JSON.parse(await readFile(join(buildDir, 'lexical.json'), 'utf8')) as SerializedLexicalIndex & { terms?: string[] };
  if (!meta.terms) return meta; // format 1: postings inline
  const bytes = await readFile(join(buildDir, 'lexical.bin'));
  const bin = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const docs = bin[0]!;
  const count = bin[1]!;
  const docLengths = Array.from(bin.subarray(2, 2 + docs));
  const offsets = 2 + docs;
  const header = offsets + count + 1;
  const postings: Record<string, Int32Array> = Object.create(null);
  for (let i = 0; i < count; i++) postings[meta.terms[i]!] = bin.subarray(header + bin[offsets + i]!, header + bin[offsets + i + 1]!);
  const heads = await readLexicalHeads(buildDir, meta.terms);
  return { k1: meta.k1, b: meta.b, docLengths, postings, ...(heads ? { heads } : {}) };
}

const closeOnCollect = new FinalizationRegistry<number[]>((fds) => {
  for (const fd of fds) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
});

/** `count` Int32 values of an open file from byte `position`. */
function readInts(fd: number, position: number, count: number, what: string): Int32Array {
  const ints = new Int32Array(count);
  const bytes = new Uint8Array(ints.buffer);
  let read = 0;
  while (read < bytes.length) {
    const n = readSync(fd, bytes, read, bytes.length - read, position + read);
    if (n === 0) throw new Error(`${what} is shorter than its header says (damaged or another format)`);
    read += n;
  }
  return ints;
}

/** Posting lists kept in memory once read, in postings (8 bytes each: 64 MB), first read first dropped. */
const POSTINGS_CACHED = 8_000_000;

/**
 * Lists of lexical.bin (and heads of lexical-heads.bin) read by offset on
 * first use; only the headers are read at open. Reading the whole file was
 * most of the index load time on a 1000× corpus (290 MB with the heads).
 */
class PostingFile implements PostingSource {
  private readonly cache = new Map<string, Int32Array>();
  private cached = 0;
  private readonly headCache = new Map<string, Int32Array>();

  constructor(
    private readonly fd: number,
    private readonly names: string[],
    private readonly numbers: Map<string, number>,
    /** Offsets (in Int32 values, from `base`) of each term's list, terms + 1. */
    private readonly offsets: Int32Array,
    private readonly base: number,
    private readonly heads?: { fd: number; size: number; numbers: Map<number, number>; offsets: Int32Array; base: number },
  ) {}

  terms(): string[] {
    return this.names;
  }

  length(term: string): number {
    const i = this.numbers.get(term);
    return i === undefined ? 0 : this.offsets[i + 1]! - this.offsets[i]!;
  }

  list(term: string): Int32Array | undefined {
    const i = this.numbers.get(term);
    if (i === undefined) return undefined;
    let list = this.cache.get(term);
    if (list) return list;
    list = readInts(this.fd, 4 * (this.base + this.offsets[i]!), this.offsets[i + 1]! - this.offsets[i]!, 'lexical.bin');
    for (const [old, entry] of this.cache) {
      if (this.cached + list.length <= 2 * POSTINGS_CACHED) break;
      this.cache.delete(old);
      this.cached -= entry.length;
    }
    this.cache.set(term, list);
    this.cached += list.length;
    return list;
  }

  head(term: string, size: number): Int32Array | undefined {
    const heads = this.heads;
    const i = this.numbers.get(term);
    if (!heads || heads.size !== size || i === undefined) return undefined;
    const k = heads.numbers.get(i);
    if (k === undefined) return undefined;
    let head = this.headCache.get(term);
    if (!head) this.headCache.set(term, (head = readInts(heads.fd, 4 * (heads.base + heads.offsets[k]!), heads.offsets[k + 1]! - heads.offsets[k]!, 'lexical-heads.bin')));
    return head;
  }
}

/** The BM25 index of a build (format 2+), its postings and heads read on demand; see PostingFile. */
export async function openLexical(buildDir: string): Promise<LexicalIndex> {
  const meta = JSON.parse(await readFile(join(buildDir, 'lexical.json'), 'utf8')) as { k1: number; b: number; terms?: string[] };
  if (!meta.terms) return LexicalIndex.fromJSON(await readLexical(buildDir)); // format 1: postings inline
  const terms = meta.terms;
  const fd = openSync(join(buildDir, 'lexical.bin'), 'r');
  const fds = [fd];
  try {
    const [docs, count] = readInts(fd, 0, 2, 'lexical.bin');
    if (count !== terms.length || docs! < 0) throw new Error('lexical.bin does not match lexical.json (damaged or from another build)');
    const header = readInts(fd, 8, docs! + count + 1, 'lexical.bin');
    const docLengths = Array.from(header.subarray(0, docs));
    const offsets = header.subarray(docs);
    const numbers = new Map(terms.map((term, i) => [term, i]));
    let heads: ConstructorParameters<typeof PostingFile>[5];
    let headFd: number | undefined;
    try {
      headFd = openSync(join(buildDir, 'lexical-heads.bin'), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // format 4: heads are computed on first use
    }
    if (headFd !== undefined) {
      fds.push(headFd);
      const [size, headCount] = readInts(headFd, 0, 2, 'lexical-heads.bin');
      if (headCount! < 0 || headCount! > count) throw new Error('lexical-heads.bin does not match its header (damaged or another format)');
      const table = readInts(headFd, 8, 2 * headCount! + 1, 'lexical-heads.bin');
      const headNumbers = new Map<number, number>();
      for (let k = 0; k < headCount!; k++) {
        const term = table[k]!;
        if (term < 0 || term >= count) throw new Error(`lexical-heads.bin names term ${term} of ${count} (damaged or from another build)`);
        headNumbers.set(term, k);
      }
      heads = { fd: headFd, size: size!, numbers: headNumbers, offsets: table.subarray(headCount), base: 2 + 2 * headCount! + 1 };
    }
    const file = new PostingFile(fd, terms, numbers, offsets, 2 + docs! + count + 1, heads);
    const index = LexicalIndex.fromSource({ k1: meta.k1, b: meta.b, docLengths }, file);
    // Close the files once nothing can read them any more (the index was swapped out).
    closeOnCollect.register(file, fds);
    return index;
  } catch (error) {
    for (const f of fds) closeSync(f);
    throw error;
  }
}
