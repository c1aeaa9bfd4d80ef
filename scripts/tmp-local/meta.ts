import { loadConfig } from '../../src/config.js';
import { createNodeRuntime } from '../../src/node.js';
const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: process.argv[2]!, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
for (const d of runtime.kb.documents()) console.log(d.source.slice(0, 40), '|', d.docNumber, '|', d.signer, '|', d.date, '|', d.docType);
process.exit(0);
