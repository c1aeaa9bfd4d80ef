/**
 * Builds the shipped syllable-pair model (data/lexicon/vi-syllable-model.tsv.gz)
 * from clean Vietnamese text: documents given on the command line (files or
 * folders; OCR-damaged ones are skipped) and the statute laws of ALQAC.
 * `--exclude DIR` leaves out every document named like a file in DIR, so the
 * OCR pairs that measure restoration are never learned from.
 *
 *   npx tsx scripts/build-syllable-model.ts data/docs ../shared/unseen/docs --laws ../shared/external/alqac-2023 --exclude ../shared/ocr-pairs
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cleanText } from '../ingest/clean.js';
import { listCorpusFiles } from '../ingest/corpus.js';
import { loadFile } from '../ingest/load.js';
import { OCR_THRESHOLD, ocrQuality } from '../ingest/ocr-quality.js';
import { SyllableModel } from '../src/text/syllable-model.js';
import { SYLLABLE_MODEL_PATH } from '../src/text/reading-model.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const laws = option('--laws');
const exclude = option('--exclude');
const stem = (file: string) => basename(file).split('.')[0]!;
const excluded = new Set(exclude ? readdirSync(exclude).map(stem) : []);

const model = new SyllableModel();
for (const file of await listCorpusFiles(args)) {
  if (excluded.has(stem(file))) {
    console.log(`  skip (measured on): ${basename(file)}`);
    continue;
  }
  const { text } = await loadFile(file);
  const cleaned = cleanText(text).text;
  const { score } = ocrQuality(cleaned);
  if (score < OCR_THRESHOLD) {
    console.log(`  skip (OCR-damaged, ${score.toFixed(2)}): ${basename(file)}`);
    continue;
  }
  model.learn(cleaned);
  console.log(`  ${basename(file)} (${extname(file)})`);
}
if (laws) {
  const passages = JSON.parse(readFileSync(`${laws}/legal_passages.json`, 'utf8')) as Array<{ id: string; articles: Array<{ text: string }> }>;
  for (const law of passages) for (const article of law.articles) model.learn(article.text);
  console.log(`  ${passages.length} laws`);
}
writeFileSync(SYLLABLE_MODEL_PATH, gzipSync(model.serialize()));
console.log(`${model.unigrams.size} syllables, ${model.bigrams.size} pairs → ${SYLLABLE_MODEL_PATH}`);
