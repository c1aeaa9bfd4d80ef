/**
 * Reads an upload off the answering path: in a worker thread with a heap
 * limit and a time limit, so a document that is slow or huge to read (a zip
 * bomb that lies about its sizes, a pathological PDF) costs that thread, not
 * the questions this process is answering. The zip's declared sizes are
 * checked first, here, so the common bomb never starts a thread.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sniffFormat } from '../../ingest/load.js';
import { AppError, type ErrorCode } from '../errors.js';
import type { ReadUpload } from './read-upload.js';
import { checkZip, tooLarge, type UploadLimits } from './upload-limits.js';

type Outcome = { ok: true; result: ReadUpload } | { ok: false; code?: ErrorCode; message: string };

// The thread starts plain (no inherited loader flags), registers tsx itself, then runs read-upload.ts.
const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  (await import(workerData.tsx)).register();
  const { readUpload } = await import(workerData.task);
  return readUpload(workerData.bytes, workerData.source, workerData.limits);
})().then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (err) => parentPort.postMessage({ ok: false, code: err && err.name === 'AppError' ? err.code : undefined, message: String(err && err.message) }),
);`;

// require.resolve finds the CommonJS build of tsx's API; the thread imports its ESM twin beside it.
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const TASK = new URL('./read-upload.ts', import.meta.url).href;

export async function parseUpload(bytes: Uint8Array, source: string, limits: UploadLimits): Promise<ReadUpload> {
  if (sniffFormat(bytes, source) === 'docx') checkZip(bytes, limits);
  const worker = new Worker(BOOT, {
    eval: true,
    execArgv: [],
    workerData: { tsx: TSX_API, task: TASK, bytes, source, limits },
    resourceLimits: { maxOldGenerationSizeMb: limits.parseHeapMb },
    stdout: true,
  });
  const unreadable = () => new AppError('invalid_request', `Không đọc được tệp "${source}": cấu trúc tệp hỏng hoặc quá phức tạp.`);
  const outcome = await new Promise<Outcome | Error>((resolve) => {
    const timer = setTimeout(() => resolve(tooLarge(`Tệp "${source}" đọc quá ${Math.round(limits.parseMs / 1000)} giây: quá lớn hoặc quá phức tạp để thêm vào kho.`)), limits.parseMs);
    const done = (value: Outcome | Error) => (clearTimeout(timer), resolve(value));
    worker.once('message', (message: Outcome) => done(message));
    worker.once('error', (err: Error & { code?: string }) =>
      done(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(`Tệp "${source}" cần quá nhiều bộ nhớ để đọc: quá lớn hoặc là tệp "bom nén".`) : unreadable()),
    );
    worker.once('exit', () => done(unreadable()));
  });
  await worker.terminate();
  if (outcome instanceof Error) throw outcome;
  if (outcome.ok) return outcome.result;
  throw outcome.code ? new AppError(outcome.code, outcome.message) : unreadable();
}
