/**
 * Synthetic corpora for benchmarks: new documents made by recombining real
 * top-level sections (I, II, III…) of the shipped documents, each with its own
 * document number, so the index grows the way a real corpus does (same
 * vocabulary, structure and OCR damage), not with lorem ipsum.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanText } from '../../ingest/clean.js';

const TOP_HEADING = /^[IVX]{1,4}\s*[.\-–]\s/;
const DOC_NUMBER = /(\d{1,4})(\s*-\s*\p{Lu}{1,4}\s*\/\s*\p{Lu}{2,10})/u;

/** A document cut at its top-level headings: [preamble, section I…, section II…, …]. */
export function topLevelBlocks(text: string): string[] {
  const blocks: string[][] = [[]];
  for (const line of cleanText(text).text.split('\n')) {
    if (TOP_HEADING.test(line)) blocks.push([]);
    blocks[blocks.length - 1]!.push(line);
  }
  return blocks.map((b) => b.join('\n'));
}

/** Deterministic PRNG (mulberry32), so a scale always yields the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Document `k` of a synthetic corpus: the preamble of one real document with
 * a new number, then for each position I, II, … that position's section from
 * a randomly chosen real document that has one.
 */
export function syntheticDocument(sources: string[][], k: number, next: () => number): string {
  const base = sources[k % sources.length]!;
  const preamble = base[0]!.replace(DOC_NUMBER, (_, _n, rest) => `${1000 + k}${rest}`);
  const parts = [preamble];
  const positions = Math.max(...sources.map((s) => s.length));
  for (let position = 1; position < positions; position++) {
    const candidates = sources.filter((s) => s.length > position);
    if (!candidates.length) break;
    parts.push(candidates[Math.floor(next() * candidates.length)]![position]!);
  }
  return parts.join('\n\n');
}

/** Writes `factor` × the shipped number of documents into `docsDir`; returns total characters. */
export async function writeSyntheticCorpus(texts: Array<{ source: string; text: string }>, factor: number, docsDir: string, seed = 42): Promise<{ files: number; chars: number }> {
  await mkdir(docsDir, { recursive: true });
  const sources = texts.map((t) => topLevelBlocks(t.text));
  const next = random(seed + factor);
  const count = texts.length * factor;
  let chars = 0;
  for (let k = 0; k < count; k++) {
    const text = syntheticDocument(sources, k, next);
    chars += text.length;
    await writeFile(join(docsDir, `synthetic-${String(k).padStart(5, '0')}.txt`), text);
  }
  return { files: count, chars };
}
