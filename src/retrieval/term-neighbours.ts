/**
 * Indexed syllables an OCR-damaged form of a term could be ("luan" ~ "luen",
 * "phut" ~ "pht"): within one edit for 4+ letters, one substituted letter for 3;
 * and, for sentence matching, the spellings the reading read as the term at
 * build (alias terms "li>iy": two-letter terms too). Shared by every
 * LexicalSearch adapter so they expand queries and match sentences identically.
 */
import { withinOneEdit } from '../text/edit-distance.js';

/** Joins a restored reading to the OCR spelling it was read from in alias terms ("ly>iy", see ingest restoredTerms). */
export const ALIAS = '>';

export class TermNeighbours {
  private byLength?: Map<number, string[]>;
  private aliases?: Map<string, string[]>;
  private readonly editCache = new Map<string, string[]>();
  private readonly nearCache = new Map<string, string[]>();

  /** `terms` is read lazily, on the first lookup. */
  constructor(private readonly terms: () => Iterable<string>) {}

  /** Near spellings for sentence matching: edit neighbours of a term of 3+ letters, then its restored aliases; memoised. */
  near(term: string): string[] {
    let near = this.nearCache.get(term);
    if (!near) {
      const aliases = this.aliasesOf(term);
      const edits = this.edits(term);
      near = aliases.length ? [...new Set([...edits, ...aliases])] : edits;
      if (this.nearCache.size > 50_000) this.nearCache.clear();
      this.nearCache.set(term, near);
    }
    return near;
  }

  /** Neighbours for query expansion: only edit neighbours of terms of 4+ letters, where one edit rarely means another word. */
  similar(term: string): string[] {
    return term.length < 4 ? [] : this.edits(term);
  }

  /** OCR spellings the reading read as `term` at build ("iy" for "ly", "ddm" for "dam"). */
  aliasesOf(term: string): string[] {
    if (!this.aliases) {
      this.aliases = new Map();
      for (const t of this.terms()) {
        const at = t.indexOf(ALIAS);
        if (at <= 0) continue;
        const read = t.slice(0, at);
        const list = this.aliases.get(read) ?? [];
        list.push(t.slice(at + 1));
        this.aliases.set(read, list);
      }
    }
    return this.aliases.get(term) ?? [];
  }

  private edits(term: string): string[] {
    let found = this.editCache.get(term);
    if (!found) {
      found = term.length < 3 || /[^a-z]/.test(term) ? [] : this.scan(term).filter((t) => term.length > 3 || t.length === 3);
      if (this.editCache.size > 50_000) this.editCache.clear();
      this.editCache.set(term, found);
    }
    return found;
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
