/**
 * Localities a question names ("xã An Bình", "huyen my son", "Tan Phu district"), as the corpus's own
 * documents name their issuers and places: a question about one commune is not answered by another commune's
 * plan, however alike the two plans read. Only names some document's issuer writes after an administrative word, or
 * its place line, count: ordinary words after "xã" ("xã phải …", "xã đạt chuẩn") are never taken for a name.
 */
import type { DocumentMeta } from '../types.js';
import { fold } from '../text/fold.js';
import { foldedSyllables } from '../text/tokens.js';

/** Administrative units, folded, with the word a Party body adds ("tỉnh ủy", "huyện ủy", "đảng ủy xã"). */
const UNIT = '(?:tinh|thanh pho|tp|huyen|quan|thi xa|thi tran|xa|phuong)(?: uy)?';
/** "xã An Bình": the unit, then the name's two syllables (Vietnamese place names are mostly two). */
const UNIT_NAME = new RegExp(`(?:^| )${UNIT} ([a-z]+ [a-z]+)(?= |$)`, 'g');
/** English: "An Binh commune", "in Tan Phu district". */
const NAME_UNIT = /(?:^| )([a-z]+ [a-z]+) (?:province|city|district|town|commune|ward)(?= |$|'s)/g;

const corpusCache = new WeakMap<DocumentMeta[], Set<string>>();

/** The localities the corpus's documents are of: names after a unit in an issuer ("Ủy ban nhân dân xã An Bình"), and each place line. */
export function corpusLocalities(documents: DocumentMeta[]): Set<string> {
  const cached = corpusCache.get(documents);
  if (cached) return cached;
  const names = new Set<string>();
  corpusCache.set(documents, names);
  for (const d of documents) {
    const header = ` ${foldedSyllables(d.issuer ?? '').join(' ')} `;
    for (const m of header.matchAll(UNIT_NAME)) names.add(m[1]!);
    const place = foldedSyllables(d.place ?? '');
    if (place.length === 2) names.add(place.join(' '));
  }
  return names;
}

/** A locality a question names: its folded name ("an binh") and the words naming it there ("xa an binh"). */
export interface NamedLocality {
  name: string;
  words: string[];
}

/** The corpus localities a question names, after a unit word or, in English, before one. */
export function namedLocalities(question: string, known: Set<string>): NamedLocality[] {
  const text = ` ${foldedSyllables(question).join(' ')} `;
  const found = new Map<string, NamedLocality>();
  for (const m of text.matchAll(UNIT_NAME)) if (known.has(m[1]!) && !found.has(m[1]!)) found.set(m[1]!, { name: m[1]!, words: m[0].trim().split(' ') });
  const english = ` ${fold(question).toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ')} `;
  for (const m of english.matchAll(NAME_UNIT)) if (known.has(m[1]!) && !found.has(m[1]!)) found.set(m[1]!, { name: m[1]!, words: m[1]!.split(' ') });
  return [...found.values()];
}

const textCache = new WeakMap<DocumentMeta, string>();

/** The document writes the locality: in its title, issuer, place line or anywhere in its text (folded). */
export function namesLocality(meta: DocumentMeta, fullText: string | undefined, name: string): boolean {
  let folded = textCache.get(meta);
  if (folded === undefined) {
    folded = ` ${foldedSyllables(`${meta.title} ${meta.issuer ?? ''} ${meta.place ?? ''} ${fullText ?? ''}`).join(' ')} `;
    textCache.set(meta, folded);
  }
  return folded.includes(` ${name} `);
}
