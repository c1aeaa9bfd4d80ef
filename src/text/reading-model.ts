/**
 * Loads the reader of OCR-damaged text (Node only): the shipped syllable-pair
 * model and the Vietnamese syllable list of the hunspell dictionary (npm
 * `dictionary-vi`), and, for an index build, the clean documents of the corpus
 * being built: a province's own clean documents write the names of its districts
 * and bodies that its scans damage. A reading depends only on its text and the
 * reader's version (code, model and the clean texts learned), so it can be cached.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type KeepCosts, NO_KEEP_COSTS, READING_VERSION, SyllableReader } from './reading.js';
import { PROVINCE_NAMES } from './provinces.js';
import { SyllableModel, writtenPhrases } from './syllable-model.js';

export const SYLLABLE_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../data/lexicon/vi-syllable-model.tsv.gz');
/** How much a change of a word that is already a syllable must be supported (scripts/calibrate-reading.ts). */
export const READING_CALIBRATION_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../data/lexicon/reading-calibration.json');

function calibration(): { keep: KeepCosts; data: string } {
  try {
    const data = readFileSync(READING_CALIBRATION_PATH, 'utf8');
    return { keep: (JSON.parse(data) as { keep: KeepCosts }).keep, data };
  } catch {
    return { keep: NO_KEEP_COSTS, data: '' };
  }
}

/** The hunspell-vi word list: one syllable a line (its first line is the count). */
function hunspellSyllables(): string[] {
  // The package's entry reads both files with a top-level await; only the word list is needed.
  const entry = createRequire(import.meta.url).resolve('dictionary-vi');
  const dic = readFileSync(join(dirname(entry), 'index.dic'), 'utf8');
  return dic.split('\n').slice(1).map((line) => line.split('/')[0]!.trim()).filter(Boolean);
}

/**
 * How much a syllable or pair of the corpus's own clean text counts against the shipped model's: a name its
 * documents write a few times must outweigh a common phrase of the laws that looks the same without marks
 * ("Điện Biên" against "diễn biến").
 */
const CORPUS_WEIGHT = 20;

let shipped: { model: SyllableModel; inventory: string[]; data: Buffer; keep: KeepCosts; calibration: string } | undefined;
let reader: { reader: SyllableReader; version: string } | undefined;

function shippedModel(): NonNullable<typeof shipped> {
  if (!shipped) {
    const data = readFileSync(SYLLABLE_MODEL_PATH);
    const { keep, data: calibrated } = calibration();
    shipped = { model: SyllableModel.parse(data), inventory: hunspellSyllables(), data, keep, calibration: calibrated };
  }
  return shipped;
}

/**
 * The reader, and a version that changes with its code or its data (for caches of readings). With
 * `cleanTexts`, the reader has also learned them (the corpus being built); without, the shipped model alone.
 */
export function loadSyllableReader(cleanTexts: string[] = []): { reader: SyllableReader; version: string } {
  const { model, inventory, data, keep, calibration } = shippedModel();
  const hash = createHash('sha256').update(READING_VERSION).update(data).update(calibration);
  if (!cleanTexts.length) {
    reader ??= { reader: new SyllableReader(model, inventory, keep), version: hash.digest('hex').slice(0, 16) };
    return reader;
  }
  for (const text of cleanTexts) hash.update('\u0000').update(text);
  return { reader: new SyllableReader(model.with(cleanTexts, CORPUS_WEIGHT), inventory, keep), version: hash.digest('hex').slice(0, 16) };
}

let names: string | undefined;

/**
 * The shipped model's phrases written with a capital (bodies, places, document types; see writtenPhrases)
 * and the provinces: what the header vocabulary knows before a corpus's own clean documents, whose common
 * words come from the corpus itself.
 */
export function shippedNames(): string {
  names ??= [...writtenPhrases(shippedModel().model).split('\n'), ...PROVINCE_NAMES].filter((line) => /\p{Lu}/u.test(line)).join('\n');
  return names;
}

