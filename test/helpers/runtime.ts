/**
 * A real Node runtime over a copy of the corpus in a temporary DATA_DIR:
 * real index files, real HNSWLib, the real Hono app.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../../src/node.js';

export const corpusDir = join(import.meta.dirname, '..', '..', 'data', 'docs');

export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-test-'));
  cpSync(corpusDir, join(dir, 'docs'), { recursive: true });
  return dir;
}

export async function testRuntime(overrides: Partial<Config> = {}): Promise<NodeRuntime> {
  const config = loadConfig({ DATA_DIR: tempDataDir(), LOG_LEVEL: 'silent' });
  return createNodeRuntime({ ...config, ...overrides }, { onProgress: () => {} });
}
