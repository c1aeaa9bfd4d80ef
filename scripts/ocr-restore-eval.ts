/**
 * Measures OCR restoration on clean/OCR page pairs (default ../shared/ocr-pairs):
 * syllable accuracy (whitespace tokens aligned to the clean text) of the OCR
 * text and of its reading, and how often a syllable the OCR got right the
 * reading made wrong. Both damage levels: `.ocr.txt` (light), `.ocr-eng.txt` (heavy).
 *
 *   npx tsx scripts/ocr-restore-eval.ts [dir] [--show] [--corpus DIR]
 *
 * `--corpus DIR`: the reader also learns the clean documents of DIR, as an index build learns a
 * deployment's own clean documents (any named like a measured page are left out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { cleanText } from '../ingest/clean.js';
import { listCorpusFiles } from '../ingest/corpus.js';
import { loadFile } from '../ingest/load.js';
import { OCR_THRESHOLD, ocrQuality } from '../ingest/ocr-quality.js';
import { loadSyllableReader } from '../src/text/reading-model.js';
import { alignTokens } from './ocr-align.js';

const args = process.argv.slice(2);
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? args.splice(corpusAt, 2)[1] : undefined;
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/ocr-pairs');
const show = args.includes('--show');
const stem = (file: string) => basename(file).split('.')[0]!;
const measured = new Set(readdirSync(dir).map(stem));
const cleanTexts: string[] = [];
for (const file of corpus ? await listCorpusFiles([corpus]) : []) {
  if (measured.has(stem(file))) continue;
  const cleaned = cleanText((await loadFile(file)).text).text;
  if (ocrQuality(cleaned).score >= OCR_THRESHOLD) cleanTexts.push(cleaned);
}
if (corpus) console.log(`learned ${cleanTexts.length} clean documents of ${corpus}`);
const { reader } = loadSyllableReader(cleanTexts);

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
    if (show) for (const [c, o, r] of score.misses) console.log(`  ${o === c ? '!' : ' '} ${c} | ${o} → ${r}`);
  }
}
for (const [level, t] of totals) {
  console.log(`${level}: syllable accuracy ${(t.before / t.clean).toFixed(3)} → ${(t.after / t.clean).toFixed(3)}; right made wrong ${((100 * t.madeWrong) / Math.max(1, t.right)).toFixed(2)}% (${t.madeWrong}/${t.right}); ${t.clean} clean syllables`);
}
