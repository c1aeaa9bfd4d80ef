/**
 * General Vietnamese lexicons (lexicon.json): question words, units, bodies, document types and synonym
 * groups, all folded. Synonyms let a quote that writes "ngân sách" count for a question that says "kinh phí".
 */
import lexicon from './lexicon.json' with { type: 'json' };

export const QUESTION_PHRASES: readonly string[] = lexicon.questionWords;
export const UNITS: Readonly<Record<string, readonly string[]>> = lexicon.units;
export const BODIES: readonly string[] = lexicon.bodies;
export const DOCUMENT_TYPES: readonly string[] = lexicon.documentTypes;
/** Papers a body signs that are not the document itself: "ai ký giấy phép" asks a duty, not the signature block. */
export const SIGNED_PAPERS: readonly string[] = lexicon.signedPapers;
/** Modal and auxiliary words (folded syllables) before a verb: "ai có quyền quyết định" asks who decides. */
export const MODAL_WORDS: ReadonlySet<string> = new Set(lexicon.modals.flatMap((m) => m.split(' ')));

/** Each single folded syllable of a synonym group's members → the syllables of the group's other members. */
const SYNONYM_WORDS = new Map<string, Set<string>>();
for (const group of lexicon.synonyms) {
  for (const member of group) {
    for (const word of member.split(' ')) {
      const set = SYNONYM_WORDS.get(word) ?? new Set<string>();
      for (const other of group) if (other !== member) for (const w of other.split(' ')) if (w !== word) set.add(w);
      SYNONYM_WORDS.set(word, set);
    }
  }
}

/** Whole synonym phrases, folded: "kinh phi" → ["ngan sach", "chi phi", …]. */
const SYNONYM_PHRASES = new Map<string, string[]>();
for (const group of lexicon.synonyms) for (const member of group) SYNONYM_PHRASES.set(member, group.filter((m) => m !== member));

/** The phrases that stand for `phrase` (folded), itself excluded; empty when the lexicon does not know it. */
export function synonymsOf(phrase: string): string[] {
  return SYNONYM_PHRASES.get(phrase) ?? [];
}

/**
 * The synonym phrases a folded question writes, with their alternatives: "kinh phi" in the question →
 * ["kinh phi", ["ngan sach", "chi phi", …]].
 */
export function synonymPhrasesIn(foldedWords: string[]): Array<[string, string[]]> {
  const joined = ` ${foldedWords.join(' ')} `;
  const found: Array<[string, string[]]> = [];
  for (const [phrase, others] of SYNONYM_PHRASES) if (joined.includes(` ${phrase} `)) found.push([phrase, others]);
  // Keep only the longest phrases ("kinh phi thuc hien" over "kinh phi").
  return found.filter(([p]) => !found.some(([q]) => q !== p && q.length > p.length && ` ${q} `.includes(` ${p} `)));
}

export function hasSynonyms(word: string): boolean {
  return SYNONYM_WORDS.has(word);
}
