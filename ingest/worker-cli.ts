/**
 * `npm run ingest:worker [-- --production] [-- <dir or files>]`: data for Cloudflare.
 * Default: local hash embeddings (what `npm run dev:worker` serves).
 * --production: bge-m3 embeddings via the Workers AI REST API (CLOUDFLARE_ACCOUNT_ID,
 * CLOUDFLARE_API_TOKEN) and Vectorize NDJSON batches. Output: WORKER_OUT_DIR (default .worker).
 */
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { exportWorkerData, type DocumentEmbedder } from './worker-export.js';
import { WorkersAiRestEmbeddings } from './workers-ai-rest.js';

const args = process.argv.slice(2);
const production = args.includes('--production');
const inputs = args.filter((a) => !a.startsWith('--'));

function embedder(): DocumentEmbedder {
  if (!production) return new LocalHashEmbeddings();
  const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
  const apiToken = process.env.CLOUDFLARE_API_TOKEN;
  if (!accountId || !apiToken) throw new Error('--production cần CLOUDFLARE_ACCOUNT_ID và CLOUDFLARE_API_TOKEN (quyền Workers AI).');
  return new WorkersAiRestEmbeddings({ accountId, apiToken, model: process.env.EMBEDDINGS_MODEL, apiBase: process.env.CLOUDFLARE_API_BASE });
}

try {
  const result = await exportWorkerData({
    outDir: process.env.WORKER_OUT_DIR ?? '.worker',
    inputs: inputs.length ? inputs : [process.env.DATA_DIR ? `${process.env.DATA_DIR}/docs` : 'data/docs'],
    embeddings: embedder(),
    vectorize: production,
    onProgress: (message) => console.log(message),
  });
  console.log(`Xong: ${result.documents} văn bản, ${result.chunks} đoạn, ${result.terms} thuật ngữ.`);
  if (production) {
    console.log('Nạp dữ liệu lên Cloudflare:');
    console.log(`  npx wrangler d1 execute vanban --env production --remote --file ${result.seedFile}`);
    for (const file of result.vectorizeFiles) console.log(`  npx wrangler vectorize insert vanban-chunks --file ${file}`);
  }
} catch (err) {
  console.error(`Lỗi khi xuất dữ liệu cho Workers: ${(err as Error).message}`);
  process.exit(1);
}
