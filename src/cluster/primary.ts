/**
 * The primary's side of the cluster protocol: one rate limiter for every
 * worker, named locks (one admin change at a time), and read-your-writes for the index — an
 * admin change is acknowledged only when every worker serves the build it
 * published. A worker that does not load it in time is restarted (a new
 * worker loads the current build before it takes connections), so the
 * acknowledgement always holds.
 */
import cluster, { type Worker } from 'node:cluster';
import { RateLimiter } from '../http/rate-limit.js';
import { atLeast, isMessage, type PrimaryMessage, type WorkerMessage, type WorkerVersion } from './protocol.js';

export interface CoordinatorOptions {
  /** How long workers get to load a published build before they are restarted. */
  reloadTimeoutMs?: number;
  log?: (message: string) => void;
}

export function coordinateWorkers(options: CoordinatorOptions = {}): void {
  const limiters = new Map<number, RateLimiter>();
  const serving = new Map<number, string>();
  const locks = new Map<string, { holder?: Worker; queue: Array<{ worker: Worker; id: number }> }>();
  const lockNamed = (name: string) => {
    let lock = locks.get(name);
    if (!lock) locks.set(name, (lock = { queue: [] }));
    return lock;
  };
  let target: string | undefined;
  const waits = new Set<{ version: string; done: () => void }>();

  // A worker may be exiting while a message is on its way (shutdown, a crash): the send then fails with EPIPE,
  // reported as an 'error' event that would otherwise end the primary. That worker's 'exit' settles its state.
  cluster.on('fork', (worker) => worker.on('error', () => {}));
  const send = (worker: Worker, message: PrimaryMessage) => {
    if (worker.isConnected()) worker.send(message, () => {});
  };
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w) && !w!.isDead());
  const versions = (): WorkerVersion[] => alive().map((w) => ({ worker: w.id, pid: w.process.pid ?? 0, indexVersion: serving.get(w.id) }));
  const broadcastVersions = () => {
    const workers = versions();
    for (const w of alive()) send(w, { kind: 'vanban:versions', workers });
  };
  const settle = () => {
    for (const wait of waits) if (alive().every((w) => atLeast(serving.get(w.id), wait.version))) wait.done();
  };
  const grant = (lock: { holder?: Worker; queue: Array<{ worker: Worker; id: number }> }) => {
    while (!lock.holder && lock.queue.length) {
      const next = lock.queue.shift()!;
      if (next.worker.isDead()) continue;
      lock.holder = next.worker;
      send(next.worker, { kind: 'vanban:locked', id: next.id });
    }
  };

  const waitServed = (version: string): Promise<number[]> =>
    new Promise((resolve) => {
      const wait = {
        version,
        done: () => {
          clearTimeout(timer);
          waits.delete(wait);
          resolve([]);
        },
      };
      const timer = setTimeout(() => {
        waits.delete(wait);
        const late = alive().filter((w) => !atLeast(serving.get(w.id), version));
        options.log?.(`workers ${late.map((w) => w.process.pid).join(', ')} did not load index ${version} in time; restarting them`);
        for (const w of late) w.process.kill('SIGKILL');
        resolve(late.map((w) => w.process.pid ?? 0));
      }, options.reloadTimeoutMs ?? 60_000);
      waits.add(wait);
      settle();
    });

  cluster.on('message', (worker, message: unknown) => {
    if (!isMessage<WorkerMessage>(message)) return;
    switch (message.kind) {
      case 'vanban:rate': {
        let limiter = limiters.get(message.perMinute);
        if (!limiter) limiters.set(message.perMinute, (limiter = new RateLimiter({ perMinute: message.perMinute })));
        send(worker, { kind: 'vanban:rate', id: message.id, wait: limiter.take(message.key) });
        return;
      }
      case 'vanban:lock': {
        const lock = lockNamed(message.name);
        lock.queue.push({ worker, id: message.id });
        return grant(lock);
      }
      case 'vanban:unlock': {
        const lock = lockNamed(message.name);
        if (lock.holder === worker) lock.holder = undefined;
        return grant(lock);
      }
      case 'vanban:serving':
        serving.set(worker.id, message.version);
        // A worker that started (or reloaded) just before a publish catches up.
        if (target && !atLeast(message.version, target)) send(worker, { kind: 'vanban:reload', version: target });
        broadcastVersions();
        return settle();
      case 'vanban:published': {
        if (!target || message.version > target) target = message.version;
        serving.set(worker.id, message.version);
        for (const w of alive()) if (!atLeast(serving.get(w.id), message.version)) send(w, { kind: 'vanban:reload', version: message.version });
        broadcastVersions();
        void waitServed(message.version).then((restarted) => send(worker, { kind: 'vanban:served', id: message.id, restarted }));
        return;
      }
    }
  });
  cluster.on('exit', (worker) => {
    serving.delete(worker.id);
    // A worker that dies holding a lock releases it.
    for (const lock of locks.values()) {
      if (lock.holder === worker) lock.holder = undefined;
      grant(lock);
    }
    broadcastVersions();
    settle();
  });
}
