/**
 * The off-topic gate of English questions: whether what an English question names is written in the corpus at
 * all, read through the glossary (src/text/glossary.json), before any candidate is scored.
 */
import type { QueryAnalysis } from '../retrieval/query.js';
import { documentHeaders } from '../retrieval/sentence-cache.js';
import type { Idf } from '../retrieval/sentence-score.js';
import { foldedSyllables } from '../text/tokens.js';
import type { DocumentMeta } from '../types.js';
import { THRESHOLDS } from './thresholds.js';

/**
 * How much an English word the glossary could not translate counts, against a wording the corpus lacks, when the
 * English off-topic gate weighs what the corpus knows: half, since it may name the topic or only miss the glossary.
 */
const UNTRANSLATED_SHARE = 0.5;

/** How much of a wording the corpus writes only piecemeal (its syllables, never side by side) counts as known. */
const PIECEMEAL_SHARE = 0.5;

/**
 * An English question is off-topic when most of what it names the corpus never writes: a thing whose
 * Vietnamese wordings the corpus lacks, a place it does not hold, an English word the glossary could not
 * translate (for less). Weighted by specificity: a thing weighs as its rarest syllable, an absent one as much
 * as any word can, so one absent topic outweighs the place names around it. `asksAboutDocument`: the question asks
 * for a document's own facts (its signer, effect, articles), so the words asking for them name no topic.
 */
export function englishOffTopic(analysis: QueryAnalysis, idf: Idf, documents: DocumentMeta[], asksAboutDocument = false): boolean {
  // "When does Decision 12 take effect?": asked about a document, the words that ask for its facts are no topic.
  const concepts = (analysis.englishForm?.concepts ?? []).filter((c) => !(asksAboutDocument && c.aboutDocument));
  if (!concepts.length) return false;
  const absent = idf('\u0001') - 1e-9;
  const headers = documentHeaders(documents);
  // How the corpus writes a wording: whole (every syllable, and most pairs of neighbours: a scan breaks some),
  // only piecemeal (each syllable somewhere, never side by side: "thời tiết" from "thời gian" and "chi tiết"),
  // or not at all. A name counts whole too when a document's header holds it (a name on one header line).
  const written = (alternative: string, name: boolean): { weight: number; whole: boolean } | undefined => {
    const words = foldedSyllables(alternative);
    if (!words.length || words.some((w) => idf(w) >= absent)) return undefined;
    const pairs = words.slice(1).map((w, i) => idf(`${words[i]}_${w}`) < absent);
    const whole = pairs.filter(Boolean).length * 2 >= pairs.length || (name && headers.includes(` ${words.join(' ')} `));
    return { weight: Math.max(...words.map((w) => idf(w))), whole };
  };
  let known = 0;
  let knownWeight = 0;
  let total = 0;
  let totalWeight = 0;
  for (const concept of concepts) {
    const readings = concept.alternatives.map((a) => written(a, concept.name === true)).filter((r) => r !== undefined);
    const best = readings.find((r) => r.whole) ?? readings[0];
    // A place or body the question names that the corpus never writes whole ("… in Hanoi", "Cat Long commune"):
    // the question is about somewhere else, however well the corpus knows the rest (as namesSomethingUnknown for Vietnamese).
    if (concept.name && !best?.whole) return true;
    // A name written only piecemeal is no name the corpus holds; a phrase written piecemeal is half known.
    const knownShare = !best ? 0 : best.whole ? 1 : concept.name ? 0 : PIECEMEAL_SHARE;
    const share = !best && concept.untranslated ? UNTRANSLATED_SHARE : 1;
    const weight = best ? best.weight : absent;
    total += share;
    totalWeight += share * weight;
    known += knownShare;
    knownWeight += knownShare * weight;
  }
  return known * 2 < total || knownWeight < THRESHOLDS.englishKnownWeight * totalWeight;
}
