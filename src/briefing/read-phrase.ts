/**
 * Scanned phrases as briefing questions see them: the same syllable reader that
 * gives answers their restored reading (src/text/reading.ts), so a question and
 * its answer read alike, plus how far the reading can be trusted to be shown.
 */
import { isVietnameseSyllable } from '../../ingest/ocr-quality.js';
import { fold } from '../text/fold.js';
import type { SyllableReader } from '../text/reading.js';

export interface ReadPhrase {
  /** The phrase with each word replaced by its reading. */
  text: string;
  /** Share of its words read as well-formed syllables (numbers, references and acronyms count as read; a lone letter does not). */
  known: number;
  /** Words no reading was supported for, and words with digits or glyphs among letters ("18i", "x&/mam"), lone letters. */
  unresolved: number;
  /** The longest run of read words (to name a clause whose whole reading cannot be shown). */
  phrase: string;
}

/** A scanned token that is neither a number, a reference nor a word: OCR put digits or glyphs among letters. */
const DEBRIS = /^(?=.*[\d&$€@/])(?=.*\p{Ll})[\p{L}\d&$€@/]+$/u;
/** What a question may show without a reading: numbers, references ("226-KL/TW", "1/2026"), acronyms ("UBND"). */
const AS_WRITTEN = /^(?:\d[\d.,/%-]*|[\p{Lu}\d]+(?:[-/.][\p{Lu}\d]+)+|\p{Lu}{2,})$/u;

export function readPhrase(reader: SyllableReader, text: string, level: number): ReadPhrase {
  const reading = reader.read(text, level);
  const scanned = text.normalize('NFC');
  let known = 0;
  let unresolved = 0;
  let run: number[] = [];
  let best: number[] = [];
  reading.words.forEach((word, i) => {
    // A lone letter is a scanned fragment ("T chức"), except a point's letter ("điểm a").
    const fragment = /^\p{L}$/u.test(word.read) && fold(reading.words[i - 1]?.read ?? '') !== 'diem';
    const readable = !word.uncertain && !fragment && (isVietnameseSyllable(word.read) || AS_WRITTEN.test(word.read));
    if (word.uncertain || fragment || DEBRIS.test(word.read)) unresolved++;
    // A phrase runs within one clause: quotes, brackets and stops between words end it.
    if (i > 0 && !/^[\s,]*$/.test(scanned.slice(reading.words[i - 1]!.end, word.start))) run = [];
    if (readable) {
      known++;
      run.push(i);
      if (run.length > best.length) best = run;
    } else run = [];
  });
  // The run's readings with the scan's own punctuation and spaces between them.
  const phrase = best.map((at, n) => (n ? scanned.slice(reading.words[at - 1]!.end, reading.words[at]!.start) : '') + reading.words[at]!.read).join('');
  return { text: reading.text, known: reading.words.length ? known / reading.words.length : 1, unresolved, phrase };
}
