/**
 * Fits how much evidence the reader needs to change a scanned word that is already a Vietnamese
 * syllable (KeepCosts: a plain word, and a capitalised one inside a sentence, a name), per damage
 * level, on the OCR pairs (default ../shared/ocr-pairs), and writes data/lexicon/reading-calibration.json.
 *
 *   npx tsx scripts/calibrate-reading.ts [dir]
 *
 * The objective counts a syllable the OCR got right and the reading made wrong twice (a reading that
 * invents is worse than one that leaves a scan error): correct syllables after reading minus those made
 * wrong. Reported by leave-one-document-out cross-validation (each page read with the values fitted on
 * the other pages); the values written are those fitted on all pages.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NO_KEEP_COSTS, type KeepCosts } from '../src/text/reading.js';
import { READING_CALIBRATION_PATH, loadSyllableReader } from '../src/text/reading-model.js';
import { alignTokens } from './ocr-align.js';

const dir = resolve(process.argv[2] ?? '../shared/ocr-pairs');
const names = readdirSync(dir).filter((f) => f.endsWith('.clean.txt')).map((f) => f.slice(0, -'.clean.txt'.length)).sort();
const levels = [
  ['light', '.ocr.txt'],
  ['heavy', '.ocr-eng.txt'],
] as const;
const VALID = [0, 0.5, 1, 1.5, 2, 3, 4, 6];
const NAME_EXTRA = [0, 1, 2, 4, 8];
const { reader } = loadSyllableReader();

type Score = { clean: number; before: number; after: number; madeWrong: number };
const objective = (s: Score) => s.after - s.madeWrong;
const sum = (scores: Score[]) => scores.reduce((t, s) => ({ clean: t.clean + s.clean, before: t.before + s.before, after: t.after + s.after, madeWrong: t.madeWrong + s.madeWrong }), { clean: 0, before: 0, after: 0, madeWrong: 0 });
const format = (s: Score) => `${(s.before / s.clean).toFixed(3)} → ${(s.after / s.clean).toFixed(3)}, right made wrong ${((100 * s.madeWrong) / s.before).toFixed(2)}% (${s.madeWrong}/${s.before})`;

const fitted: KeepCosts = structuredClone(NO_KEEP_COSTS);
for (const [level, suffix] of levels) {
  const pages = names.map((name) => ({ name, clean: readFileSync(join(dir, `${name}.clean.txt`), 'utf8'), ocr: readFileSync(join(dir, name + suffix), 'utf8') }));
  // Every grid point's score on every page (the reader's candidate memo makes re-reading cheap).
  const grid: Array<{ valid: number; name: number; scores: Score[] }> = [];
  for (const valid of VALID) {
    for (const extra of NAME_EXTRA) {
      const keep = structuredClone(fitted);
      keep.valid[level] = valid;
      keep.name[level] = valid + extra;
      reader.keep = keep;
      grid.push({ valid, name: valid + extra, scores: pages.map((p) => alignTokens(p.clean, p.ocr, reader.read(p.ocr).text)) });
    }
  }
  const best = (skip: number) => grid.reduce((a, b) => (objective(sum(b.scores.filter((_, i) => i !== skip))) > objective(sum(a.scores.filter((_, i) => i !== skip))) ? b : a));
  const held = pages.map((page, i) => {
    const choice = best(i);
    console.log(`${level} ${page.name}: fitted on the others valid ${choice.valid}, name ${choice.name} → ${format(choice.scores[i]!)}`);
    return choice.scores[i]!;
  });
  const none = grid.find((g) => g.valid === 0 && g.name === 0)!;
  const all = best(-1);
  console.log(`${level}: without keep costs ${format(sum(none.scores))}`);
  console.log(`${level}: cross-validated       ${format(sum(held))}`);
  console.log(`${level}: fitted on all pages   ${format(sum(all.scores))} (valid ${all.valid}, name ${all.name})`);
  fitted.valid[level] = all.valid;
  fitted.name[level] = all.name;
}
writeFileSync(READING_CALIBRATION_PATH, `${JSON.stringify({ keep: fitted, fittedOn: `${names.length} pages of ${dir.split('/').slice(-1)[0]}` }, null, 2)}\n`);
console.log(`→ ${READING_CALIBRATION_PATH}`);
