/**
 * Measures OCR restoration on clean/OCR page pairs (default ../shared/ocr-pairs):
 * syllable accuracy (whitespace tokens aligned to the clean text) of the OCR
 * text and of its reading, and how often a syllable the OCR got right the
 * reading made wrong. Both damage levels: `.ocr.txt` (light), `.ocr-eng.txt` (heavy).
 *
 *   npx tsx scripts/ocr-restore-eval.ts [dir] [--show]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSyllableReader } from '../src/text/reading-model.js';

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/ocr-pairs');
const show = args.includes('--show');
const { reader } = loadSyllableReader();

const names = readdirSync(dir).filter((f) => f.endsWith('.clean.txt')).map((f) => f.slice(0, -'.clean.txt'.length));
const levels = [
  ['light', '.ocr.txt'],
  ['heavy', '.ocr-eng.txt'],
] as const;
const totals = new Map<string, { clean: number; before: number; after: number; right: number; madeWrong: number }>();
for (const name of names) {
  const clean = readFileSync(join(dir, `${name}.clean.txt`), 'utf8');
  for (const [level, suffix] of levels) {
    let ocr: string;
    try {
      ocr = readFileSync(join(dir, name + suffix), 'utf8');
    } catch {
      continue;
    }
    const started = Date.now();
    const reading = reader.read(ocr).text;
    const ms = Date.now() - started;
    const score = alignTokens(clean, ocr, reading);
    const t = totals.get(level) ?? { clean: 0, before: 0, after: 0, right: 0, madeWrong: 0 };
    t.clean += score.clean;
    t.before += score.before;
    t.after += score.after;
    t.right += score.before;
    t.madeWrong += score.madeWrong;
    totals.set(level, t);
    console.log(`${level.padEnd(5)} ${(score.before / score.clean).toFixed(3)} → ${(score.after / score.clean).toFixed(3)}  made wrong ${score.madeWrong}/${score.before}  ${ms} ms  ${name}`);
    if (show) for (const [c, o, r] of score.misses) console.log(`    ${c} | ${o} → ${r}`);
  }
}
for (const [level, t] of totals) {
  console.log(`${level}: syllable accuracy ${(t.before / t.clean).toFixed(3)} → ${(t.after / t.clean).toFixed(3)}; right made wrong ${((100 * t.madeWrong) / Math.max(1, t.right)).toFixed(2)}% (${t.madeWrong}/${t.right}); ${t.clean} clean syllables`);
}

/**
 * Aligns the clean text's whitespace tokens with the OCR's (edit distance over tokens); the reading
 * has the OCR's tokens one for one. Counts clean tokens, those the OCR got right, those the reading
 * got right, and those the OCR got right that the reading made wrong.
 */
function alignTokens(cleanText: string, ocrText: string, readingText: string) {
  const clean = cleanText.normalize('NFC').split(/\s+/).filter(Boolean);
  const ocr = ocrText.normalize('NFC').split(/\s+/).filter(Boolean);
  const reading = readingText.normalize('NFC').split(/\s+/).filter(Boolean);
  if (reading.length !== ocr.length) throw new Error(`reading has ${reading.length} tokens, scan ${ocr.length}`);
  const n = clean.length;
  const m = ocr.length;
  const cost = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = 0; i <= n; i++) cost[i]![0] = i;
  for (let j = 0; j <= m; j++) cost[0]![j] = j;
  // Substituting a token for a damaged copy of it is cheaper than a gap: letters in common decide.
  const near = (a: string, b: string) => (a === b ? 0 : a.toLowerCase().replace(/[^a-z]/g, '')[0] === b.toLowerCase().replace(/[^a-z]/g, '')[0] ? 1 : 2);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      cost[i]![j] = Math.min(cost[i - 1]![j - 1]! + near(fold1(clean[i - 1]!), fold1(ocr[j - 1]!)), cost[i - 1]![j]! + 2, cost[i]![j - 1]! + 2);
    }
  }
  let before = 0;
  let after = 0;
  let madeWrong = 0;
  const misses: Array<[string, string, string]> = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const here = cost[i]![j]!;
    if (here === cost[i - 1]![j - 1]! + near(fold1(clean[i - 1]!), fold1(ocr[j - 1]!))) {
      const c = clean[i - 1]!;
      const ok = ocr[j - 1] === c;
      const good = reading[j - 1] === c;
      before += ok ? 1 : 0;
      after += good ? 1 : 0;
      if (ok && !good) madeWrong++;
      if (!good) misses.unshift([c, ocr[j - 1]!, reading[j - 1]!]);
      i--;
      j--;
    } else if (here === cost[i - 1]![j]! + 2) i--;
    else j--;
  }
  return { clean: n, before, after, madeWrong, misses };
}

function fold1(token: string): string {
  return token.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd');
}
