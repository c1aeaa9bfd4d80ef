import { loadConfig } from '../../src/config.js';
import { createNodeRuntime } from '../../src/node.js';
const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: process.argv[2]!, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
const r = await runtime.assistant.ask({ question: process.argv[3]!, debug: true });
console.log(r.answered, r.reason, r.answer.slice(0, 300));
console.log(JSON.stringify((r.trace as any)?.question), JSON.stringify((r.trace as any)?.decision));
process.exit(0);
