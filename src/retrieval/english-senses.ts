/**
 * The sense of an English word, decided by the corpus: the glossary lists every sense of a general word
 * ("waste" → "lãng phí|rác thải|chất thải|rác") and retrieval searches with all of them; what an answer must
 * hold is then the sense the best-ranked passages write most ("rác thải" among texts on garbage collection,
 * "lãng phí" among texts on thrift), not the one the glossary happens to list first.
 */
import { fold } from '../text/fold.js';
import type { Passage } from '../types.js';
import { mergeTerms, ownContent, type QueryAnalysis, type Vocabulary } from './query.js';

/** How many of the best-ranked passages speak for the corpus. */
const SENSE_PASSAGES = 5;

/** Occurrences of a folded phrase in a folded, space-padded text. */
function occurrences(text: string, phrase: string): number {
  let n = 0;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) n++;
  return n;
}

/**
 * An English question's translations, each in the sense the best-ranked passages write most (ties keep the
 * glossary's order), with its content terms read again from them. A question's own words only: a follow-up,
 * whose content carries the last question's topic too, is left as analysed.
 */
export function sensesByPassages(analysis: QueryAnalysis, passages: Passage[], knows?: Vocabulary): QueryAnalysis {
  const form = analysis.englishForm;
  if (!form || analysis.followUp || !passages.length) return analysis;
  const text = ` ${[...new Set(passages.slice(0, SENSE_PASSAGES).map((p) => p.chunk.text))].map((t) => fold(t).toLowerCase().replace(/[^a-z0-9]+/g, ' ')).join(' | ')} `;
  const count = (alternative: string) => occurrences(text, ` ${fold(alternative).toLowerCase()} `);
  let primary = ` ${form.primary} `;
  let changed = false;
  const concepts = form.concepts.map((concept) => {
    const [first, ...others] = concept.alternatives;
    if (!first || !others.length) return concept;
    const best = others.reduce((a, b) => (count(b) > count(a) ? b : a), first);
    if (best === first || !primary.includes(` ${first} `)) return concept;
    primary = primary.replace(` ${first} `, ` ${best} `);
    changed = true;
    return { ...concept, alternatives: [best, ...concept.alternatives.filter((a) => a !== best)] };
  });
  if (!changed) return analysis;
  return { ...analysis, englishForm: { ...form, concepts, primary: primary.trim() }, content: mergeTerms([ownContent(primary.trim(), analysis.question, knows)]) };
}
