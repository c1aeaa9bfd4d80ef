/** Runs systems over question sets and scores them against the corpus files. */
import { matchKey } from '../../ingest/clean.js';
import type { EvalCase } from './questions.js';
import { scoreCase, summarize, type CaseResult, type QuoteCheck, type Summary } from './score.js';
import type { EvalSystem } from './systems.js';

/** Quote check against the source files' text, both sides in `matchKey` form. */
export function quoteChecker(sourceTexts: Map<string, string>): QuoteCheck {
  const keys = new Map([...sourceTexts].map(([source, text]) => [source, matchKey(text)]));
  return (source, quote) => {
    const key = keys.get(source);
    const q = matchKey(quote);
    return Boolean(key && q && key.includes(q));
  };
}

export interface SystemRun {
  name: string;
  summary: Summary;
  results: CaseResult[];
}

export async function runSystem(system: EvalSystem, cases: EvalCase[], quoteOk: QuoteCheck): Promise<SystemRun> {
  const results: CaseResult[] = [];
  for (const c of cases) results.push(scoreCase(c, await system.run(c), quoteOk));
  return { name: system.name, summary: summarize(results), results };
}
