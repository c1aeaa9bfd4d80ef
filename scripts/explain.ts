/**
 * `npm run explain -- "<question>" [--history "<previous question>"]`: how a question was read, retrieved,
 * scored and decided (the same trace as `debug: true` on /api/ask). `npm run explain -- --kinds` prints
 * the registry of question kinds.
 */
import type { AnswerTrace } from '../src/answer/extractive.js';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime } from '../src/node.js';
import { printRegistry } from '../src/question/registry.js';

const args = process.argv.slice(2);
if (args.includes('--kinds')) {
  console.log(printRegistry());
  process.exit(0);
}
const historyAt = args.indexOf('--history');
const history = historyAt >= 0 ? [{ role: 'user' as const, content: args.splice(historyAt, 2)[1]! }] : undefined;
const question = args.join(' ').trim();
const runtime = await createNodeRuntime({ ...loadConfig(), LOG_LEVEL: 'warn' });
const { analysis, passages } = await runtime.assistant.prepare({ question, history });
console.log('text:', analysis.text.replace(/\n/g, ' | '), ' intents:', [...analysis.intents].join(','));
console.log('passages:');
for (const p of passages.slice(0, 6)) console.log(`  [${p.score.toFixed(2)}] ${p.doc.id} §${p.chunk.section} ${p.chunk.sectionTitle.slice(0, 60)}`);
const reply = await runtime.assistant.ask({ question, history, debug: true });
const trace = reply.trace as AnswerTrace | undefined;
if (trace) {
  console.log('\nquestion:', JSON.stringify(trace.question));
  console.log(`rules: ${trace.rules}`);
  console.log('candidates (probability · score · coverage · text):');
  for (const c of [...trace.candidates].sort((a, b) => b.probability - a.probability).slice(0, 8)) {
    const f = c.features;
    console.log(`  ${c.probability.toFixed(3)} · ${f.score.toFixed(2)} · ${f.coverage.toFixed(2)}${f.rulesChoice ? ' ★' : ''}  ${c.text.slice(0, 110).replace(/\n/g, ' ')}`);
  }
  console.log('decision:', JSON.stringify(trace.decision));
}
console.log('\n=> answered:', reply.answered, reply.reason ? `(${reply.reason})` : '', '\n' + reply.answer);
process.exit(0);
