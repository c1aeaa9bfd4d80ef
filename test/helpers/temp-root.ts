/**
 * Global setup: every temporary file a test run makes (data dirs, indexes, sqlite, uploads, the
 * servers it spawns) goes under one directory of its own, removed when the run ends, so a run
 * leaves nothing behind in the machine's temp dir. Workers and child processes inherit TMPDIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'vanban-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
