/**
 * Runs one exported function of a TypeScript module in a worker thread, for
 * work that must not hold up the questions this process answers (reading an
 * upload, rebuilding the index). The thread starts plain (no inherited loader
 * flags), registers tsx itself, calls the function with `args` and a progress
 * callback, and ends. A heap limit and a time limit bound what it may cost.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface ThreadOptions {
  /** Heap the thread may use, in MB (default: Node's). */
  heapMb?: number;
  /** Longest it may run, in ms (default: no limit). */
  timeoutMs?: number;
  onProgress?: (message: string) => void;
}

/** Why a thread gave no result: its own error (with the AppError code when it threw one), or a limit. */
export class ThreadError extends Error {
  constructor(
    readonly reason: 'failed' | 'timeout' | 'memory' | 'crashed',
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ThreadError';
  }
}

type Outcome = { ok: true; result: unknown } | { ok: false; code?: string; message: string } | { progress: string };

const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  (await import(workerData.tsx)).register();
  const module = await import(workerData.module);
  return module[workerData.name](...workerData.args, (message) => parentPort.postMessage({ progress: String(message) }));
})().then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (err) => parentPort.postMessage({ ok: false, code: err && err.name === 'AppError' ? err.code : undefined, message: String(err && err.message) }),
);`;

// require.resolve finds the CommonJS build of tsx's API; the thread imports its ESM twin beside it.
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;

export async function runInThread<T>(module: URL, name: string, args: unknown[], options: ThreadOptions = {}): Promise<T> {
  const worker = new Worker(BOOT, {
    eval: true,
    execArgv: [],
    workerData: { tsx: TSX_API, module: module.href, name, args },
    ...(options.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.heapMb } } : {}),
    stdout: true,
  });
  try {
    return await new Promise<T>((resolve, reject) => {
      const timer = options.timeoutMs ? setTimeout(() => reject(new ThreadError('timeout', `thread ran over ${options.timeoutMs} ms`)), options.timeoutMs) : undefined;
      const settle = (done: () => void) => (clearTimeout(timer), done());
      worker.on('message', (message: Outcome) => {
        if ('progress' in message) return options.onProgress?.(message.progress);
        settle(() => (message.ok ? resolve(message.result as T) : reject(new ThreadError('failed', message.message, message.code))));
      });
      worker.once('error', (err: Error & { code?: string }) =>
        settle(() => reject(new ThreadError(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed', err.message))),
      );
      worker.once('exit', () => settle(() => reject(new ThreadError('crashed', 'thread exited without a result'))));
    });
  } finally {
    await worker.terminate();
  }
}
