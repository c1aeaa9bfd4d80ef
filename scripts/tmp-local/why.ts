import { loadConfig } from '../../src/config.js';
import { createNodeRuntime } from '../../src/node.js';
import { readQuestionSet } from '../../src/eval/questions.js';
const [dataDir, file] = process.argv.slice(2) as [string, string];
const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
const counts: Record<string, number> = {};
for (const c of await readQuestionSet(file)) {
  const { extractive } = await runtime.assistant.prepare({ question: c.question, history: c.history, debug: true });
  if (extractive.answered || 'noanswer' in c.expect) continue;
  const t = extractive.trace as any;
  const key = `${t?.decision.by}:${extractive.reason}`;
  counts[key] = (counts[key] ?? 0) + 1;
  if (process.env.SHOW === key) console.log(c.id, c.question);
}
console.log(counts);
process.exit(0);
