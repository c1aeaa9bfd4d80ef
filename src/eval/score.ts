/**
 * Scoring of one system's outcomes on a question set (DESIGN §4/§6). Pure
 * functions: the runner collects outcomes, this turns them into figures.
 */
import { fold } from '../text/fold.js';
import { isNoAnswer, type EvalCase } from './questions.js';

/** What a system did with one question. */
export interface Outcome {
  answered: boolean;
  answer: string;
  citations: Array<{ source: string; quote: string }>;
  /** Sources of the top retrieved passages, best first (hit@5). */
  retrieved: string[];
  ms: number;
  /** Why the system refused (its closed list of reasons), when it says. */
  refusal?: string;
}

export interface CaseResult {
  id: string;
  noanswer: boolean;
  pass: boolean;
  answered: boolean;
  hit1: boolean;
  /** The top retrieved passage is from an expected source (retrieval alone, answered or not). */
  retrievalHit1: boolean;
  hit5: boolean;
  /** Quotes not found verbatim in their source. */
  badQuotes: number;
  quotes: number;
  ms: number;
  reason?: string;
  /** The system's own reason for refusing (DESIGN §4 list), for counting which gate refuses. */
  refusal?: string;
}

export interface Summary {
  cases: number;
  answerable: number;
  noanswer: number;
  /** Share of all cases that pass (answerable: right source + phrase; noanswer: refused). */
  accuracy: number;
  /** Share of answerable cases that pass. */
  answerableAccuracy: number;
  hit1: number;
  /** Share of answerable cases whose top retrieved passage is from an expected source. */
  retrievalHit1: number;
  hit5: number;
  /** Share of noanswer cases refused. */
  refusalAccuracy: number;
  /** Answerable cases refused (count and share of answerable). */
  falseRefusals: number;
  falseRefusalRate: number;
  quotes: number;
  quoteValidity: number;
  p50Ms: number;
  p95Ms: number;
}

/** The comparable form of answer text and phrases: folded, lowercase, single spaces. */
export function normalizeForMatch(text: string): string {
  return fold(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when the folded answer contains one of the expected phrases. */
export function containsExpected(answer: string, phrases: string[]): boolean {
  const folded = normalizeForMatch(answer);
  return phrases.some((p) => folded.includes(normalizeForMatch(p)));
}

/** Checks a quote against its source (both in `matchKey` form): the caller supplies the lookup. */
export type QuoteCheck = (source: string, quote: string) => boolean;

export function scoreCase(c: EvalCase, outcome: Outcome, quoteOk: QuoteCheck): CaseResult {
  const quotes = outcome.citations.length;
  const badQuotes = outcome.citations.filter((x) => !quoteOk(x.source, x.quote)).length;
  const base = { id: c.id, answered: outcome.answered, quotes, badQuotes, ms: outcome.ms, ...(outcome.refusal ? { refusal: outcome.refusal } : {}) };
  if ('noanswer' in c.expect) {
    return { ...base, noanswer: true, pass: !outcome.answered, hit1: false, retrievalHit1: false, hit5: false, ...(outcome.answered ? { reason: 'answered a noanswer case' } : {}) };
  }
  const expected = new Set(c.expect.sources);
  const hit1 = outcome.answered && outcome.citations.length > 0 && expected.has(outcome.citations[0]!.source);
  const retrievalHit1 = outcome.retrieved.length > 0 && expected.has(outcome.retrieved[0]!);
  const hit5 = outcome.retrieved.slice(0, 5).some((s) => expected.has(s));
  const cites = outcome.citations.some((x) => expected.has(x.source));
  const phrase = containsExpected(outcome.answer, c.expect.answer_contains);
  const pass = outcome.answered && cites && phrase;
  const reason = pass ? undefined : !outcome.answered ? 'refused' : !cites ? 'wrong source' : 'phrase missing';
  return { ...base, noanswer: false, pass, hit1, retrievalHit1, hit5, ...(reason ? { reason } : {}) };
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const share = (n: number, d: number) => (d ? n / d : 0);

export function summarize(results: CaseResult[]): Summary {
  const answerable = results.filter((r) => !r.noanswer);
  const noanswer = results.filter((r) => r.noanswer);
  const quotes = results.reduce((s, r) => s + r.quotes, 0);
  const bad = results.reduce((s, r) => s + r.badQuotes, 0);
  const falseRefusals = answerable.filter((r) => !r.answered).length;
  const ms = results.map((r) => r.ms);
  return {
    cases: results.length,
    answerable: answerable.length,
    noanswer: noanswer.length,
    accuracy: share(results.filter((r) => r.pass).length, results.length),
    answerableAccuracy: share(answerable.filter((r) => r.pass).length, answerable.length),
    hit1: share(answerable.filter((r) => r.hit1).length, answerable.length),
    retrievalHit1: share(answerable.filter((r) => r.retrievalHit1).length, answerable.length),
    hit5: share(answerable.filter((r) => r.hit5).length, answerable.length),
    refusalAccuracy: share(noanswer.filter((r) => r.pass).length, noanswer.length),
    falseRefusals,
    falseRefusalRate: share(falseRefusals, answerable.length),
    quotes,
    quoteValidity: quotes ? 1 - bad / quotes : 1,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
  };
}

export interface Thresholds {
  minAccuracy?: number;
  minHit5?: number;
  minRefusal?: number;
  minQuoteValidity?: number;
  /** Required lead of our accuracy over every baseline, in points (0..100). */
  minMargin?: number;
}

/** Human-readable failures; empty when every threshold holds. */
export function checkThresholds(name: string, ours: Summary, baselines: Summary[], t: Thresholds): string[] {
  const failures: string[] = [];
  const check = (label: string, value: number, min: number | undefined) => {
    if (min !== undefined && value < min) failures.push(`${name}: ${label} ${value.toFixed(3)} < ${min}`);
  };
  check('accuracy', ours.accuracy, t.minAccuracy);
  check('hit@5', ours.hit5, t.minHit5);
  if (ours.noanswer) check('refusal accuracy', ours.refusalAccuracy, t.minRefusal);
  check('quote validity', ours.quoteValidity, t.minQuoteValidity);
  if (t.minMargin !== undefined) {
    for (const b of baselines) {
      const margin = (ours.accuracy - b.accuracy) * 100;
      if (margin < t.minMargin) failures.push(`${name}: lead over a baseline ${margin.toFixed(1)} points < ${t.minMargin}`);
    }
  }
  return failures;
}

export { isNoAnswer };
