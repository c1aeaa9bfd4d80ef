/**
 * De-duplication of webhook deliveries. Zalo retries when it does not get a
 * fast 200, and sends no nonce: the message id is the only key. Persisted so
 * a restart does not answer the same message twice; bounded to the most
 * recent ids.
 */
import type { KeyValueStore } from './kv.js';

export class SeenIds {
  private ids?: Promise<string[]>;
  private set = new Set<string>();
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: KeyValueStore,
    private readonly key = 'seen-ids',
    private readonly capacity = 5000,
  ) {}

  private load(): Promise<string[]> {
    this.ids ??= this.store.get(this.key).then((raw) => {
      let list: string[] = [];
      try {
        const parsed: unknown = raw ? JSON.parse(raw) : [];
        if (Array.isArray(parsed)) list = parsed.filter((x): x is string => typeof x === 'string');
      } catch {
        // A corrupt file only costs de-duplication of old ids.
      }
      this.set = new Set(list);
      return list;
    });
    return this.ids;
  }

  /** True the first time an id is seen; the id is persisted before returning. */
  async firstTime(id: string): Promise<boolean> {
    const list = await this.load();
    // Check-and-add is synchronous after the load: no race within the process.
    if (this.set.has(id)) return false;
    this.set.add(id);
    list.push(id);
    if (list.length > this.capacity) for (const old of list.splice(0, list.length - this.capacity)) this.set.delete(old);
    const snapshot = JSON.stringify(list);
    this.writing = this.writing.catch(() => {}).then(() => this.store.put(this.key, snapshot));
    await this.writing;
    return true;
  }
}
