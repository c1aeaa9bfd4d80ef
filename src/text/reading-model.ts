/**
 * Loads the reader of OCR-damaged text (Node only): the shipped syllable-pair
 * model and the Vietnamese syllable list of the hunspell dictionary (npm
 * `dictionary-vi`). It does not learn the corpus being read, so a reading
 * depends only on its text and the reader's version, and can be cached.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { READING_VERSION, SyllableReader } from './reading.js';
import { SyllableModel } from './syllable-model.js';

export const SYLLABLE_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../data/lexicon/vi-syllable-model.tsv.gz');

/** The hunspell-vi word list: one syllable a line (its first line is the count). */
function hunspellSyllables(): string[] {
  // The package's entry reads both files with a top-level await; only the word list is needed.
  const entry = createRequire(import.meta.url).resolve('dictionary-vi');
  const dic = readFileSync(join(dirname(entry), 'index.dic'), 'utf8');
  return dic.split('\n').slice(1).map((line) => line.split('/')[0]!.trim()).filter(Boolean);
}

let reader: { reader: SyllableReader; version: string } | undefined;

/** The reader, and a version that changes with its code or its data (for caches of readings). */
export function loadSyllableReader(): { reader: SyllableReader; version: string } {
  if (!reader) {
    const data = readFileSync(SYLLABLE_MODEL_PATH);
    const version = createHash('sha256').update(READING_VERSION).update(data).digest('hex').slice(0, 16);
    reader = { reader: new SyllableReader(SyllableModel.parse(data), hunspellSyllables()), version };
  }
  return reader;
}
