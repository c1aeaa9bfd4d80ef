/**
 * The part of a quote that answers: a quote is a whole sentence ("Điều hành: phát biểu khai mạc không quá
 * 10 phút; kết luận không quá 50 phút; tham luận không quá 10 phút"), the asker wants one clause of it.
 * The quote is cut into clauses at ; : , and list markers, and the clause that best covers the question's
 * content terms (the resolved question for a follow-up) is the span. No span when the quote is one clause
 * or no clause stands out: the whole quote answers then.
 */
import type { QueryAnalysis } from '../retrieval/query.js';
import type { Idf } from '../retrieval/sentence-score.js';
import { withinOneEdit } from '../text/edit-distance.js';
import { foldedSyllables } from '../text/tokens.js';
import type { Citation } from '../types.js';

/**
 * Clause boundaries, strong first: ; or :, a sentence's full stop (before a capital, a digit or a new line),
 * a list marker opening a line. A comma (not inside a number like "1,5") also joins the words of one phrase
 * ("cán bộ, đảng viên"), so commas cut a quote only when it has no strong boundary.
 */
const STRONG_BREAK = /[;:]|\.(?=\s*\n|\s+[\p{Lu}\d(])|\n\s*(?:[-+•*]|\(?\d{1,2}[.)]|[a-zđ]\))\s/gu;
const COMMA_BREAK = /,(?!\d)/gu;

/** A lead-in that announces a list ("… như sau:", "gồm:", "là:"): the items after it answer together. */
const ANNOUNCES_LIST = /\b(?:sau|gom|la)$/;

/** A clause shorter than this many syllables is a label ("Điều hành:"), not an answer. */
const MIN_CLAUSE_SYLLABLES = 3;

/** A misread syllable matches with this much of its weight: a scan's "luén" is probably "luận", not surely. */
const OCR_MATCH = 0.7;

export interface Clause {
  start: number;
  end: number;
  /** The clause introduces what follows ("Tổng kinh phí thu gom:"): a heading, not an answer. */
  leadIn?: boolean;
}

/** The quote's clauses, trimmed of spaces and of the punctuation that ends them: at strong boundaries, else at commas. */
export function clauses(quote: string, commas = true): Clause[] {
  const strong = clausesAt(quote, STRONG_BREAK);
  return strong.length > 1 || !commas ? strong : clausesAt(quote, COMMA_BREAK);
}

function clausesAt(quote: string, breaks: RegExp): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  const push = (a: number, b: number, leadIn: boolean) => {
    while (a < b && /[\s,;:.\-+•*]/u.test(quote[a]!)) a++;
    while (b > a && /[\s,;:.]/u.test(quote[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b, ...(leadIn ? { leadIn } : {}) });
  };
  for (const match of quote.matchAll(breaks)) {
    push(from, match.index!, match[0] === ':');
    from = match.index! + (match[0].startsWith('\n') ? 1 : match[0].length);
  }
  push(from, quote.length, false);
  return out;
}

/** How well one clause covers the question's content terms: idf-weighted, exact matches in full, OCR look-alikes in part. */
function coverage(words: string[], analysis: Pick<QueryAnalysis, 'content'>, idf: Idf, ocr: boolean): number {
  let score = 0;
  for (const { term, weight } of analysis.content) {
    const w = weight * Math.max(0.2, idf(term));
    if (words.includes(term)) score += w;
    // One-letter slips only count on longer syllables: "ha" ~ "hà" would match half the language.
    else if (ocr && term.length >= 3 && words.some((word) => word.length >= 3 && withinOneEdit(word, term))) score += w * OCR_MATCH;
  }
  return score;
}

/** [start, end] of the clause of `quote` that answers, or undefined when the whole quote does. */
export function answeringSpan(quote: string, analysis: Pick<QueryAnalysis, 'content' | 'intents'>, idf: Idf, ocr = false): [number, number] | undefined {
  // A list is answered by all its items: no one clause is the answer.
  if (analysis.intents.has('list')) return undefined;
  // A number or a date sits in one comma-clause; a name or a topic runs across commas ("cán bộ, đảng viên").
  const asksNumber = analysis.intents.has('quantity') || analysis.intents.has('time');
  const all = clauses(quote, asksNumber);
  if (all.some((c) => c.leadIn && ANNOUNCES_LIST.test(foldedSyllables(quote.slice(c.start, c.end)).join(' ')))) return undefined;
  const parts = all.filter((c) => !c.leadIn && foldedSyllables(quote.slice(c.start, c.end)).length >= MIN_CLAUSE_SYLLABLES);
  if (parts.length < 2) return undefined;
  // A quantity or a date is answered by a clause that holds a number.
  const scored = parts
    .map((clause) => {
      const text = quote.slice(clause.start, clause.end);
      const fits = !asksNumber || /\d/.test(text);
      return { clause, score: fits ? coverage(foldedSyllables(text), analysis, idf, ocr) : 0 };
    })
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  // A tie says the question does not pick one clause; then the whole quote is the answer.
  if (!best || best.score <= 0 || (next && next.score >= best.score * 0.999)) return undefined;
  return [best.clause.start, best.clause.end];
}

/** Citations with the answering clause of each quote marked (`span`). */
export function withSpans(citations: Citation[], analysis: Pick<QueryAnalysis, 'content' | 'intents'>, idf: Idf): Citation[] {
  return citations.map((c) => {
    const span = answeringSpan(c.quote, analysis, idf, !!c.ocr);
    return span ? { ...c, span } : c;
  });
}
