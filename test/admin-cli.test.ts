/** `npm run docs -- add | list | remove` on a DATA_DIR, as real processes. */
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { KnowledgeBase } from '../src/store/knowledge-base.js';
import { makeDocx } from './helpers/documents.js';
import { tempDataDir } from './helpers/runtime.js';

vi.setConfig({ testTimeout: 180_000 });

const root = join(import.meta.dirname, '..');
const run = (dataDir: string, ...args: string[]): Promise<{ stdout: string; stderr: string; code?: number }> =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/docs.ts', ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir } }).catch(
    (err: { stdout: string; stderr: string; code: number }) => ({ stdout: err.stdout, stderr: err.stderr, code: err.code }),
  );

describe('npm run docs', () => {
  it('adds a .docx, lists it, refuses a corrupt file, removes it', async () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, '..', `Kế hoạch ${Date.now()}.docx`);
    writeFileSync(file, await makeDocx(['KẾ HOẠCH', '1. Thời gian: Hội nghị tập huấn nghiệp vụ được tổ chức vào ngày 9/9/2026.']));
    const added = await run(dataDir, 'add', file);
    expect(added.stdout).toMatch(/Đã thêm Kế hoạch \d+\.docx \(mã ke-hoach-\d+\); chỉ mục: 6 văn bản/);
    // A server already running on this DATA_DIR picks the new build up.
    const kb0 = await KnowledgeBase.open({ dataDir, embeddings: new LocalHashEmbeddings() });
    expect(kb0.documents()).toHaveLength(6);
    const listed = await run(dataDir, 'list');
    expect(listed.stdout).toMatch(/ke-hoach-\d+\tKế hoạch \d+\.docx\t.*docx, \d+ B/);
    expect(listed.stdout).toContain('6 văn bản');

    const corrupt = join(dataDir, '..', 'hong.pdf');
    writeFileSync(corrupt, '%PDF-1.4 hỏng');
    const refused = await run(dataDir, 'add', corrupt);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toMatch(/PDF bị hỏng/);
    expect(existsSync(join(dataDir, 'docs', 'hong.pdf'))).toBe(false);

    const id = /\(mã (ke-hoach-\d+)\)/.exec(added.stdout)![1]!;
    const removed = await run(dataDir, 'remove', id);
    expect(removed.stdout).toContain('chỉ mục: 5 văn bản');
    expect(kb0.document(id)).toBeDefined();
    expect(await kb0.refresh()).toBe(true);
    expect(kb0.document(id)).toBeUndefined();
    const kb = await KnowledgeBase.open({ dataDir, embeddings: new LocalHashEmbeddings() });
    expect(kb.documents()).toHaveLength(5);
    expect(await kb.refresh()).toBe(false);
    expect((await run(dataDir)).code).toBe(2);
  });
});
