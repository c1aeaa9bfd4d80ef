/** `npm run ingest [-- <dir or files>]`: (re)build the index with progress output. */
import { buildIndex } from './build-index.js';
import { loadConfig } from '../src/config.js';
import { createEmbeddings } from '../src/embeddings.js';

const config = loadConfig();
// Test hook: hold the finished build unpublished for a while (crash-safety tests kill us here).
const pauseMs = Number(process.env.VANBAN_PAUSE_BEFORE_PUBLISH_MS ?? 0);
// …and mid-build, right after the files are listed (a small corpus builds faster than a test can kill it).
const readPauseMs = Number(process.env.VANBAN_PAUSE_AFTER_READ_MS ?? 0);
const inputs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
try {
  const result = await buildIndex({
    dataDir: config.DATA_DIR,
    inputs: inputs.length ? inputs : undefined,
    embeddings: createEmbeddings(config),
    onProgress: (message) => {
      console.log(message);
      // Progress is synchronous: block the thread (the test's SIGKILL ends it anyway).
      if (readPauseMs && message.startsWith('Đọc ')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, readPauseMs);
    },
    beforePublish: pauseMs
      ? async (dir) => {
          console.log(`Chờ công bố bản dựng ${dir}`);
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
      : undefined,
  });
  console.log(`Đã ghi chỉ mục vào ${result.dir} (${result.manifest.chunks} đoạn, ${Math.round(result.chars / 1024)} KB văn bản).`);
} catch (err) {
  console.error(`Lỗi khi lập chỉ mục: ${(err as Error).message}`);
  process.exit(1);
}
