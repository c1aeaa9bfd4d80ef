/**
 * Readable Vietnamese for questions built from OCR-damaged text: each word is
 * mapped to a form attested in clean documents, allowing one OCR edit
 * ("hdi" → "hội", "t6i" → "tối"). Only questions use this; answers stay verbatim.
 */
import { fold, normalizeText } from './fold.js';
import { withinOneEdit } from './edit-distance.js';
import { cheapestPath } from './viterbi.js';

function bump(map: Map<string, Map<string, number>>, key: string, surface: string): void {
  const forms = map.get(key) ?? new Map<string, number>();
  forms.set(surface, (forms.get(surface) ?? 0) + 1);
  map.set(key, forms);
}

const WORD = /\p{L}[\p{L}\p{N}]*|\d+[\p{L}]\p{L}*/gu;
const VOWEL = /[aeiouy]/;
const DIGIT_LOOKALIKE: Record<string, string> = { '6': 'o', '0': 'o', '1': 'l', '8': 'o', '3': 'a', '4': 'a' };

/** One word of a phrase as the restorer read it (see Restorer.words). */
export interface RestoredWord {
  /** Span of the word in the NFC-normalised input, OCR symbols inside it included. */
  start: number;
  end: number;
  /** The word as written (symbols dropped). */
  raw: string;
  /** What it was read as: the raw word itself when nothing fits. */
  surface: string;
  /** Folded known word it was read as; absent when left as written. */
  key?: string;
  /** 0 same letters, 0.5 an OCR look-alike ("s6"), 1–2 one edit, 4 left as written. */
  cost: number;
  /** The restorer's own confidence (exact, or one edit backed by a neighbour). */
  sure: boolean;
  /** Clean text has this word right after / before its neighbour as read. */
  linkedBefore: boolean;
  linkedAfter: boolean;
  /** Other readings of this word that would pair with the same neighbours: the context does not decide. */
  rivals: number;
  /** Share of the known word's occurrences written like `surface` (case aside). */
  share: number;
  /** Share of them written with a capital ("Đảng", "Tỉnh ủy"): a name, not a noun. */
  capitals: number;
  /** Neighbours as read (folded) and the form each one's pairing votes for. */
  before?: { key: string; form?: string };
  after?: { key: string; form?: string };
}

const SYMBOLS = /[&¢@#*\\|{}<>~^¥§‘’€°£©®™]/;

/** Drops stray OCR symbols and squeezes spaces, remembering where each kept character came from. */
function stripSymbols(input: string): { text: string; origin: number[] } {
  const nfc = input.normalize('NFC');
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < nfc.length; i++) {
    const ch = nfc[i]!;
    if (SYMBOLS.test(ch)) continue;
    if (/\s/.test(ch)) {
      if (text.endsWith(' ')) continue;
      text += ' ';
    } else text += ch;
    origin.push(i);
  }
  return { text, origin };
}

export class Restorer {
  private readonly unigrams = new Map<string, Map<string, number>>();
  private readonly bigrams = new Map<string, number>();
  /** Surface forms seen after / before a neighbour: "không quá" wins over "không quả". */
  private readonly after = new Map<string, Map<string, number>>();
  private readonly before = new Map<string, Map<string, number>>();
  /** Words seen right after a number ("10 phút"): a unit beats a look-alike. */
  private readonly afterNumber = new Map<string, number>();
  private readonly byLength = new Map<number, string[]>();

  /**
   * `prior`: phrases of clean Vietnamese known beforehand (shippedPhrases: the shipped syllable model's),
   * so restoration works even when little clean text is indexed.
   */
  constructor(cleanTexts: string[], prior = '') {
    for (const text of [prior, ...cleanTexts]) this.learn(text);
    for (const key of this.unigrams.keys()) {
      const list = this.byLength.get(key.length) ?? [];
      list.push(key);
      this.byLength.set(key.length, list);
    }
  }

  private learn(raw: string): void {
    const text = normalizeText(raw);
    for (const m of text.matchAll(/\d\s+(\p{L}+)/gu)) {
      const key = fold(m[1]!);
      this.afterNumber.set(key, (this.afterNumber.get(key) ?? 0) + 1);
    }
    for (const line of text.split(/[\n.,;:()"“”]/)) {
      const words = line.match(/\p{L}+/gu) ?? [];
      let previous: string | undefined;
      let previousSurface: string | undefined;
      for (const word of words) {
        // Acronyms and Roman numerals ("XIV") and stray letters would match OCR debris.
        if ((word.length > 1 && word === word.toUpperCase()) || (word.length === 1 && !/^[ởỞ]$/u.test(word))) {
          previous = undefined;
          continue;
        }
        const key = fold(word);
        const surface = word;
        const forms = this.unigrams.get(key) ?? new Map<string, number>();
        forms.set(surface, (forms.get(surface) ?? 0) + 1);
        this.unigrams.set(key, forms);
        if (previous) {
          this.bigrams.set(`${previous} ${key}`, (this.bigrams.get(`${previous} ${key}`) ?? 0) + 1);
          bump(this.after, `${previous} ${key}`, surface);
          bump(this.before, `${previous} ${key}`, previousSurface!);
        }
        previous = key;
        previousSurface = surface;
      }
    }
  }

  /** candidates() per key: each scans the vocabulary of three lengths, and a scan repeats its words. */
  private readonly candidateMemo = new Map<string, Array<[string, number]>>();

  /** Known keys a damaged word may stand for, with a cost: 0 exact, 1 a vowel slip, 2 another edit. */
  private candidates(key: string): Array<[string, number]> {
    let found = this.candidateMemo.get(key);
    if (!found) {
      if (this.candidateMemo.size > 100_000) this.candidateMemo.clear();
      this.candidateMemo.set(key, (found = this.scanCandidates(key)));
    }
    return found;
  }

  private scanCandidates(key: string): Array<[string, number]> {
    const variants = new Set([key, key.replace(/[0-9]/g, (d) => DIGIT_LOOKALIKE[d] ?? d)]);
    // OCR reads "Đ" as "P" ("Pang" = "Đảng").
    for (const v of [...variants]) if (v.startsWith('p') && !v.startsWith('ph')) variants.add(`d${v.slice(1)}`);
    const out = new Map<string, number>();
    for (const v of variants) if (this.unigrams.has(v)) out.set(v, v === key ? 0 : 0.5);
    if (out.size) {
      // A known word may still be a misread one ("Hai nghi" = "Hội nghị"): vowel slips compete, context decides.
      for (const known of this.byLength.get(key.length) ?? []) {
        if (!out.has(known) && withinOneEdit(key, known) && [...known].every((ch, i) => ch === key[i] || (VOWEL.test(ch) && VOWEL.test(key[i]!)))) out.set(known, 1.6);
      }
      return [...out];
    }
    for (const v of variants) {
      for (const length of [v.length - 1, v.length, v.length + 1]) {
        for (const known of this.byLength.get(length) ?? []) {
          if (!withinOneEdit(v, known)) continue;
          const vowelSlip = known.length === v.length && [...known].every((ch, i) => ch === v[i] || (VOWEL.test(ch) && VOWEL.test(v[i]!)));
          out.set(known, Math.min(out.get(known) ?? 9, vowelSlip ? 1 : 2));
        }
      }
    }
    return [...out];
  }

  /**
   * Restores a phrase: the best path over each word's candidates, where words
   * seen side by side in clean text reward each other. `known` is the share of
   * words restored with confidence (exact, or one edit backed by a neighbour):
   * below ~0.9 the result is not fit to show.
   */
  restore(input: string): { text: string; known: number; unresolved: number; phrase: string } {
    const decoded = this.decode(input);
    if (!decoded) return { text: stripSymbols(input).text, known: 1, unresolved: 0, phrase: '' };
    const { text, matches, sure, surfaces, confident, unresolved } = decoded;
    const spans: Array<[number, number]> = [];
    let out = '';
    let last = 0;
    matches.forEach((m, i) => {
      const surface = surfaces[i]!;
      out += text.slice(last, m.index);
      spans.push([out.length, out.length + surface.length]);
      out += surface;
      last = m.index! + m[0].length;
    });
    out += text.slice(last);
    // The longest run of confidently restored words with only spaces or commas between them.
    let best = '';
    for (let i = 0; i < matches.length; i++) {
      if (!sure[i]) continue;
      let j = i;
      while (j + 1 < matches.length && sure[j + 1] && /^[\s,-]*$/.test(out.slice(spans[j]![1], spans[j + 1]![0]))) j++;
      const run = out.slice(spans[i]![0], spans[j]![1]);
      if (j - i + 1 > best.split(' ').length || !best) best = run;
      i = j;
    }
    return { text: out.replace(/\s+/g, ' ').trim(), known: confident / matches.length, unresolved, phrase: best };
  }

  /**
   * Word by word: what each word of `input` was read as and how sure that is,
   * with its span in `input` (OCR symbols inside the word included). For
   * callers that replace only the words they trust (display titles).
   */
  words(input: string): RestoredWord[] {
    const decoded = this.decode(input);
    if (!decoded) return [];
    const { matches, path, adjacent, lattice, sure, surfaces, origin } = decoded;
    const bigram = (a: string | undefined, b: string | undefined) => Boolean(a && b && this.bigrams.has(`${a} ${b}`));
    return matches.map((m, i) => {
      const step = path[i]!;
      const before = adjacent[i] ? path[i - 1]?.key : undefined;
      const after = adjacent[i + 1] ? path[i + 1]?.key : undefined;
      const rivals = step.key
        ? lattice[i]!.filter((o) => o.key && o.key !== step.key && (bigram(before, o.key) || bigram(o.key, after))).length
        : 0;
      const forms = [...(step.key ? this.unigrams.get(step.key) ?? [] : [])];
      const total = forms.reduce((sum, [, n]) => sum + n, 0);
      const same = forms.filter(([f]) => f.toLowerCase() === surfaces[i]!.toLowerCase()).reduce((sum, [, n]) => sum + n, 0);
      const upper = forms.filter(([f]) => /^\p{Lu}/u.test(f)).reduce((sum, [, n]) => sum + n, 0);
      const vote = (forms: Map<string, number> | undefined) => [...(forms ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
      return {
        start: origin[m.index!]!,
        end: origin[m.index! + m[0].length - 1]! + 1,
        raw: m[0],
        surface: surfaces[i]!,
        ...(step.key ? { key: step.key } : {}),
        cost: step.key ? step.cost : 4,
        sure: Boolean(sure[i]),
        linkedBefore: bigram(before, step.key),
        linkedAfter: bigram(step.key, after),
        rivals,
        share: total ? same / total : 0,
        capitals: total ? upper / total : 0,
        ...(before && step.key ? { before: { key: before, form: vote(this.after.get(`${before} ${step.key}`)) } } : {}),
        ...(after && step.key ? { after: { key: after, form: vote(this.before.get(`${step.key} ${after}`)) } } : {}),
      };
    });
  }

  /** True when clean text has a word with these letters (diacritics and case aside). */
  knows(word: string): boolean {
    return this.unigrams.has(fold(word));
  }

  /** True when clean text has this exact word (case aside): "Phần" is, "méi" is not. */
  attested(word: string): boolean {
    const lower = word.normalize('NFC').toLowerCase();
    for (const form of this.unigrams.get(fold(lower))?.keys() ?? []) if (form.toLowerCase() === lower) return true;
    return false;
  }

  /** The best reading of every word of `input` (shared by restore and words). */
  private decode(input: string) {
    // Stray OCR symbols ("số&", "¢6") carry no words: drop them from questions.
    const { text, origin } = stripSymbols(input);
    const matches = [...text.normalize('NFC').matchAll(WORD)];
    if (!matches.length) return undefined;
    type Step = { key?: string; surface: string; cost: number };
    const lattice: Step[][] = matches.map((m) => {
      const raw = m[0];
      // Acronyms and document codes ("UBND", "226-KL/TW") stay as written.
      if (raw.length > 1 && raw === raw.toUpperCase() && /^\p{Lu}+$/u.test(raw)) return [{ key: undefined, surface: raw, cost: 0 }];
      const afterNumber = /\d\s*$/.test(text.slice(0, m.index));
      const options: Step[] = this.candidates(fold(raw)).map(([key, cost]) => ({
        key,
        surface: this.surface(key),
        cost: cost - (afterNumber && this.afterNumber.has(key) ? 0.8 : 0),
      }));
      options.push({ surface: raw, cost: 4 });
      return options;
    });
    const adjacent = matches.map((m, i) => i > 0 && /^[\s-]*$/.test(text.normalize('NFC').slice(matches[i - 1]!.index! + matches[i - 1]![0].length, m.index)));
    const path = cheapestPath(
      lattice,
      (option) => option.cost - (option.key ? Math.log(1 + this.total(option.key)) * 0.05 : 0),
      (prev, option, i) => (prev && adjacent[i] && prev.key && option.key && this.bigrams.has(`${prev.key} ${option.key}`) ? -1.5 : 0),
    );
    let confident = 0;
    let unresolved = 0;
    const sure: boolean[] = [];
    path.forEach((step, i) => {
      // A word left as OCR wrote it ("chiic"), unless it is an acronym (UBND, HĐND).
      if (!step.key) {
        if (/^\p{Lu}{2,}$/u.test(step.surface)) (confident++, (sure[i] = true));
        else unresolved++;
        return;
      }
      const linked = (j: number) => {
        const other = path[j];
        return Boolean(other?.key && (j < i ? adjacent[i] && this.bigrams.has(`${other.key} ${step.key}`) : adjacent[j] && this.bigrams.has(`${step.key} ${other.key}`)));
      };
      if (step.cost <= 0.5 || (step.cost <= 2 && (linked(i - 1) || linked(i + 1))) || (linked(i - 1) && linked(i + 1))) (confident++, (sure[i] = true));
    });
    const surfaces = matches.map((m, i) => {
      const step = path[i]!;
      let surface = step.surface;
      if (step.key) {
        const votes = new Map<string, number>();
        const add = (forms: Map<string, number> | undefined, weight: number) => {
          for (const [form, count] of forms ?? []) votes.set(form, (votes.get(form) ?? 0) + count * weight);
        };
        if (adjacent[i] && path[i - 1]?.key) add(this.after.get(`${path[i - 1]!.key} ${step.key}`), 10);
        if (adjacent[i + 1] && path[i + 1]?.key) add(this.before.get(`${step.key} ${path[i + 1]!.key}`), 10);
        const ranked = [...votes].sort((a, b) => b[1] - a[1]);
        const best = ranked[0];
        // "Hội nghị Trung ương" is a name, "hội nghị" a noun: lowercase unless capitals clearly dominate.
        const lower = ranked.find(([form]) => form === form.toLowerCase());
        if (best) surface = lower && lower[1] * 3 >= best[1] ? lower[0] : best[0];
      }
      return surface;
    });
    return { text, origin, matches, lattice, path, adjacent, sure, surfaces, confident, unresolved };
  }

  private total(key: string): number {
    let sum = 0;
    for (const count of this.unigrams.get(key)?.values() ?? []) sum += count;
    return sum;
  }

  /** Most frequent lowercase form (proper nouns keep their capitals). */
  private surface(key: string): string {
    const forms = [...(this.unigrams.get(key) ?? [])].sort((a, b) => b[1] - a[1]);
    const lower = forms.find(([f]) => f === f.toLowerCase());
    const top = forms[0]![0];
    return lower && lower[1] * 2 >= forms[0]![1] ? lower[0] : top;
  }
}
