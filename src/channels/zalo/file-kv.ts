/**
 * Node adapter for KeyValueStore: one JSON file per key under a directory
 * (DATA_DIR/zalo). Writes go to a temp file then rename, so a crash never
 * leaves a half-written refresh token (it is single-use: losing it means
 * re-authorising the OA by hand).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyValueStore } from './kv.js';

const KEY = /^[a-z0-9][a-z0-9-]*$/;

export function fileKeyValue(dir: string): KeyValueStore {
  const file = (key: string) => {
    if (!KEY.test(key)) throw new Error(`[zalo] invalid store key: ${key}`);
    return join(dir, `${key}.json`);
  };
  return {
    async get(key) {
      try {
        return await readFile(file(key), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async put(key, value) {
      const target = file(key);
      await mkdir(dir, { recursive: true });
      const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, value, { mode: 0o600 });
      await rename(tmp, target);
    },
  };
}
