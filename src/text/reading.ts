/**
 * Readings of OCR-damaged Vietnamese: each scanned word replaced by the
 * syllable the scanner most likely damaged, chosen by a syllable-pair model of
 * clean Vietnamese (see SyllableModel) over the readings an OCR confusion model
 * allows (see channelCost). Word for word and line for line, so a reading sits
 * beside the scan. It never invents: numbers, document references and codes
 * stay as scanned, and a word no reading is supported for stays as scanned and
 * is marked uncertain.
 */
import { HEAVY, LIGHT, type ChannelCosts, channelCost } from './ocr-channel.js';
import { NUMBER, START, type SyllableModel } from './syllable-model.js';
import { isVietnameseSyllable } from '../../ingest/ocr-quality.js';

/** One scanned word as read. */
export interface ReadWord {
  /** Span of the word's letters in the input. */
  start: number;
  end: number;
  scanned: string;
  read: string;
  /** No reading was supported: `read` is the scanned word. */
  uncertain: boolean;
}

export interface Reading {
  /** The input with each word replaced by its reading; everything else as scanned. */
  text: string;
  words: ReadWord[];
}

/** Nats of channel cost per unit of edit cost: how much evidence a scanned glyph is. */
const CHANNEL_WEIGHT = 3;
/** Cost of keeping a word no syllable explains (a name, a foreign word, debris). */
const UNKNOWN_COST = 16;
const UNKNOWN = '<u>';
const MAX_OPTIONS = 12;

type Token = { start: number; end: number; core: string; prefix: string; suffix: string; raw: string };

/** A token that restoration leaves alone: numbers, references ("22-KH/TU"), Roman numerals, acronyms. */
function fixed(core: string): boolean {
  if (!/\p{L}/u.test(core)) return true;
  if (/[-/.,:_]/.test(core)) return true;
  if (/^[IVXLC]{2,}$/.test(core) || core === 'I') return true;
  return false;
}

/** The damage level of a text: the share of its words that are well-formed syllables with marks. */
export function damage(text: string): number {
  const words = text.match(/\p{L}[\p{L}\p{N}]*/gu) ?? [];
  if (!words.length) return 0;
  const marked = words.filter((w) => /[^\x00-\x7f]/.test(w) && isVietnameseSyllable(w)).length / words.length;
  // Clean Vietnamese marks about half of its syllables; heavy OCR keeps under a quarter.
  return Math.max(0, Math.min(1, (0.45 - marked) / 0.25));
}

function mix(a: ChannelCosts, b: ChannelCosts, t: number): ChannelCosts {
  const out = {} as ChannelCosts;
  for (const key of Object.keys(a) as Array<keyof ChannelCosts>) out[key] = a[key] * (1 - t) + b[key] * t;
  return out;
}

export class SyllableReader {
  /** Known syllables by length, the candidates for a scanned word. */
  private readonly byLength = new Map<number, string[]>();
  private readonly memo = new Map<string, Array<[string, number]>>();

  constructor(
    private readonly model: SyllableModel,
    inventory: Iterable<string>,
  ) {
    const known = new Set<string>();
    for (const word of inventory) if (isVietnameseSyllable(word)) known.add(word.normalize('NFC').toLowerCase());
    for (const [word, n] of model.unigrams) if (n >= 2 && /^\p{L}+$/u.test(word)) known.add(word);
    for (const word of known) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  /** Reads a whole text at the damage level measured on it (or given). */
  read(text: string, level = damage(text)): Reading {
    const costs = mix(LIGHT, HEAVY, level);
    const limit = 1.2 + 2 * level;
    const nfc = text.normalize('NFC');
    const words: ReadWord[] = [];
    let out = '';
    let last = 0;
    for (const line of lines(nfc)) {
      const tokens = tokenize(nfc, line.start, line.end);
      const upperLine = tokens.filter((t) => /\p{L}{2,}/u.test(t.core)).every((t) => t.core === t.core.toUpperCase());
      for (const sentence of sentencesOf(tokens)) {
        const chosen = this.decode(sentence, costs, limit);
        sentence.forEach((token, i) => {
          const choice = chosen[i]!;
          const read = choice.word ? withCase(choice.word, token.core, upperLine) : token.core;
          out += nfc.slice(last, token.start + token.prefix.length) + read;
          last = token.end - token.suffix.length;
          words.push({ start: token.start + token.prefix.length, end: last, scanned: token.core, read, uncertain: choice.uncertain });
        });
      }
    }
    out += nfc.slice(last);
    return { text: out, words };
  }

  /** Known syllables the scanned letters may stand for, cheapest first. */
  private candidates(scanned: string, costs: ChannelCosts, limit: number): Array<[string, number]> {
    const key = `${scanned}\u0000${limit}\u0000${costs.markLost}`;
    let found = this.memo.get(key);
    if (found) return found;
    const list: Array<[string, number]> = [];
    for (let length = Math.max(1, scanned.length - 2); length <= scanned.length + 2; length++) {
      for (const word of this.byLength.get(length) ?? []) {
        const cost = channelCost(word, scanned, costs, limit);
        if (cost <= limit) list.push([word, cost]);
      }
    }
    list.sort((a, b) => a[1] - b[1]);
    found = list.slice(0, MAX_OPTIONS * 3);
    if (this.memo.size > 50_000) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }

  /** Viterbi over one sentence: channel cost of each reading plus the pair model's cost of the sequence. */
  private decode(tokens: Token[], costs: ChannelCosts, limit: number): Array<{ word?: string; uncertain: boolean }> {
    type Option = { word?: string; symbol: string; channel: number; total: number; back: number };
    const lattice: Option[][] = tokens.map((token) => {
      if (fixed(token.core)) return [{ symbol: /\d/.test(token.core) && !/\p{L}/u.test(token.core) ? NUMBER : UNKNOWN, channel: 0, total: 0, back: -1 }];
      const scanned = token.core.toLowerCase();
      const options: Option[] = [];
      for (const [word, cost] of this.candidates(scanned, costs, limit)) {
        const lmUnigram = this.model.unigramCost(word);
        options.push({ word, symbol: word, channel: cost, total: lmUnigram, back: -1 });
      }
      // Rank by channel + unigram, keep the best few for the pair model to decide among.
      options.sort((a, b) => CHANNEL_WEIGHT * a.channel + a.total - (CHANNEL_WEIGHT * b.channel + b.total));
      const kept = options.slice(0, MAX_OPTIONS);
      const known = kept.some((o) => o.word === scanned);
      if (!known) kept.push({ symbol: UNKNOWN, channel: 0, total: 0, back: -1 });
      return kept;
    });
    lattice.forEach((options, i) => {
      for (const option of options) {
        const own = CHANNEL_WEIGHT * option.channel + (option.symbol === UNKNOWN ? UNKNOWN_COST : 0);
        if (i === 0) {
          option.total = own + (option.symbol === UNKNOWN ? 0 : this.model.cost(START, option.symbol));
          continue;
        }
        let best = Infinity;
        lattice[i - 1]!.forEach((prev, j) => {
          const lm = option.symbol === UNKNOWN ? 0 : this.model.cost(prev.symbol, option.symbol);
          const total = prev.total + own + lm;
          if (total < best) {
            best = total;
            option.back = j;
          }
        });
        option.total = best;
      }
    });
    const path: Option[] = [];
    let index = lattice.at(-1)!.reduce((bi, o, i, all) => (o.total < all[bi]!.total ? i : bi), 0);
    for (let i = lattice.length - 1; i >= 0; i--) {
      const option = lattice[i]![index]!;
      path.unshift(option);
      index = option.back;
    }
    return path.map((option, i) => {
      const scanned = tokens[i]!.core.toLowerCase();
      if (!option.word) return { uncertain: !fixed(tokens[i]!.core) && !isVietnameseSyllable(scanned) };
      if (option.word === scanned) return { word: option.word, uncertain: false };
      // A change needs support: a pair seen with a neighbour as read, or only a lost mark on a known syllable.
      const before = i > 0 ? path[i - 1]!.symbol : START;
      const after = path[i + 1]?.symbol;
      const paired = this.model.pair(before, option.word) > 0 || (after !== undefined && this.model.pair(option.word, after) > 0);
      if (paired || (option.channel <= costs.markLost * 2 && this.model.count(option.word) > 0)) return { word: option.word, uncertain: false };
      return { uncertain: true };
    });
  }
}

/** Line spans of a text. */
function lines(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (const m of text.slice(from, to).matchAll(/\S+/g)) {
    const raw = m[0];
    const prefix = raw.match(/^[^\p{L}\p{N}$€@&]*/u)![0];
    const rest = raw.slice(prefix.length);
    const suffix = rest.match(/[^\p{L}\p{N}€@&]*$/u)![0];
    const core = rest.slice(0, rest.length - suffix.length);
    if (!core) continue;
    tokens.push({ start: from + m.index!, end: from + m.index! + raw.length, core, prefix, suffix, raw });
  }
  return tokens;
}

/** Sentences (and clauses) of a line's tokens: the pair model learned them apart. */
function sentencesOf(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    if (/[.;:!?()"“”]$/.test(token.raw)) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** The reading in the scanned word's case: capitals where the scan has them at the start, or a line in capitals. */
function withCase(word: string, scanned: string, upperLine: boolean): string {
  const letters = scanned.replace(/[^\p{L}]/gu, '');
  if (upperLine && letters.length > 1 && letters === letters.toUpperCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(scanned) || (scanned[0] === '$' && /^\p{Lu}/u.test(scanned[1] ?? ''))) return word[0]!.toUpperCase() + word.slice(1);
  if (scanned[0] === '$') return word[0]!.toUpperCase() + word.slice(1);
  return word;
}
