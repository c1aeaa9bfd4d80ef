/**
 * Plain BM25, the floor retrieval must beat (DESIGN §6): syllable unigrams and
 * bigrams of the lowercased text (diacritics kept, nothing Vietnamese-specific),
 * k1 1.2, b 0.75. Deliberately independent of vanban's own lexical index.
 */
const K1 = 1.2;
const B = 0.75;

/** Lowercased syllables and adjacent syllable pairs. */
export function plainTerms(text: string): string[] {
  const syllables = text.normalize('NFC').toLocaleLowerCase('vi').match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = [...syllables];
  for (let i = 1; i < syllables.length; i++) terms.push(`${syllables[i - 1]}_${syllables[i]}`);
  return terms;
}

export class PlainBm25 {
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly lengths: number[] = [];
  private readonly avgLength: number;

  constructor(texts: string[]) {
    texts.forEach((text, doc) => {
      const counts = new Map<string, number>();
      const terms = plainTerms(text);
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, tf] of counts) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push([doc, tf]);
      }
      this.lengths.push(terms.length);
    });
    this.avgLength = this.lengths.reduce((s, n) => s + n, 0) / Math.max(1, this.lengths.length);
  }

  /** Indices of the best `k` texts for the query, best first. */
  search(query: string, k: number): Array<{ index: number; score: number }> {
    const n = this.lengths.length;
    const scores = new Map<number, number>();
    for (const term of new Set(plainTerms(query))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const [doc, tf] of list) {
        const norm = K1 * (1 - B + (B * this.lengths[doc]!) / this.avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / (tf + norm));
      }
    }
    return [...scores]
      .map(([index, score]) => ({ index, score }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, k);
  }
}
