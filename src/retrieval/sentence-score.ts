/**
 * How well one sentence answers the question: idf-weighted coverage of the
 * question's content syllables (tolerant of one OCR-damaged letter), adjacent
 * pairs in the same order, and whether it holds what the question asks for.
 */
import { withinOneEdit } from '../text/edit-distance.js';
import { foldedSyllables } from '../text/tokens.js';
import type { Intent, QueryAnalysis } from './query.js';

export interface SentenceScore {
  score: number;
  /** 0..1: weighted share of the question's content found. */
  coverage: number;
}

const INTENT_EVIDENCE: Record<Intent, RegExp> = {
  quantity: /\d/,
  time: /\b(quy|thang|nam|ngay|tuan)\s*(\d|[ivx]{1,4}\b)|\b(\d{1,2}|[ivx]{1,4})\/\d{4}|\b20\d\d\b|thuong xuyen|hang nam|dinh ky/,
  who: /\b(ban|so|uy ban|dang uy|cong an|co quan|chu tri|phoi hop|van phong|mat tran|trung tam|phong)\b/,
  list: /[,;]/,
};

export type Idf = (term: string) => number;

function matchStrength(term: string, words: Set<string>, fuzzy: boolean): number {
  if (words.has(term)) return 1;
  // One-letter tolerance only where OCR damaged the text: in clean text "phut" ≠ "phat".
  if (!fuzzy || term.length < 4 || /\d/.test(term)) return 0;
  for (const word of words) if (word.length >= 3 && withinOneEdit(term, word)) return 0.7;
  return 0;
}

export interface ScoreOptions {
  /** Section titles around the sentence: matches there count for less. */
  context?: string;
  /** Tolerate one wrong letter per syllable (for OCR-damaged text). */
  fuzzy?: boolean;
  /** The document's type, number, issuer and place: a question naming them names the document. */
  document?: string;
}

export function scoreSentence(sentence: string, analysis: QueryAnalysis, idf: Idf, options: ScoreOptions = {}): SentenceScore {
  const { context = '', fuzzy = false, document = '' } = options;
  const words = foldedSyllables(sentence);
  const wordSet = new Set(words);
  const contextSet = new Set(foldedSyllables(context));
  const documentSet = new Set(foldedSyllables(document));
  let total = 0;
  let found = 0;
  const matched: boolean[] = [];
  for (const { term, weight } of analysis.content) {
    const w = weight * Math.max(0.2, idf(term));
    total += w;
    const strength = Math.max(matchStrength(term, wordSet, fuzzy), 0.6 * matchStrength(term, contextSet, fuzzy), documentSet.has(term) ? 0.5 : 0);
    found += w * strength;
    matched.push(strength > 0);
  }
  const coverage = total ? found / total : 0;

  // Adjacent question pairs found adjacent in the sentence: phrase evidence.
  let pairs = 0;
  const joined = ` ${words.join(' ')} `;
  const content = analysis.content;
  for (let i = 1; i < content.length; i++) {
    if (matched[i - 1] && matched[i] && joined.includes(` ${content[i - 1]!.term} ${content[i]!.term} `)) pairs++;
  }
  const foldedSentence = words.join(' ');
  let intentBonus = 0;
  for (const intent of analysis.intents) if (INTENT_EVIDENCE[intent].test(foldedSentence)) intentBonus += 0.12;
  // Very long sentences match everything a little; prefer focused ones.
  const lengthPenalty = Math.min(0.3, Math.max(0, (words.length - 40) / 60) * 0.15);
  return { score: coverage + Math.min(0.3, 0.06 * pairs) + intentBonus - lengthPenalty, coverage };
}
