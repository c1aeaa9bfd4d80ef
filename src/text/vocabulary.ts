/**
 * Restores diacritics and casing of words from a vocabulary learned on clean
 * text: "TINH UY DIEN BIEN" → "Tỉnh ủy Điện Biên". Used for metadata read off
 * OCR-damaged or all-caps headers; quotes are never restored (they stay verbatim).
 */
import { fold, normalizeText } from './fold.js';

/** Phrases every directive uses: enough to restore headers when the corpus itself is damaged. */
const SEED = `Tỉnh ủy Huyện ủy Thành ủy Đảng ủy Ban Thường vụ Tỉnh ủy Ban Chấp hành Trung ương Ban Bí thư Bộ Chính trị
Ban Tuyên giáo và Dân vận Tỉnh ủy Ban Tuyên giáo Tỉnh ủy Ban Tổ chức Tỉnh ủy Ủy ban Kiểm tra Văn phòng Tỉnh ủy
Ủy ban nhân dân Hội đồng nhân dân Mặt trận Tổ quốc Việt Nam Đảng Cộng sản Việt Nam Kế hoạch Hướng dẫn Kết luận
Nghị quyết Chỉ thị Quy định Thông báo Quyết định Báo cáo Chương trình Điện Biên Sơn La Lai Châu Tam Đường Hà Nội`;

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

  /** Learns surface forms from clean texts (plus the built-in seed phrases). */
  static fromTexts(texts: string[]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const text of [SEED, SEED, ...texts]) vocabulary.learn(text);
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
        if (i - 1 + side < 0 || (side === 0 && i + 1 >= keys.length)) continue;
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
