/**
 * Readings of OCR-damaged Vietnamese: each scanned word replaced by the
 * syllable the scanner most likely damaged, chosen by a syllable-pair model of
 * clean Vietnamese (see SyllableModel) over the readings an OCR confusion model
 * allows (see channelCost). Word for word and line for line, so a reading sits
 * beside the scan. It never invents: numbers, document references and codes
 * stay as scanned, and a word no reading is supported for stays as scanned and
 * is marked uncertain.
 */
import { Channel, HEAVY, LIGHT, type ChannelCosts, encode } from './ocr-channel.js';
import { NUMBER, START, type SyllableModel } from './syllable-model.js';
import { isVietnameseSyllable } from '../../ingest/ocr-quality.js';
import { fold, normalizeTonePlacement } from './fold.js';
import { cheapestPath } from './viterbi.js';

/** Changes whenever the reading algorithm does (cached readings are keyed by it). */
export const READING_VERSION = 'reading-4';

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

/** Nats of channel cost per unit of edit cost: how much evidence a scanned glyph is (more in a light scan). */
const CHANNEL_WEIGHT = { light: 4.5, heavy: 3 };
/** Cost of keeping a word no syllable explains (a name, a foreign word, debris). */
const UNKNOWN_COST = 16;
const UNKNOWN = '<u>';
const MAX_OPTIONS = 12;

type Token = { start: number; end: number; core: string; prefix: string; suffix: string; raw: string };

/** A syllable's letters with its marks dropped ("HUYEN", "NGHIA"); acronyms ("UBND", "TT") are not. */
const SYLLABLE_SHAPE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:ieu|yeu|uye|uoi|uou|oai|oay|oeo|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uy|ya|ye|a|e|i|o|u|y)(?:ch|nh|ng|[cmnpt])?$/;

/** OCR glyphs that stand for letters ("$6" = "Số", "huy€n" = "huyện"). */
const LETTER_GLYPHS = /[$€@&]/;

/**
 * What a token that restoration leaves alone stands for in the pair model: numbers and
 * references ("10", "22-KH/TU") are NUMBER; codes, Roman numerals and acronyms ("UBND")
 * unknown. Undefined for a word to read.
 */
function fixedSymbol(core: string): string | undefined {
  // "1a", "1én": a scanned "l", not a number.
  if (/^1[\p{Ll}€&@]+$/u.test(core)) return undefined;
  if (/^\d/.test(core)) return NUMBER;
  if (!/\p{L}/u.test(core) && !LETTER_GLYPHS.test(core)) return NUMBER;
  if (/[-/.,:_]/.test(core)) return UNKNOWN;
  if (/^[IVXLC]+$/.test(core)) return UNKNOWN;
  // A single Latin letter is a list marker ("b)") or an initial, not a damaged syllable.
  if (/^[a-zA-Z]$/.test(core)) return UNKNOWN;
  if (core.length > 1 && core === core.toUpperCase() && /^\p{L}+$/u.test(core) && !SYLLABLE_SHAPE.test(fold(core))) return UNKNOWN;
  return undefined;
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

/**
 * Extra cost (nats) of changing a scanned word that is itself a known syllable, for a light and a heavy scan,
 * and more for a capitalised word inside a sentence (a name: "Long", "Thanh"): a word that is already
 * Vietnamese stays unless the context clearly asks for another. Fitted on the OCR pairs by leave-one-document-out
 * cross-validation (scripts/calibrate-reading.ts writes data/lexicon/reading-calibration.json).
 */
export interface KeepCosts {
  valid: { light: number; heavy: number };
  name: { light: number; heavy: number };
}

export const NO_KEEP_COSTS: KeepCosts = { valid: { light: 0, heavy: 0 }, name: { light: 0, heavy: 0 } };

export class SyllableReader {
  /** Known syllables by length, the candidates for a scanned word. */
  private readonly byLength = new Map<number, Array<{ word: string; code: Int16Array }>>();
  private readonly known = new Set<string>();
  /** Channels by damage level (rounded): each caches its character-pair costs. */
  private readonly channels = new Map<number, Channel>();
  private readonly memo = new Map<string, Array<[string, number]>>();
  /** Pair-cost matrices of neighbouring words' readings, valid for one model at one version. */
  private links: { model?: SyllableModel; version: number; matrices: Map<string, Float64Array> } = { version: -1, matrices: new Map() };

  constructor(
    private readonly model: SyllableModel,
    inventory: Iterable<string>,
    /** Public so a calibration can try values on one reader (its candidate memo is the costly part). */
    public keep: KeepCosts = NO_KEEP_COSTS,
    /** Whether a known syllable that fits its scanned context skips the weighing of candidates. */
    public prefilter = true,
    public beam = Infinity,
  ) {
    const known = this.known;
    for (const word of inventory) if (isVietnameseSyllable(word)) known.add(word.normalize('NFC').toLowerCase());
    for (const [word, n] of model.unigrams) if (n >= 2 && isVietnameseSyllable(word)) known.add(word);
    // "uỷ" and "ủy" are one syllable with its tone mark placed two ways: offer only the spelling clean text
    // writes more often, or a scan is read in the other spelling when its pairs happen to favour it.
    for (const word of [...known]) {
      const modern = normalizeTonePlacement(word);
      if (modern === word || !known.has(modern)) continue;
      known.delete(model.count(word) > model.count(modern) ? modern : word);
    }
    for (const word of known) {
      const list = this.byLength.get(word.length) ?? [];
      list.push({ word, code: encode(word) });
      this.byLength.set(word.length, list);
    }
  }

  /** Reads a whole text at the damage level measured on it (or given). */
  read(text: string, measured = damage(text)): Reading {
    // Levels in tenths: a channel per level caches its costs.
    const level = Math.round(measured * 10) / 10;
    let channel = this.channels.get(level);
    if (!channel) this.channels.set(level, (channel = new Channel(mix(LIGHT, HEAVY, level))));
    const costs = channel.costs;
    const limit = 2.6 + 0.6 * level;
    const weight = CHANNEL_WEIGHT.light * (1 - level) + CHANNEL_WEIGHT.heavy * level;
    const nfc = text.normalize('NFC');
    const own = this.ownWords(nfc, level);
    // The model learns the text's own words for this read only (no copy of the model).
    return own ? this.model.learning(own, 1 - level, () => this.readWith(nfc, this.model, { channel, limit, weight, level })) : this.readWith(nfc, this.model, { channel, limit, weight, level });
  }

  private readWith(nfc: string, model: SyllableModel, settings: { channel: Channel; limit: number; weight: number; level: number }): Reading {
    const { level } = settings;
    const words: ReadWord[] = [];
    let out = '';
    let last = 0;
    for (const line of lines(nfc)) {
      const tokens = tokenize(nfc, line.start, line.end);
      for (const sentence of sentencesOf(tokens)) {
        const chosen = this.decode(sentence, settings, model);
        sentence.forEach((token, i) => {
          const choice = chosen[i]!;
          const capitals = allCaps(token.core) && (allCaps(sentence[i - 1]?.core) || allCaps(sentence[i + 1]?.core));
          const capital = i > 0 && choice.word ? model.capitalized(chosen[i - 1]!.symbol, choice.word) : undefined;
          const read = choice.word ? withCase(choice.word, token.core, capitals, capital, level) : token.core;
          out += nfc.slice(last, token.start + token.prefix.length) + read;
          last = token.end - token.suffix.length;
          words.push({ start: token.start + token.prefix.length, end: last, scanned: token.core, read, uncertain: choice.uncertain });
        });
      }
    }
    out += nfc.slice(last);
    // A dash starting a line is often scanned as a tilde.
    return { text: out.replace(/^(\s*)~(?= )/gm, '$1-'), words };
  }

  /**
   * The text's own well-formed marked syllables that clean text rarely has: a scan
   * that reads "Đông Lâm" ten times is read as saying it. Only rare ones, so a scanner's habit
   * ("đẳng" for "đảng") does not teach itself. Worth more the lighter the damage.
   */
  private ownWords(text: string, level: number): string | undefined {
    const words = text.split(/\s+/).length;
    if (words < 200 || level >= 0.9) return undefined;
    const own = text
      .split('\n')
      .map((line) => line.split(/\s+/).map((token) => (/^[^\p{L}]*(\p{L}+)[^\p{L}]*$/u.exec(token)?.[1] ?? '')).map((w) => (/[^\x00-\x7f]/.test(w) && isVietnameseSyllable(w) && this.model.count(w.toLowerCase()) < 3 ? w : '|')).join(' '))
      .join('\n')
      .replace(/\|/g, '.');
    return own;
  }

  /** Known syllables the scanned letters may stand for, cheapest first. */
  private candidates(scanned: string, channel: Channel, limit: number): Array<[string, number]> {
    const key = `${scanned}\u0000${limit}\u0000${channel.costs.markLost}`;
    let found = this.memo.get(key);
    if (found) return found;
    const list: Array<[string, number]> = [];
    const code = encode(scanned);
    for (let length = Math.max(1, scanned.length - 2); length <= scanned.length + 2; length++) {
      for (const known of this.byLength.get(length) ?? []) {
        const cost = channel.cost(known.code, code, limit);
        if (cost <= limit) list.push([known.word, cost]);
      }
    }
    list.sort((a, b) => a[1] - b[1]);
    found = list.slice(0, MAX_OPTIONS * 3);
    if (this.memo.size > 500_000) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }

  /** Viterbi over one sentence: channel cost of each reading plus the pair model's cost of the sequence. */
  private decode(tokens: Token[], { channel, limit, weight, level }: { channel: Channel; limit: number; weight: number; level: number }, model: SyllableModel): Array<{ word?: string; symbol: string; uncertain: boolean }> {
    type Option = { word?: string; symbol: string; channel: number; unigram: number; change: number; history?: { lambda: number; outgoing: number }; probability?: number; index?: number };
    const symbols = tokens.map((token) => fixedSymbol(token.core) ?? token.core.toLowerCase());
    // Paired with the scanned neighbour before / after; a heavy scan's unmarked words pair by chance more often, so there both.
    const fits = (i: number, word: string) => {
      const before = i > 0 && model.pair(symbols[i - 1]!, word) > 0;
      const after = i + 1 < tokens.length && model.pair(word, symbols[i + 1]!) > 0;
      return level < 0.5 ? before || after : before && after;
    };
    const lattice: Option[][] = tokens.map((token, i) => {
      const symbol = fixedSymbol(token.core);
      if (symbol) return [{ symbol, channel: 0, unigram: 0, change: 0 }];
      const scanned = token.core.toLowerCase();
      // A known syllable that clean text writes beside a neighbour as scanned fits its context: it stays,
      // and its neighbours are read against it (most of a light scan; no candidates to weigh).
      if (this.prefilter && this.known.has(scanned) && model.count(scanned) > 0 && fits(i, scanned)) {
        return [{ word: scanned, symbol: scanned, channel: 0, unigram: 0, change: 0 }];
      }
      // Changing a word that is already a syllable costs extra; more for a name inside a sentence.
      const keep = this.known.has(scanned) ? (i > 0 && /^\p{Lu}\p{Ll}/u.test(token.core) ? this.keep.name : this.keep.valid) : undefined;
      const change = keep ? keep.light * (1 - level) + keep.heavy * level : 0;
      const options: Option[] = [];
      for (const [word, cost] of this.candidates(scanned, channel, limit)) {
        options.push({ word, symbol: word, channel: cost, unigram: model.unigramCost(word), change: word === scanned ? 0 : change });
      }
      // Rank by channel + unigram, keep the best few for the pair model to decide among.
      options.sort((a, b) => weight * a.channel + a.unigram - (weight * b.channel + b.unigram));
      // Readings far behind the best on their own letters and frequency cannot be won back by one pair.
      const first = options[0] ? weight * options[0].channel + options[0].unigram : 0;
      const kept = options.slice(0, MAX_OPTIONS).filter((o) => weight * o.channel + o.unigram <= first + this.beam);
      const known = kept.some((o) => o.word === scanned);
      if (!known) {
        const self = options.find((o) => o.word === scanned);
        kept.push(self ?? { symbol: UNKNOWN, channel: 0, unigram: 0, change: 0 });
      }
      return kept;
    });
    // The parts of each pair's cost that depend on one side only, once per option (the lattice weighs every pair).
    const start = model.history(START);
    for (const options of lattice) {
      options.forEach((option, index) => {
        option.index = index;
        option.history = model.history(option.symbol);
        option.probability = Math.exp(-model.unigramCost(option.symbol));
      });
    }
    const linkCost = (prev: Option | undefined, option: Option) => (option.symbol === UNKNOWN ? 0 : model.costAfter(prev?.symbol ?? START, prev ? prev.history : start, option.symbol, option.probability!));
    // Pair costs between two neighbours' readings, kept while the model is unchanged: a scan repeats its word pairs.
    if (this.links.version !== model.version || this.links.model !== model || this.links.matrices.size > 20_000) this.links = { model, version: model.version, matrices: new Map() };
    const ids = lattice.map((options) => options.map((o) => o.symbol).join('\u0001'));
    const matrices = lattice.map((options, i) => {
      if (i === 0) return undefined;
      const key = `${ids[i - 1]}\u0002${ids[i]}`;
      let matrix = this.links.matrices.get(key);
      if (!matrix) {
        const previous = lattice[i - 1]!;
        matrix = new Float64Array(previous.length * options.length);
        for (const prev of previous) for (const option of options) matrix[prev.index! * options.length + option.index!] = linkCost(prev, option);
        this.links.matrices.set(key, matrix);
      }
      return matrix;
    });
    const path = cheapestPath(
      lattice,
      (option) => weight * option.channel + option.change + (option.symbol === UNKNOWN ? UNKNOWN_COST : 0),
      (prev, option, i) => (prev ? matrices[i]![prev.index! * lattice[i]!.length + option.index!]! : linkCost(undefined, option)),
    );
    return path.map((option, i) => {
      const scanned = tokens[i]!.core.toLowerCase();
      const symbol = option.symbol;
      if (!option.word) return { symbol, uncertain: !fixedSymbol(tokens[i]!.core) && !isVietnameseSyllable(scanned) };
      if (option.word === scanned) return { word: option.word, symbol, uncertain: false };
      // A change needs support: a pair seen with a neighbour as read, or a cheap change to a known syllable,
      // unless the word is capitalised inside a sentence: a name ("Tran Tién") needs a pair.
      const before = i > 0 ? path[i - 1]!.symbol : START;
      const after = path[i + 1]?.symbol;
      const paired = model.pair(before, option.word) > 0 || (after !== undefined && model.pair(option.word, after) > 0);
      const name = i > 0 && /^\p{Lu}\p{Ll}/u.test(tokens[i]!.core);
      if (paired || (!name && option.channel <= channel.costs.lookalike && model.count(option.word) > 0)) return { word: option.word, symbol, uncertain: false };
      return { symbol: UNKNOWN, uncertain: true };
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

function allCaps(core: string | undefined): boolean {
  const letters = core?.replace(/[^\p{L}]/gu, '') ?? '';
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * The reading in the right case: capitals in a run of capitals ("ỦY BAN NHÂN DÂN"); else
 * the scan's own case when the letters were right and the case is plain; else a capital
 * where clean text writes one after this neighbour (`capital`), or where the scan starts
 * with one. Scanners capitalise marked vowels ("Uy" for "ủy", "tỬ" for "tử").
 */
function withCase(word: string, scanned: string, capitals: boolean, capital: boolean | undefined, level: number): string {
  if (capitals) return word.toUpperCase();
  const plainCase = /^.[^\p{Lu}]*$/u.test(scanned);
  // A capital the scanner may have made of a marked vowel ("Ủy", "Ứng"): clean text's habit decides.
  const markedCapital = /^[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]/u.test(scanned);
  if (plainCase && word === scanned.toLowerCase() && !(markedCapital && capital === false)) return scanned;
  // Clean text's habit may lower a capital the scanner made, never raise a letter the scan shows small.
  const scannedUpper = /^[\p{Lu}$]/u.test(scanned);
  const madeOfMark = fold(word[0]!) !== word[0] && /^[AEIOUY]/.test(scanned);
  const upper = scannedUpper && (capital !== false || !(markedCapital || madeOfMark));
  return upper ? word[0]!.toUpperCase() + word.slice(1) : word;
}
