import { loadConfig } from './src/config.js';
import { createNodeRuntime } from './src/node.js';
const rt = await createNodeRuntime({ ...loadConfig(), LOG_LEVEL: 'warn' });
for (const q of process.argv.slice(2)) {
  const r = await rt.assistant.ask({ question: q });
  console.log('Q:', q, '\n  ', r.answered, r.answer.replace(/\n/g, ' ').slice(0, 300));
}
process.exit(0);
