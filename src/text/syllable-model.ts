/**
 * A syllable-pair language model of Vietnamese: how often each syllable and
 * each pair of neighbouring syllables occurs in clean text. Restoring OCR
 * damage asks it which of the readings a scanned word allows its context
 * supports. Counts are lowercase; numbers count as one token ("<n>"), so
 * "10 phút" teaches "<n> phút"; "<s>" marks a sentence start.
 */
import { gunzipSync } from 'node:zlib';
import { isVietnameseSyllable } from '../../ingest/ocr-quality.js';

export const NUMBER = '<n>';
export const START = '<s>';

/** A syllable as learned: lowercase, and whether it was written with a capital inside its sentence. */
export interface Learned {
  word: string;
  capital: boolean;
}

/**
 * The syllables of a text, sentence by sentence (clauses too: the neighbours across a
 * stop are not pairs): numbers and references ("10", "22-KH/TU") as NUMBER; acronyms and
 * codes as "" (no pair across them).
 */
export function syllableStream(text: string): Learned[][] {
  const sentences: Learned[][] = [];
  for (const line of text.normalize('NFC').split(/\n/)) {
    let current: Learned[] = [];
    for (const token of line.split(/\s+/)) {
      const core = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (!core) {
        if (current.length) sentences.push(current);
        current = [];
        continue;
      }
      const lower = core.toLowerCase();
      if (/^\d/.test(core)) current.push({ word: NUMBER, capital: false });
      else if (!/^\p{L}+$/u.test(core) || (core.length > 1 && core === core.toUpperCase() && !isVietnameseSyllable(core))) current.push({ word: '', capital: false });
      else current.push({ word: lower, capital: current.length > 0 && core !== lower });
      if (/[.;:!?()"“”]$/.test(token)) {
        sentences.push(current);
        current = [];
      }
    }
    if (current.length) sentences.push(current);
  }
  return sentences;
}

/** Each syllable of a text with the one before it in its sentence (START first): what learning counts. */
function* occurrences(text: string): Generator<{ previous: string; word: string; capital: boolean }> {
  for (const sentence of syllableStream(text)) {
    let previous = START;
    for (const { word, capital } of sentence) {
      if (!word) {
        previous = START;
        continue;
      }
      yield { previous, word, capital };
      previous = word;
    }
  }
}

export class SyllableModel {
  readonly unigrams = new Map<string, number>();
  readonly bigrams = new Map<string, number>();
  /** Occurrences inside a sentence written with a capital: of a syllable ("Đảng"), of a pair's second ("Ban Thường"). */
  readonly capitals = new Map<string, number>();
  /** Distinct followers of each syllable (Witten-Bell smoothing). */
  private readonly followers = new Map<string, number>();
  private total = 0;

  /** Adds clean text: every syllable and every pair of neighbours in a sentence. */
  learn(text: string, weight = 1): void {
    for (const { previous, word, capital } of occurrences(text)) {
      this.add(word, weight);
      this.addPair(previous, word, weight);
      if (capital) {
        this.addCapital(word, weight);
        this.addCapital(`${previous} ${word}`, weight);
      }
    }
  }

  /** Changes whenever a count does: callers may keep what they computed from the model while it stays. */
  version = 0;

  add(word: string, count: number): void {
    this.version++;
    this.unigrams.set(word, (this.unigrams.get(word) ?? 0) + count);
    this.total += count;
  }

  addPair(a: string, b: string, count: number): void {
    const key = `${a} ${b}`;
    this.version++;
    const had = this.bigrams.get(key);
    if (had === undefined) this.followers.set(a, (this.followers.get(a) ?? 0) + 1);
    this.bigrams.set(key, (had ?? 0) + count);
  }

  /** A copy that has also learned `texts`. */
  with(texts: string[], weight = 1): SyllableModel {
    const copy = new SyllableModel();
    for (const [word, n] of this.unigrams) copy.add(word, n);
    for (const [key, n] of this.bigrams) {
      const space = key.indexOf(' ');
      copy.addPair(key.slice(0, space), key.slice(space + 1), n);
    }
    for (const [key, n] of this.capitals) copy.addCapital(key, n);
    for (const text of texts) copy.learn(text, weight);
    return copy;
  }

  addCapital(key: string, count: number): void {
    this.capitals.set(key, (this.capitals.get(key) ?? 0) + count);
  }

  /**
   * Whether clean text writes `word` after `previous` with a capital inside a sentence ("Ban Thường vụ",
   * "Đảng ủy"): the pair decides when it was seen, else the syllable; undefined when neither was.
   */
  capitalized(previous: string, word: string): boolean | undefined {
    const pairs = this.pair(previous, word);
    if (pairs >= 2) return (this.capitals.get(`${previous} ${word}`) ?? 0) * 2 > pairs;
    const seen = this.count(word);
    if (seen >= 3) return (this.capitals.get(word) ?? 0) * 2 > seen;
    return undefined;
  }

  count(word: string): number {
    return this.unigrams.get(word) ?? 0;
  }

  pair(a: string, b: string): number {
    return this.bigrams.get(`${a} ${b}`) ?? 0;
  }

  /** -log P(word): add-one over the known syllables, so a listed but unseen syllable is rare, not impossible. */
  unigramCost(word: string): number {
    return -Math.log(((this.unigrams.get(word) ?? 0) + 0.5) / (this.total + 0.5 * this.unigrams.size));
  }

  /** -log P(word | previous), Witten-Bell interpolated with the unigram. */
  cost(previous: string, word: string): number {
    return this.costAfter(previous, this.history(previous), word, Math.exp(-this.unigramCost(word)));
  }

  /** What cost() needs of `previous` alone: a decoder weighing many pairs computes it once per syllable. */
  history(previous: string): { lambda: number; outgoing: number } | undefined {
    const kinds = this.followers.get(previous) ?? 0;
    if (!kinds) return undefined;
    const outgoing = previous === START ? this.startTotal() : this.unigrams.get(previous) ?? 0;
    return { lambda: outgoing / (outgoing + kinds), outgoing };
  }

  /** cost(previous, word) from history(previous) and P(word) (exp(-unigramCost(word))). */
  costAfter(previous: string, history: { lambda: number; outgoing: number } | undefined, word: string, probability: number): number {
    if (!history) return -Math.log(probability);
    const pairs = this.bigrams.get(`${previous} ${word}`) ?? 0;
    return -Math.log(history.lambda * (pairs / history.outgoing) + (1 - history.lambda) * probability);
  }

  /**
   * Runs `use` with `text` learned at `weight`, then forgets it exactly (every count it touched is put
   * back): a reader learns each scan's own words for that scan only, without copying the whole model.
   */
  learning<T>(text: string, weight: number, use: () => T): T {
    const saved = { unigrams: new Map<string, number | undefined>(), bigrams: new Map<string, number | undefined>(), capitals: new Map<string, number | undefined>(), followers: new Map<string, number | undefined>() };
    const remember = (map: Map<string, number>, into: Map<string, number | undefined>, key: string) => {
      if (!into.has(key)) into.set(key, map.get(key));
    };
    for (const { previous, word, capital } of occurrences(text)) {
      remember(this.unigrams, saved.unigrams, word);
      remember(this.bigrams, saved.bigrams, `${previous} ${word}`);
      remember(this.followers, saved.followers, previous);
      if (capital) {
        remember(this.capitals, saved.capitals, word);
        remember(this.capitals, saved.capitals, `${previous} ${word}`);
      }
    }
    const total = this.total;
    const starts = this.starts;
    this.learn(text, weight);
    this.starts = undefined;
    try {
      return use();
    } finally {
      const restore = (map: Map<string, number>, from: Map<string, number | undefined>) => {
        for (const [key, value] of from) value === undefined ? map.delete(key) : map.set(key, value);
      };
      restore(this.unigrams, saved.unigrams);
      restore(this.bigrams, saved.bigrams);
      restore(this.capitals, saved.capitals);
      restore(this.followers, saved.followers);
      this.total = total;
      this.starts = starts;
      this.version++;
    }
  }

  private starts?: number;
  private startTotal(): number {
    if (this.starts === undefined) {
      this.starts = 0;
      for (const [key, n] of this.bigrams) if (key.startsWith(`${START} `)) this.starts += n;
    }
    return Math.max(1, this.starts);
  }

  /** Tab-separated counts: syllables, pairs, then capitals ("^"-prefixed). */
  serialize(minPair = 1): Buffer {
    const lines: string[] = [];
    for (const [word, n] of [...this.unigrams].sort((a, b) => b[1] - a[1])) lines.push(`${word}\t${n}`);
    for (const [key, n] of [...this.bigrams].sort((a, b) => b[1] - a[1])) if (n >= minPair) lines.push(`${key}\t${n}`);
    for (const [key, n] of [...this.capitals].sort((a, b) => b[1] - a[1])) lines.push(`^${key}\t${n}`);
    return Buffer.from(lines.join('\n'));
  }

  static parse(data: Buffer | string): SyllableModel {
    const text = typeof data === 'string' ? data : (data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data).toString('utf8');
    const model = new SyllableModel();
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const key = line.slice(0, tab);
      const n = Number(line.slice(tab + 1));
      const space = key.indexOf(' ');
      if (key.startsWith('^')) model.addCapital(key.slice(1), n);
      else if (space < 0) model.add(key, n);
      else model.addPair(key.slice(0, space), key.slice(space + 1), n);
    }
    return model;
  }
}

/**
 * The model's syllables and pairs as clean text writes them, one phrase a line ("Ban Thường", "1 phút",
 * "tổ chức"): what the header vocabulary (Vocabulary) learns before a corpus's own clean
 * documents, so they work when a corpus has few. Each pair seen `minPair` times once (presence, not
 * frequency: the corpus's own documents decide between forms they write); a capital where clean text
 * writes one inside a sentence.
 */
export function writtenPhrases(model: SyllableModel, minPair = 2): string {
  const written = (word: string, capital: boolean) => (capital ? word[0]!.toUpperCase() + word.slice(1) : word);
  const capitalWord = (word: string) => (model.capitals.get(word) ?? 0) * 2 > model.count(word);
  const lines: string[] = [];
  const paired = new Set<string>();
  for (const [key, n] of model.bigrams) {
    if (n < minPair) continue;
    const space = key.indexOf(' ');
    const a = key.slice(0, space);
    const b = key.slice(space + 1);
    if (a === START || b === NUMBER) continue;
    const second = (model.capitals.get(key) ?? 0) * 2 > n;
    // Before a capital, a syllable clean text sometimes capitalises starts the name ("Điện Biên", not "của Luật").
    const first = capitalWord(a) || (second && (model.capitals.get(a) ?? 0) * 10 >= model.count(a));
    lines.push(`${a === NUMBER ? '1' : written(a, first)} ${written(b, second)}`);
    paired.add(a).add(b);
  }
  for (const [word, n] of model.unigrams) if (n >= minPair && !paired.has(word) && word !== NUMBER) lines.push(written(word, capitalWord(word)));
  return lines.join('\n');
}

