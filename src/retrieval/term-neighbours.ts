/**
 * Indexed syllables an OCR-damaged form of a term could be ("luan" ~ "luen",
 * "phut" ~ "pht"): within one edit for 4+ letters, one substituted letter for 3.
 * Shared by every LexicalSearch adapter so they expand queries identically.
 */
import { withinOneEdit } from '../text/edit-distance.js';

export class TermNeighbours {
  private byLength?: Map<number, string[]>;
  private readonly cache = new Map<string, string[]>();

  /** `terms` is read lazily, on the first lookup. */
  constructor(private readonly terms: () => Iterable<string>) {}

  /** Neighbours of a term of 3+ letters; memoised (the scorer asks for the same few terms often). */
  near(term: string): string[] {
    let near = this.cache.get(term);
    if (!near) {
      near = term.length < 3 || /[^a-z]/.test(term) ? [] : this.scan(term).filter((t) => term.length > 3 || t.length === 3);
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(term, near);
    }
    return near;
  }

  /** Neighbours for query expansion: only terms of 4+ letters, where one edit rarely means another word. */
  similar(term: string): string[] {
    return term.length < 4 ? [] : this.near(term);
  }

  private scan(term: string): string[] {
    if (!this.byLength) {
      this.byLength = new Map();
      for (const t of this.terms()) {
        if (/^[a-z0-9]+$/.test(t) && t.length >= 3) {
          const list = this.byLength.get(t.length) ?? [];
          list.push(t);
          this.byLength.set(t.length, list);
        }
      }
    }
    const out: string[] = [];
    for (const len of [term.length - 1, term.length, term.length + 1]) {
      for (const candidate of this.byLength.get(len) ?? []) if (candidate !== term && withinOneEdit(term, candidate)) out.push(candidate);
    }
    return out;
  }
}
