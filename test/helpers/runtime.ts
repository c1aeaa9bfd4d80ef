/**
 * A real Node runtime over a copy of the corpus in a temporary DATA_DIR:
 * real index files, real HNSWLib, the real Hono app.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

/** A real runtime over documents written by the test (file name → text) in a fresh DATA_DIR. */
export async function runtimeOver(documents: Record<string, string>): Promise<NodeRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-docs-'));
  mkdirSync(join(dir, 'docs'));
  for (const [name, text] of Object.entries(documents)) writeFileSync(join(dir, 'docs', name), text);
  return createNodeRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { onProgress: () => {} });
}
