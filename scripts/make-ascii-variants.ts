/**
 * Adds accentless ("telex-less") variants to a question set: many cadres type
 * without diacritics, so a share of the questions is repeated folded, under
 * the same expectations, with the id suffix `-ascii`.
 *
 * Idempotent: existing `-ascii` cases are dropped and regenerated. The choice
 * of which cases get a variant is a stable hash of the id, so adding cases does
 * not reshuffle the others.
 *
 * Usage: `tsx scripts/make-ascii-variants.ts [file] [share]`
 * (default data/eval/questions.jsonl, share 0.25 of the resulting file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fold, hasDiacritics } from '../src/text/fold.js';
import type { EvalCase } from './check-eval-set.js';

export const ASCII_SUFFIX = '-ascii';

/** FNV-1a plus murmur3's finaliser: stable, and ids sharing a prefix still spread evenly. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The accentless form of a case: the question and the user's own turns are folded. */
export function asciiVariant(c: EvalCase): EvalCase {
  const history = c.history?.map((t) => (t.role === 'user' ? { ...t, content: fold(t.content) } : t));
  return { id: `${c.id}${ASCII_SUFFIX}`, question: fold(c.question), ...(history ? { history } : {}), expect: c.expect };
}

/**
 * Returns the cases with variants inserted after their originals, so that
 * variants make up about `share` of the result.
 */
export function withAsciiVariants(cases: EvalCase[], share: number): EvalCase[] {
  const base = cases.filter((c) => !c.id.endsWith(ASCII_SUFFIX));
  const candidates = base.filter((c) => hasDiacritics(c.question));
  const wanted = Math.min(candidates.length, Math.round((share * base.length) / (1 - share)));
  const chosen = new Set(
    [...candidates]
      .sort((a, b) => hash(a.id) - hash(b.id) || a.id.localeCompare(b.id))
      .slice(0, wanted)
      .map((c) => c.id),
  );
  return base.flatMap((c) => (chosen.has(c.id) ? [c, asciiVariant(c)] : [c]));
}

function main(): void {
  const file = resolve(process.argv[2] ?? 'data/eval/questions.jsonl');
  const share = Number(process.argv[3] ?? 0.25);
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);
  const out = withAsciiVariants(cases, share);
  writeFileSync(file, out.map((c) => JSON.stringify(c)).join('\n') + '\n');
  const variants = out.filter((c) => c.id.endsWith(ASCII_SUFFIX)).length;
  console.log(`${file}: ${out.length} cases, ${variants} accentless variants`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
