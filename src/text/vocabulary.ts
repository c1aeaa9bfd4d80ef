/**
 * Restores diacritics and casing of words from a vocabulary learned on clean
 * text: "TINH UY DIEN BIEN" → "Tỉnh ủy Điện Biên". Used for metadata read off
 * OCR-damaged or all-caps headers; quotes are never restored (they stay verbatim).
 */
import { fold, normalizeText } from './fold.js';

type Counts = Map<string, Map<string, number>>;

function bump(counts: Counts, key: string, surface: string): void {
  const forms = counts.get(key) ?? new Map<string, number>();
  forms.set(surface, (forms.get(surface) ?? 0) + 1);
  counts.set(key, forms);
}

const WORD = /[\p{L}]+/gu;

export class Vocabulary {
  private readonly unigrams: Counts = new Map();
  private readonly bigrams: Counts = new Map();

  /**
   * Learns surface forms from clean texts, after `prior`: phrases of clean Vietnamese known beforehand
   * (shippedNames: the shipped syllable model's), so headers are restored when the corpus itself is damaged.
   */
  static fromTexts(texts: string[], prior = ''): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const text of [prior, ...texts]) vocabulary.learn(text);
    return vocabulary;
  }

  private learn(text: string): void {
    for (const line of normalizeText(text).split(/[\n.,;:()]/)) {
      const words = line.match(WORD) ?? [];
      // All-caps words tell nothing about casing.
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        if (word.length > 1 && word === word.toUpperCase()) continue;
        bump(this.unigrams, fold(word), word);
        const previous = words[i - 1];
        if (previous && !(previous.length > 1 && previous === previous.toUpperCase())) {
          bump(this.bigrams, `${fold(previous)} ${fold(word)}`, `${previous} ${word}`);
        }
      }
    }
  }

  /** Restores each word from its best-attested form, preferring forms seen next to its neighbours. */
  restore(text: string): string {
    const words = [...text.normalize('NFC').matchAll(WORD)];
    const keys = words.map((m) => fold(m[0]));
    let out = '';
    let last = 0;
    words.forEach((m, i) => {
      const options: Array<[string, number]> = [];
      // Seen beside its neighbour beats seen alone; capitals in the input ask for a proper noun.
      const shouting = m[0].length > 1 && m[0] === m[0].toUpperCase();
      const weigh = (surface: string, count: number, context: number): [string, number] => [
        surface,
        count * context * (shouting && /^\p{Lu}/u.test(surface) ? 10 : 1),
      ];
      for (const [pair, side] of [[this.bigrams.get(`${keys[i - 1]} ${keys[i]}`), 1], [this.bigrams.get(`${keys[i]} ${keys[i + 1]}`), 0]] as const) {
        if ((side === 1 && i === 0) || (side === 0 && i + 1 >= keys.length)) continue;
        for (const [surface, count] of pair ?? []) options.push(weigh(surface.split(' ')[side]!, count, 100));
      }
      for (const [surface, count] of this.unigrams.get(keys[i]!) ?? []) options.push(weigh(surface, count, 1));
      options.sort((a, b) => b[1] - a[1]);
      let word = options[0]?.[0] ?? m[0];
      if (!options.length && m[0] === m[0].toUpperCase() && m[0].length > 1) word = m[0][0] + m[0].slice(1).toLowerCase();
      if (i === 0) word = word[0]!.toUpperCase() + word.slice(1);
      out += text.slice(last, m.index) + word;
      last = m.index! + m[0].length;
    });
    return out + text.slice(last);
  }
}
