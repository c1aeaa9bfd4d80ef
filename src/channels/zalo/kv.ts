/**
 * The persistence port the Zalo channels need: a few small string values
 * (OA tokens, seen message ids). Files on Node, KV/D1 on Workers.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  put(key: string, value: string): Promise<void>;
}

export function memoryKeyValue(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    async get(key) {
      return values.get(key);
    },
    async put(key, value) {
      values.set(key, value);
    },
  };
}
