/**
 * Index updates are atomic: questions asked during a replace or a reindex all
 * succeed and each sees one whole version of the corpus; an ingest process
 * killed with SIGKILL mid-update leaves the previous index serving.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Assistant } from '../src/answer/assistant.js';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { KnowledgeBase } from '../src/store/knowledge-base.js';
import { type AdminRuntime, adminRuntime, ask, bearer, call } from './helpers/admin.js';

// Real index builds and a child process on a shared 2-core machine: generous time, no timing asserts.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const root = join(import.meta.dirname, '..');
let rt: AdminRuntime;
beforeAll(async () => {
  rt = await adminRuntime({ RATE_LIMIT_PER_MINUTE: 0 });
});
afterAll(() => rt?.close());

const VERSION_A = 'THÔNG BÁO\n1. Giờ tiếp dân: Trụ sở tiếp công dân mở cửa từ 7 giờ đến 11 giờ sáng thứ Năm.';
const VERSION_B = 'THÔNG BÁO\n1. Giờ tiếp dân: Trụ sở tiếp công dân mở cửa từ 13 giờ đến 17 giờ chiều thứ Ba.';
const QUESTION = 'Trụ sở tiếp công dân mở cửa giờ nào?';

describe('questions during an update', () => {
  it('replace + reindex while questions keep coming: no errors, each answer from one whole version', async () => {
    expect((await call(rt, '/api/documents', { method: 'POST', headers: bearer(), json: { source: 'gio-tiep-dan.txt', text: VERSION_A } })).status).toBe(201);
    const chunksBefore = rt.kb.manifest!.chunks;
    let updating = true;
    const update = (async () => {
      try {
        const replaced = await call(rt, '/api/documents', { method: 'POST', headers: bearer(), json: { source: 'gio-tiep-dan.txt', text: VERSION_B } });
        expect(replaced.status).toBe(200);
        const re = await call(rt, '/api/reindex', { method: 'POST', headers: bearer() });
        expect(re.status).toBe(200);
      } finally {
        updating = false;
      }
    })();
    const replies: any[] = [];
    const asker = async (question: string) => {
      while (updating) {
        const res = await ask(rt, question, { filters: { sources: ['gio-tiep-dan.txt', 'dien-bien-ke-hoach-22-kh-tu.txt'] } });
        replies.push(res);
        // setImmediate, not a timer: in-process asks on timers could starve the I/O the update needs.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([update, asker(QUESTION), asker(QUESTION), asker('Phát biểu kết luận hội nghị không quá bao nhiêu phút?')]);
    expect(replies.length).toBeGreaterThan(3);
    const versions = new Set<string>();
    for (const { status, body } of replies) {
      expect(status).toBe(200);
      for (const c of body.citations) {
        if (c.source !== 'gio-tiep-dan.txt') continue;
        // A quote from a mixed index (chunks of one build, texts of another) would match neither version.
        const version = VERSION_A.includes(c.quote) ? 'A' : VERSION_B.includes(c.quote) ? 'B' : 'mixed';
        versions.add(version);
      }
      expect(body.answer.includes('sáng thứ Năm') && body.answer.includes('chiều thứ Ba')).toBe(false);
    }
    expect(versions.has('mixed')).toBe(false);
    expect(versions.size).toBeGreaterThan(0);
    expect(rt.kb.manifest!.chunks).toBe(chunksBefore);
    const after = await ask(rt, QUESTION);
    expect(after.body.answer).toContain('13 giờ');
  });
});

/** Runs `npx tsx ingest/cli.ts <inputs>` on a DATA_DIR in its own process group; resolves once `marker` is printed. */
function startIngest(dataDir: string, inputs: string[], marker: RegExp, env: Record<string, string> = {}) {
  const child = spawn('npx', ['tsx', 'ingest/cli.ts', ...inputs], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const reached = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d;
      if (marker.test(output)) resolve();
    });
    child.stderr!.on('data', (d) => (output += d));
    void exited.then(() => reject(new Error(`ingest exited before ${marker}: ${output}`)));
  });
  // The whole group: npx, tsx and node.
  const kill = () => process.kill(-child.pid!, 'SIGKILL');
  return { reached, exited, kill, output: () => output };
}

describe('a killed ingest', () => {
  let otherDocs: string;
  beforeAll(() => {
    otherDocs = join(rt.config.DATA_DIR, '..', `${rt.config.DATA_DIR.split('/').pop()}-other`);
    mkdirSync(otherDocs, { recursive: true });
    writeFileSync(join(otherDocs, 'chi-co-o-ban-moi.txt'), 'QUY ĐỊNH\n1. Bản mới: Hội nghị sơ kết chỉ được phép kéo dài tối đa 17 phút theo bản dựng bị hủy.');
  });

  const current = () => readFileSync(join(rt.config.DATA_DIR, 'index', 'CURRENT'), 'utf8');

  async function expectOldIndexServes(before: string) {
    expect(current()).toBe(before);
    // A fresh process's view: open the knowledge base on the same DATA_DIR and ask.
    const kb = await KnowledgeBase.open({ dataDir: rt.config.DATA_DIR, embeddings: new LocalHashEmbeddings(), onProgress: () => {} });
    expect(kb.manifest!.builtAt).toBe(rt.kb.manifest!.builtAt);
    const assistant = new Assistant({ retriever: () => kb.retriever() });
    const reply = await assistant.ask({ question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?' });
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]).toMatchObject({ source: 'dien-bien-ke-hoach-22-kh-tu.txt', section: 'II.2.3.b' });
    expect(kb.document('chi-co-o-ban-moi')).toBeUndefined();
    // And the running server never noticed.
    expect((await ask(rt, 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?')).body.citations[0].source).toBe('dien-bien-ke-hoach-22-kh-tu.txt');
  }

  it('SIGKILL with the new build fully written but not yet published → the old index serves', async () => {
    const before = current();
    const ingest = startIngest(rt.config.DATA_DIR, [otherDocs], /Chờ công bố bản dựng (\S+)/, { VANBAN_PAUSE_BEFORE_PUBLISH_MS: '120000' });
    await ingest.reached;
    const dir = /Chờ công bố bản dựng (\S+)/.exec(ingest.output())![1]!;
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
    ingest.kill();
    expect((await ingest.exited).signal).toBe('SIGKILL');
    await expectOldIndexServes(before);
  });

  it('SIGKILL in the middle of reading and embedding → the old index serves', async () => {
    const before = current();
    const ingest = startIngest(rt.config.DATA_DIR, [otherDocs], /Đọc \d+ tệp/, { VANBAN_PAUSE_AFTER_READ_MS: '120000' });
    await ingest.reached;
    ingest.kill();
    expect((await ingest.exited).signal).toBe('SIGKILL');
    await expectOldIndexServes(before);
  });

  it('the next successful build cleans up what the killed ones left', async () => {
    const builds = join(rt.config.DATA_DIR, 'index', 'builds');
    expect(readdirSync(builds).length).toBeGreaterThan(2);
    const re = await call(rt, '/api/reindex', { method: 'POST', headers: bearer() });
    expect(re.status).toBe(200);
    expect(readdirSync(builds).length).toBe(2); // the live build and the one before it
  });

  it("leaves another process's build in progress alone; a crashed one is removed once it is old", async () => {
    const builds = join(rt.config.DATA_DIR, 'index', 'builds');
    const other = join(builds, 'another-process-building');
    mkdirSync(other);
    writeFileSync(join(other, 'chunks.json'), '[');
    expect((await call(rt, '/api/reindex', { method: 'POST', headers: bearer() })).status).toBe(200);
    expect(existsSync(other)).toBe(true);
    const old = new Date(Date.now() - 11 * 60_000);
    utimesSync(other, old, old);
    expect((await call(rt, '/api/reindex', { method: 'POST', headers: bearer() })).status).toBe(200);
    expect(existsSync(other)).toBe(false);
  });
});
