/** The eval table: one row per metric, one column per system, plus our lead over each baseline. */
import type { Summary } from './score.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

const ROWS: Array<[string, (s: Summary) => string, ((s: Summary) => number)?]> = [
  ['cases (answerable/noanswer)', (s) => `${s.cases} (${s.answerable}/${s.noanswer})`],
  ['answer accuracy', (s) => pct(s.accuracy), (s) => s.accuracy],
  ['accuracy, answerable only', (s) => pct(s.answerableAccuracy), (s) => s.answerableAccuracy],
  ['source hit@1', (s) => pct(s.hit1), (s) => s.hit1],
  ['retrieval hit@1', (s) => pct(s.retrievalHit1), (s) => s.retrievalHit1],
  ['source hit@5', (s) => pct(s.hit5), (s) => s.hit5],
  ['refusal accuracy', (s) => (s.noanswer ? pct(s.refusalAccuracy) : 'n/a'), (s) => s.refusalAccuracy],
  ['false refusals', (s) => `${s.falseRefusals} (${pct(s.falseRefusalRate)})`],
  ['quote validity', (s) => `${pct(s.quoteValidity)} of ${s.quotes}`, (s) => s.quoteValidity],
  ['latency p50', (s) => ms(s.p50Ms)],
  ['latency p95', (s) => ms(s.p95Ms)],
];

/** A Markdown table (also readable in a terminal). The first system is ours. */
export function formatTable(title: string, systems: Array<{ name: string; summary: Summary }>): string {
  const [ours, ...baselines] = systems;
  const header = ['metric', ...systems.map((s) => s.name), ...baselines.map((b) => `Δ vs ${b.name}`)];
  const lines = [`### ${title}`, '', `| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const [label, show, value] of ROWS) {
    const deltas = baselines.map((b) => (value && ours ? `${((value(ours.summary) - value(b.summary)) * 100 >= 0 ? '+' : '')}${((value(ours.summary) - value(b.summary)) * 100).toFixed(1)} pts` : ''));
    lines.push(`| ${[label, ...systems.map((s) => show(s.summary)), ...deltas].join(' | ')} |`);
  }
  return lines.join('\n');
}
