/**
 * The sentence scorer's per-question caches (weights, near spellings, heading
 * strengths, intent evidence) must not change a single score: every eval
 * question against every sentence of the real corpus, under each option mix
 * the pipeline uses, equals the plain term-by-term computation (kept here as
 * the reference), on first and on cached calls.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readQuestionSet } from '../src/eval/questions.js';
import type { NodeRuntime } from '../src/node.js';
import { analyzeQuery, type QueryAnalysis } from '../src/retrieval/query.js';
import { chunkTokens, documentTokens } from '../src/retrieval/sentence-cache.js';
import { INTENT_EVIDENCE, scoreSentence, tokenizeSentence, type Idf, type ScoreOptions, type SentenceScore, type SentenceTokens } from '../src/retrieval/sentence-score.js';
import { withinOneEdit } from '../src/text/edit-distance.js';
import { foldedSyllables } from '../src/text/tokens.js';
import { testRuntime } from './helpers/runtime.js';

// ---- reference: scoreSentence before caching (verbatim) ----
const asSet = (value: string | Set<string>) => (typeof value === 'string' ? new Set(foldedSyllables(value)) : value);
function bestMatch(term: string, words: Set<string>, fuzzy: boolean, known?: Set<string>, near?: (term: string) => string[]): [number, string] {
  if (words.has(term)) return [1, term];
  // Two-letter terms have no edit neighbours: `near` offers them only the OCR spellings the reading read as them ("iy" for "ly").
  if (!fuzzy || /\d/.test(term) || (term.length < 3 && !(near && /^[a-z]{2}$/.test(term)))) return [0, ''];
  if (near) {
    // The index's own list of near spellings: set lookups instead of comparing every word.
    for (const word of near(term)) if (words.has(word) && !known?.has(word)) return [term.length === 3 ? 0.35 : 0.7, word];
    return [0, ''];
  }
  // Short syllables: only a same-length substitution ("cét" for "cắt"), and weaker.
  for (const word of words) {
    // A word that clean documents use is itself, not a damaged form of another ("thông" is not "tháng").
    if (known?.has(word)) continue;
    if (term.length === 3 ? word.length === 3 && oneSubstitution(term, word) : word.length >= 3 && withinOneEdit(term, word)) return [term.length === 3 ? 0.35 : 0.7, word];
  }
  return [0, ''];
}
function matchStrength(term: string, words: Set<string>, fuzzy: boolean, known?: Set<string>, near?: (term: string) => string[]): number {
  return bestMatch(term, words, fuzzy, known, near)[0];
}
function oneSubstitution(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}
function referenceScore(sentence: string | SentenceTokens, analysis: QueryAnalysis, idf: Idf, options: ScoreOptions = {}): SentenceScore {
  const { context = '', fuzzy = false, document = '', known, near, accents = false, documentStrength = 0.5 } = options;
  const tokens = typeof sentence === 'string' ? tokenizeSentence(sentence) : sentence;
  const { words, set: wordSet, joined } = tokens;
  const contextSet = asSet(context);
  const documentSet = asSet(document);
  let total = 0;
  let found = 0;
  let exact = 0;
  /** The sentence word each question term matched (itself, or its OCR-damaged form). */
  const matched: string[] = [];
  const weights: Array<[number, number]> = [];
  const misaccented: boolean[] = [];
  for (const { term, weight, alternatives } of analysis.content) {
    // A typed word with alternatives ("tiền" ≈ "kinh phí") weighs as its most common form.
    const rarity = Math.min(idf(term), ...(alternatives ?? []).map((phrase) => Math.max(...phrase.split(' ').map(idf))));
    const w = weight * Math.max(0.2, rarity);
    total += w;
    const forms = accents ? analysis.accents?.get(term) : undefined;
    // Same letters, other diacritics in a clean sentence: likely another word ("cán" for "căn"), a weak
    // match that only a matching neighbour (a phrase, despite a typo) makes trusted.
    const wrongAccent = forms !== undefined && wordSet.has(term) && ![...forms].some((f) => tokens.accented.has(f));
    let [inSentence, word] = wrongAccent ? [0.5, term] : bestMatch(term, wordSet, fuzzy, known, near);
    // An alternative written instead, its words in a row.
    let byAlternative = false;
    for (const phrase of inSentence < 1 ? (alternatives ?? []) : []) {
      const parts = phrase.split(' ').map((p) => bestMatch(p, wordSet, fuzzy, known, near));
      const strength = Math.min(...parts.map(([s]) => s));
      const text = parts.map(([, m]) => m).join(' ');
      if (strength > inSentence && (parts.length < 2 || joined.includes(` ${text} `))) [inSentence, word, byAlternative] = [strength, text, strength === 1];
    }
    const strength = inSentence === 1 ? 1 : Math.max(inSentence, 0.6 * matchStrength(term, contextSet, fuzzy, known, near), documentSet.has(term) ? documentStrength : 0);
    found += w * strength;
    exact += w * Math.max((wordSet.has(term) && !wrongAccent) || byAlternative ? 1 : 0, contextSet.has(term) ? 0.6 : 0, documentSet.has(term) ? documentStrength : 0);
    matched.push(inSentence > 0 ? word : '');
    weights.push([w, inSentence]);
    misaccented.push(wrongAccent);
  }

  // Adjacent question pairs found adjacent in the sentence: phrase evidence.
  let pairs = 0;
  const trusted = new Set<number>();
  const content = analysis.content;
  for (let i = 1; i < content.length; i++) {
    if (matched[i - 1] && matched[i] && joined.includes(` ${matched[i - 1]} ${matched[i]} `)) {
      pairs++;
      // An OCR-tolerant match inside a matched phrase ("thdo ludn" for "thảo luận") is trusted.
      for (const j of [i - 1, i]) {
        const [w, strength] = weights[j]!;
        if (strength < 1 && !trusted.has(j)) {
          trusted.add(j);
          // A diacritic typo inside a matched phrase ("Bùa Liềm Vàng") is the word itself.
          if (misaccented[j]) {
            found += w * (1 - strength);
            exact += w;
          } else exact += w * strength;
        }
      }
    }
  }
  // OCR-damaged two-letter syllables ("hd sơ" for "hồ sơ", "Iy" for "lý"): one wrong letter is
  // accepted only right next to a neighbour of the question already matched in order.
  if (fuzzy) {
    for (let pass = 0, changed = true; pass < 2 && changed; pass++) {
      changed = false;
      for (let i = 0; i < content.length; i++) {
        const term = content[i]!.term;
        if (matched[i] || term.length !== 2 || !/^[a-z]{2}$/.test(term)) continue;
        const prev = i > 0 ? matched[i - 1] : '';
        const next = matched[i + 1] ?? '';
        const at = words.findIndex(
          (word, k) => word.length === 2 && oneSubstitution(term, word) && ((prev && words[k - 1] === prev) || (next && words[k + 1] === next)),
        );
        if (at < 0) continue;
        const w = weights[i]![0];
        found += w * 0.7;
        exact += w * 0.7;
        matched[i] = words[at]!;
        pairs++;
        changed = true;
      }
    }
  }
  const coverage = total ? found / total : 0;
  const foldedSentence = joined;
  let intentBonus = 0;
  for (const intent of analysis.intents) if (INTENT_EVIDENCE[intent].test(foldedSentence)) intentBonus += 0.12;
  // Very long sentences match everything a little; prefer focused ones.
  const lengthPenalty = Math.min(0.3, Math.max(0, (words.length - 40) / 60) * 0.15);
  return { score: coverage + Math.min(0.3, 0.06 * pairs) + intentBonus - lengthPenalty, coverage, exactCoverage: total ? exact / total : 0, pairs, titled: 0 };
}

// ---- end of reference ----

let runtime: NodeRuntime;
let analyses: QueryAnalysis[];
beforeAll(async () => {
  runtime = await testRuntime();
  const dir = join(import.meta.dirname, '..', 'data', 'eval');
  const cases = [...(await readQuestionSet(join(dir, 'dev.jsonl'))), ...(await readQuestionSet(join(dir, 'questions.jsonl')))];
  // Every tenth question (all kinds: accentless, English, follow-ups) keeps the test quick.
  analyses = cases.filter((_, i) => i % 10 === 0).map((c) => analyzeQuery(c.question, c.history));
}, 60_000);

const same = (a: SentenceScore, b: SentenceScore) => Object.is(a.score, b.score) && Object.is(a.coverage, b.coverage) && Object.is(a.exactCoverage, b.exactCoverage);

describe('scoreSentence caching', () => {
  it('gives exactly the reference scores on the real corpus', () => {
    const retriever = runtime.kb.retriever();
    const { idf, near, corpus } = retriever;
    const known = corpus.knownWords;
    let compared = 0;
    const mismatches: string[] = [];
    for (const analysis of analyses) {
      for (const chunk of corpus.chunks) {
        const { sentences, context } = chunkTokens(chunk);
        const document = documentTokens(corpus.meta(chunk.docId));
        const mixes: ScoreOptions[] = [
          { context, document, fuzzy: chunk.ocr, known, near },
          { context, document, fuzzy: chunk.ocr, known, near, accents: !chunk.ocr, documentStrength: 0.9 },
          { fuzzy: true },
        ];
        sentences.forEach((tokens, index) => {
          for (const options of mixes) {
            const expected = referenceScore(tokens, analysis, idf, options);
            for (let round = 0; round < 2; round++) {
              const actual = scoreSentence(tokens, analysis, idf, options);
              compared++;
              if (!same(actual, expected) && mismatches.length < 5) mismatches.push(`${analysis.question} | ${chunk.id}#${index}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
            }
          }
          // A raw string (clause scoring in the extractive answer) is tokenized per call.
          const text = chunk.text.slice(chunk.sentences[index]!.start, chunk.sentences[index]!.end);
          if (!same(scoreSentence(text, analysis, idf, { fuzzy: true }), referenceScore(text, analysis, idf, { fuzzy: true }))) mismatches.push(`${analysis.question} | string ${chunk.id}#${index}`);
        });
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  }, 120_000);
});
