/**
 * A short reference ("Kết luận 186", "Thông báo kết luận 186") read against the corpus: a document is named by
 * its number first, its type words only loosely. People name a "Thông báo kết luận" by either word, and a
 * "Quy chế" attached to a "Quyết định" by the Quy chế's name, so a type + number the corpus holds under no
 * document is the document of that number whose type or title writes the type named.
 */
import { fold } from '../text/fold.js';
import { findDocRefs, type DocRef } from '../text/doc-refs.js';
import { DOCUMENT_TYPES } from '../text/document-types.js';
import type { DocumentMeta } from '../types.js';
import { addPosition, referenceIndex, type Positions } from './document-index.js';
import { ownRefKeys } from './sentence-cache.js';

const numberIndexes = new WeakMap<DocumentMeta[], Positions>();

/** A document's own number ("186" of "186-TB/HU") → positions, built once per list. */
function numberIndex(documents: DocumentMeta[]): Positions {
  let index = numberIndexes.get(documents);
  if (!index) {
    index = new Map();
    for (let at = 0; at < documents.length; at++) {
      const short = ownRefKeys(documents[at]!).find((k) => /^[A-Z]+-\d+$/.test(k));
      if (short) addPosition(index, short.split('-')[1]!, at);
    }
    numberIndexes.set(documents, index);
  }
  return index;
}

/** The folded type names a type code stands for ("TB" → "thong bao"). */
function typeNames(code: string): string[] {
  return DOCUMENT_TYPES.filter((t) => t.code === code).map((t) => t.folded);
}

/**
 * The question's references with each short one no document holds (nor cites) read as the one document of that
 * number whose type or title writes the type named, or whose type the question writes ("Thông báo kết luận 186"
 * → "186-TB/HU"). Full references are exact keys and stay as written; an ambiguous number stays too.
 */
export function resolveRefs(refs: DocRef[], question: string, documents: DocumentMeta[]): DocRef[] {
  if (!refs.length) return refs;
  const index = referenceIndex(documents);
  const asked = ` ${fold(question).toLowerCase()} `;
  return refs.map((ref) => {
    if (ref.full || index.own.has(ref.short) || index.cited.has(ref.short) || index.citesDated.has(ref.short)) return ref;
    const [code, number] = ref.short.split('-');
    const named = typeNames(code!);
    const fits = (at: number) => {
      const meta = documents[at]!;
      const own = ` ${fold(`${meta.docType ?? ''} ${meta.title}`).toLowerCase()} `;
      const type = index.types[at];
      return named.some((n) => own.includes(` ${n} `)) || (type !== undefined && asked.includes(` ${type} `));
    };
    const candidates = (numberIndex(documents).get(String(Number(number))) ?? []).filter(fits);
    if (candidates.length !== 1) return ref;
    return findDocRefs(documents[candidates[0]!]!.docNumber!)[0] ?? ref;
  });
}
