/**
 * Work done after the webhook has been acknowledged. Zalo retries slow
 * webhooks, so answers run in the background; tasks of one conversation run
 * in order. `idle()` lets tests (and shutdown) wait for pending work; on
 * Workers the route also hands each task to ctx.waitUntil.
 */
import type { Logger } from '../../logger.js';

export type WaitUntil = (task: Promise<unknown>) => void;

export class BackgroundTasks {
  private readonly pending = new Set<Promise<void>>();
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(key: string, task: () => Promise<void>, waitUntil?: WaitUntil): void {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const p: Promise<void> = previous
      .then(task)
      .catch((err: unknown) => this.logger.error({ err, key }, '[zalo] background task failed'))
      .finally(() => {
        this.pending.delete(p);
        if (this.chains.get(key) === p) this.chains.delete(key);
      });
    this.chains.set(key, p);
    this.pending.add(p);
    waitUntil?.(p);
  }

  /** Resolves when no task is pending (including tasks started meanwhile). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
