/**
 * Lookup tables over a document list, built once per list, so that a question naming a number,
 * a cited reference or a place reads a few entries instead of every document (5,000 at 1000×).
 * Positions are indexes into the list, ascending, so "the first document that …" keeps document order.
 */
import { fold } from '../text/fold.js';
import { findDocRefs } from '../text/doc-refs.js';
import type { DocumentMeta } from '../types.js';
import { documentTokens, ownRefKeys } from './sentence-cache.js';

export type Positions = Map<string, number[]>;

export interface ReferenceIndex {
  /** The document's own reference keys (full "22-KH/TU" and short "KH-22", ownRefKeys). */
  own: Positions;
  /** Keys of the references its title cites ("triển khai Kế hoạch 22"): the document it implements. */
  cited: Positions;
  /** Full references of the dated references it cites ("Kết luận số 226-KL/TW, ngày 11/12/2025"). */
  citesDated: Positions;
  /** Folded document type, per position. */
  types: Array<string | undefined>;
}

/** Adds a position under a key; positions arrive in ascending order, each once. */
export function addPosition(map: Positions, key: string, at: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [at]);
  else if (list[list.length - 1] !== at) list.push(at);
}

/** Positions listed under any of the keys, ascending. */
export function positionsOf(map: Positions, keys: Iterable<string>): number[] {
  const found = new Set<number>();
  for (const key of keys) for (const at of map.get(key) ?? []) found.add(at);
  return [...found].sort((a, b) => a - b);
}

const referenceIndexes = new WeakMap<DocumentMeta[], ReferenceIndex>();

export function referenceIndex(documents: DocumentMeta[]): ReferenceIndex {
  let index = referenceIndexes.get(documents);
  if (!index) {
    index = { own: new Map(), cited: new Map(), citesDated: new Map(), types: [] };
    for (let at = 0; at < documents.length; at++) {
      const meta = documents[at]!;
      for (const key of ownRefKeys(meta)) addPosition(index.own, key, at);
      for (const r of findDocRefs(meta.title)) {
        if (r.full) addPosition(index.cited, r.full, at);
        addPosition(index.cited, r.short, at);
      }
      for (const r of meta.references) {
        // Full and short keys: "HD 122 ban hành ngày mấy" names the cited guidance by type and number only.
        const cited = r.date ? findDocRefs(r.number)[0] : undefined;
        if (cited?.full) addPosition(index.citesDated, cited.full, at);
        if (cited) addPosition(index.citesDated, cited.short, at);
      }
      index.types.push(meta.docType ? fold(meta.docType) : undefined);
    }
    referenceIndexes.set(documents, index);
  }
  return index;
}

const tokenIndexes = new WeakMap<DocumentMeta[], Positions>();

/** Folded syllable of a document's context (documentTokens: title, issuer, place …) → positions; built on first use. */
export function tokenIndex(documents: DocumentMeta[]): Positions {
  let index = tokenIndexes.get(documents);
  if (!index) {
    index = new Map();
    for (let at = 0; at < documents.length; at++) for (const w of documentTokens(documents[at]!)) addPosition(index, w, at);
    tokenIndexes.set(documents, index);
  }
  return index;
}
