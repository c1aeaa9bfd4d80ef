/**
 * Loads the reader of OCR-damaged text (Node only): the shipped syllable-pair
 * model, the Vietnamese syllable list of the hunspell dictionary (npm
 * `dictionary-vi`), and the clean documents of the corpus being read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SyllableReader } from './reading.js';
import { SyllableModel } from './syllable-model.js';

export const SYLLABLE_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../data/lexicon/vi-syllable-model.tsv.gz');

/** The hunspell-vi word list: one syllable a line (its first line is the count). */
function hunspellSyllables(): string[] {
  // The package's entry reads both files with a top-level await; only the word list is needed.
  const entry = createRequire(import.meta.url).resolve('dictionary-vi');
  const dic = readFileSync(join(dirname(entry), 'index.dic'), 'utf8');
  return dic.split('\n').slice(1).map((line) => line.split('/')[0]!.trim()).filter(Boolean);
}

let shipped: SyllableModel | undefined;

/** A reader learned from the shipped model plus `cleanTexts` (the corpus's clean documents). */
export function loadSyllableReader(cleanTexts: string[] = []): SyllableReader {
  shipped ??= SyllableModel.parse(readFileSync(SYLLABLE_MODEL_PATH));
  const model = cleanTexts.length ? shipped.with(cleanTexts) : shipped;
  return new SyllableReader(model, hunspellSyllables());
}
