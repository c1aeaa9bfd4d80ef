import { readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createNodeRuntime } from '../../src/node.js';
import { readQuestionSet } from '../../src/eval/questions.js';
import { containsExpected } from '../../src/eval/score.js';
const pools: Array<[string, string[]]> = [];
if (!process.env.ONLY || process.env.ONLY === 'unseen') pools.push(['/tmp/answer-unseen', ['/work/shared/unseen/questions.jsonl']]);
if (!process.env.ONLY || process.env.ONLY === 'home') pools.push(['data', readdirSync('data/eval').filter((f) => f.endsWith('.jsonl')).sort().map((f) => join('data/eval', f))]);
const lines: string[] = [];
for (const [dir, files] of pools) {
  const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: dir, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
  let all = 0, ok = 0, na = 0, naok = 0;
  for (const file of files) {
    let n = 0, pass = 0, fr = 0;
    for (const c of await readQuestionSet(file)) {
      const { extractive: e } = await runtime.assistant.prepare({ question: c.question, history: c.history });
      let p: boolean;
      if ('noanswer' in c.expect) { p = !e.answered; na++; if (p) naok++; }
      else { p = e.answered && e.citations.some((x) => (c.expect as any).sources.includes(x.source)) && containsExpected(e.answer, c.expect.answer_contains); if (!e.answered) fr++; }
      n++; if (p) pass++;
      if (!p && process.env.SHOWFAIL) console.log('FAIL', basename(file), c.id, e.answered ? 'answered' : e.reason, c.question.slice(0, 90));
    }
    all += n; ok += pass;
    lines.push(`${basename(file, '.jsonl').padEnd(14)} ${(100 * pass / n).toFixed(1)}% (${pass}/${n}) falseRefusals ${fr}`);
  }
  lines.push(`${dir} ALL ${(100 * ok / all).toFixed(1)}% refusal ${naok}/${na}`);
}
console.log(lines.join('\n'));
process.exit(0);
