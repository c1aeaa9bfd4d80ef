import { loadConfig } from '../../src/config.js';
import { createNodeRuntime } from '../../src/node.js';
const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: process.argv[2]!, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
const d = runtime.kb.documents().find((x) => x.source.startsWith(process.argv[3]!))!;
const t = runtime.kb.document(d.id)!.text;
console.log(JSON.stringify(t.slice(-700)));
process.exit(0);
