/**
 * A worker's side of the cluster protocol (see primary.ts), and the same
 * surface for a single process, so the runtime does not care which it is.
 */
import cluster from 'node:cluster';
import { RateLimiter, type Limiter } from '../http/rate-limit.js';
import { isMessage, type PrimaryMessage, type WorkerMessage, type WorkerVersion } from './protocol.js';

export interface ServerLink {
  /** The rate-limit buckets every process shares. */
  limiter(perMinute: number): Limiter;
  /** Runs `task` while no other process runs one under the same name (default: admin changes). */
  exclusive<T>(task: () => Promise<T>, name?: string): Promise<T>;
  /** After publishing `version`: resolves when every process serves it. */
  served(version: string): Promise<void>;
  /** This process now serves `version`. */
  serving(version: string | undefined): void;
  /** Called when another process published a build: load it, then report with serving(). */
  onReload(handler: () => Promise<void>): void;
  /** The index version each process serves. */
  versions(): WorkerVersion[];
}

/** One queue per name in this process (in a cluster, in front of the primary's lock of that name). */
function localQueues() {
  const queues = new Map<string, Promise<unknown>>();
  return <T>(task: () => Promise<T>, name = ADMIN_LOCK): Promise<T> => {
    const run = (queues.get(name) ?? Promise.resolve()).then(task, task);
    queues.set(name, run.catch(() => {}));
    return run;
  };
}

const ADMIN_LOCK = 'admin';

export function singleProcessLink(): ServerLink {
  let version: string | undefined;
  const exclusive = localQueues();
  return {
    limiter: (perMinute) => new RateLimiter({ perMinute }),
    exclusive,
    served: async () => {},
    serving: (v) => (version = v),
    onReload: () => {},
    versions: () => [{ worker: 0, pid: process.pid, indexVersion: version }],
  };
}

/** How long a rate-limit answer may take before this worker decides alone (the primary is busy or gone). */
const RATE_TIMEOUT_MS = 1000;

export function workerLink(): ServerLink {
  if (!cluster.isWorker || !process.send) return singleProcessLink();
  let nextId = 0;
  const pending = new Map<number, (message: PrimaryMessage) => void>();
  let known: WorkerVersion[] = [];
  let reload: (() => Promise<void>) | undefined;
  // The primary may be gone (shutdown): a failed send is that, not an error of this worker.
  const send = (message: WorkerMessage) => void (process.connected && process.send!(message, undefined, {}, () => {}));
  const request = (make: (id: number) => WorkerMessage, timeoutMs?: number): Promise<PrimaryMessage | undefined> =>
    new Promise((resolve) => {
      const id = ++nextId;
      const timer = timeoutMs ? setTimeout(() => (pending.delete(id), resolve(undefined)), timeoutMs) : undefined;
      pending.set(id, (message) => (clearTimeout(timer), pending.delete(id), resolve(message)));
      send(make(id));
    });

  process.on('message', (message: unknown) => {
    if (!isMessage<PrimaryMessage>(message)) return;
    if (message.kind === 'vanban:versions') known = message.workers;
    else if (message.kind === 'vanban:reload') void reload?.();
    else pending.get(message.id)?.(message);
  });

  const local = new Map<number, RateLimiter>();
  const exclusive = localQueues();
  return {
    limiter: (perMinute) => ({
      async take(key) {
        const answer = await request((id) => ({ kind: 'vanban:rate', id, key, perMinute }), RATE_TIMEOUT_MS);
        if (answer?.kind === 'vanban:rate') return answer.wait;
        let fallback = local.get(perMinute);
        if (!fallback) local.set(perMinute, (fallback = new RateLimiter({ perMinute })));
        return fallback.take(key);
      },
    }),
    exclusive: (task, name = ADMIN_LOCK) =>
      exclusive(async () => {
        await request((id) => ({ kind: 'vanban:lock', id, name }));
        try {
          return await task();
        } finally {
          send({ kind: 'vanban:unlock', name });
        }
      }, name),
    served: async (version) => {
      await request((id) => ({ kind: 'vanban:published', id, version }));
    },
    serving: (version) => {
      if (version) send({ kind: 'vanban:serving', version });
    },
    onReload: (handler) => (reload = handler),
    versions: () => known,
  };
}
