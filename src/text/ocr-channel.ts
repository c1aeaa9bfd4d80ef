/**
 * How a scanner damages a Vietnamese syllable: a weighted edit distance from a
 * syllable as written to the letters OCR made of it. Cheap edits are the ones
 * scanners make (a tone or vowel mark lost or changed: "két" for "kết"; a marked
 * vowel read as a look-alike: "€" for "ệ", "6" for "ố", "d" for "ơ", "&" for "â";
 * "rn" for "m"; "1" for "l"); anything else costs much more.
 */
import { fold } from './fold.js';

/** Costs of one edit at a damage level: a light scan keeps marks, a heavy one loses most. */
export interface ChannelCosts {
  /** A mark lost ("e" for "ê", "é" for "ế"). */
  markLost: number;
  /** A mark changed ("ẩ" for "ầ"). */
  markChanged: number;
  /** A mark added ("chỉ" for "chi"). */
  markAdded: number;
  /** A marked vowel read as a look-alike glyph ("€", "6", "d", "&", "i"). */
  lookalike: number;
  /** A vowel read as another vowel ("é" for "á"). */
  vowelSwap: number;
  /** A consonant read as a look-alike ("1" for "l", "P" for "Đ"). */
  consonantSwap: number;
  /** A letter dropped: marked vowel, other letter. */
  dropMarked: number;
  dropOther: number;
  /** A stray character added. */
  extra: number;
  /** Any other substitution. */
  other: number;
}

export const LIGHT: ChannelCosts = { markLost: 1.4, markChanged: 2, markAdded: 1.6, lookalike: 1.6, vowelSwap: 2.2, consonantSwap: 1.6, dropMarked: 2, dropOther: 2.6, extra: 2.4, other: 3 };
export const HEAVY: ChannelCosts = { markLost: 0.15, markChanged: 0.5, markAdded: 0.8, lookalike: 0.8, vowelSwap: 1.3, consonantSwap: 1.1, dropMarked: 1.1, dropOther: 1.7, extra: 1.4, other: 2.6 };

const VOWELS = new Set('aeiouy');
/** Glyphs a marked vowel turns into when the scanner cannot place its marks. */
const VOWEL_LOOKALIKES = new Set('di1lj&€@¢6043892fé');
/** Glyphs one marked vowel family is read as: "thuGng" for "thường", "MQi" for "Mọi", "vy" for "vụ", "Wy" for "ủy". */
const FAMILY_LOOKALIKES: Record<string, string> = { o: 'gq', u: 'yw' };
/** Glyph pairs a marked vowel is read as ("tf" for "ứ", "if" for "ư"). */
const TWO_GLYPH = new Set('tfi1l');
/** Consonant look-alikes, both ways. */
const CONSONANT_PAIRS = new Set(['dp', 'pd', 'l1', '1l', 'li', 'il', 'nu', 'un', 'ce', 'ec', 'hb', 'bh', 'tf', 'ft', 'gq', 'qg', 'ij', 'ji', 'ct', 'tc', 'sz', 'zs', 's$', 's5', 'yv', 'vy', 'vw', 'uw']);
/** Glyphs that stand for a vowel letter itself. */
const DIGIT_AS_LETTER: Record<string, string> = { '0': 'o', '6': 'o', '4': 'a', '1': 'l', $: 's', '€': 'e', '@': 'o', '&': 'a' };

const baseMemo = new Map<string, string>();
function base(ch: string): string {
  let b = baseMemo.get(ch);
  if (b === undefined) baseMemo.set(ch, (b = fold(ch)));
  return b;
}

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
function tone(ch: string): string | undefined {
  return TONE.exec(ch.normalize('NFD'))?.[0];
}

function marked(ch: string): boolean {
  return base(ch) !== ch;
}

/** Cost of writing candidate letter `c` where OCR shows `o`. */
function substitution(c: string, o: string, k: ChannelCosts): number {
  if (c === o) return 0;
  const bc = base(c);
  const bo = DIGIT_AS_LETTER[o] ?? base(o);
  if (bc === bo) {
    if (o === bo) return marked(c) ? k.markLost : 0.3;
    return marked(c) ? k.markChanged : k.markAdded;
  }
  if (VOWELS.has(bc)) {
    if (marked(c) && (VOWEL_LOOKALIKES.has(o) || FAMILY_LOOKALIKES[bc]?.includes(o))) return k.lookalike;
    // The tone survived but the vowel did not ("khéa" for "khóa"): the tone is evidence.
    if (VOWELS.has(bo)) return marked(c) ? (tone(c) && tone(c) === tone(o) ? k.lookalike : k.vowelSwap) : k.vowelSwap + 0.4;
    if (VOWEL_LOOKALIKES.has(o)) return k.lookalike + 0.6;
    return k.other;
  }
  if (c === 'đ' && (bo === 'd' || bo === 'p')) return k.consonantSwap * 0.5;
  if (c === 'đ' && bo === 'b') return k.consonantSwap;
  if (CONSONANT_PAIRS.has(bc + bo)) return k.consonantSwap;
  return k.other;
}

/** Characters as small integers, so a channel caches the cost of every pair it has seen. */
const ids = new Map<string, number>();
const chars: string[] = [];
const MAX_CHARS = 256;

/** A word's characters as ids (see Channel.cost). */
export function encode(word: string): Int16Array {
  const out = new Int16Array(word.length);
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    let id = ids.get(ch);
    if (id === undefined) {
      // Past the table's size every further character shares one id: cost "other".
      id = chars.length < MAX_CHARS - 1 ? chars.push(ch) - 1 : MAX_CHARS - 1;
      ids.set(ch, id);
    }
    out[i] = id;
  }
  return out;
}

/** The channel at one damage level: edit costs per character pair, computed once. */
export class Channel {
  private readonly table = new Float64Array(MAX_CHARS * MAX_CHARS).fill(Number.NaN);
  private readonly flags = new Map<number, { drop: number; extra: number; markedVowel: boolean; twoGlyph: boolean; base: string }>();

  constructor(readonly costs: ChannelCosts) {}

  private sub(c: number, o: number): number {
    const at = c * MAX_CHARS + o;
    let v = this.table[at]!;
    if (Number.isNaN(v)) this.table[at] = v = c === MAX_CHARS - 1 || o === MAX_CHARS - 1 ? this.costs.other : substitution(chars[c]!, chars[o]!, this.costs);
    return v;
  }

  private info(id: number) {
    let f = this.flags.get(id);
    if (!f) {
      const ch = chars[id] ?? '\u0000';
      const markedVowel = marked(ch) && VOWELS.has(base(ch));
      f = { drop: markedVowel ? this.costs.dropMarked : this.costs.dropOther, extra: VOWEL_LOOKALIKES.has(ch) ? this.costs.extra * 0.6 : this.costs.extra, markedVowel, twoGlyph: TWO_GLYPH.has(ch), base: base(ch) };
      this.flags.set(id, f);
    }
    return f;
  }

  /**
   * Weighted edit distance from candidate syllable `c` to OCR letters `o` (both lowercase NFC,
   * encoded), or Infinity once it passes `limit`.
   */
  private rows: [Float64Array, Float64Array] = [new Float64Array(32), new Float64Array(32)];
  /** The scanned word's letters' insertion costs and two-glyph flags, filled once per call. */
  private extras = new Float64Array(32);
  private twoGlyphs = new Uint8Array(32);

  cost(c: Int16Array, o: Int16Array, limit: number): number {
    const n = c.length;
    const m = o.length;
    // Scratch rows reused across calls: the reader calls this for thousands of known syllables per scanned word.
    if (this.rows[0].length <= m) {
      this.rows = [new Float64Array(2 * m + 2), new Float64Array(2 * m + 2)];
      this.extras = new Float64Array(2 * m + 2);
      this.twoGlyphs = new Uint8Array(2 * m + 2);
    }
    const { extras, twoGlyphs } = this;
    for (let j = 0; j < m; j++) {
      const f = this.info(o[j]!);
      extras[j] = f.extra;
      twoGlyphs[j] = f.twoGlyph ? 1 : 0;
    }
    let [prev, row] = this.rows;
    prev[0] = 0;
    for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + extras[j - 1]!;
    for (let i = 1; i <= n; i++) {
      const ci = c[i - 1]!;
      const fc = this.info(ci);
      const isM = chars[ci] === 'm';
      row[0] = prev[0]! + fc.drop;
      let best = row[0]!;
      for (let j = 1; j <= m; j++) {
        const oj = o[j - 1]!;
        let v = Math.min(prev[j - 1]! + this.sub(ci, oj), prev[j]! + fc.drop, row[j - 1]! + extras[j - 1]!);
        if (j >= 2) {
          // "rn" for "m".
          if (isM && chars[oj] === 'n' && chars[o[j - 2]!] === 'r') v = Math.min(v, prev[j - 2]! + 0.3);
          // A marked vowel read as two glyphs: "Ui" for "ủ", "tf" for "ứ".
          if (fc.markedVowel && twoGlyphs[j - 1]) {
            const before = this.info(o[j - 2]!);
            if (before.base === fc.base || before.twoGlyph) v = Math.min(v, prev[j - 2]! + this.costs.lookalike * 1.5);
          }
        }
        row[j] = v;
        if (v < best) best = v;
      }
      if (best > limit) return Infinity;
      [prev, row] = [row, prev];
    }
    return prev[m]! > limit ? Infinity : prev[m]!;
  }
}
