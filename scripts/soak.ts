/**
 * `npm run soak`: a bounded reliability run against the real `npm start`
 * cluster (2 workers) on 127.0.0.1, over a copy of the corpus in a temporary
 * DATA_DIR. Phases: hostile fuzz, forged and replayed Zalo webhooks, rotating
 * forwarding headers, a zip bomb under questions, 30 s of load on /api/ask and
 * /api/chat with writes alongside, SIGKILL mid-write and mid-ingest. Prints
 * tried / passed / failed, 5xx, lost writes and latency per phase; exits 1 when
 * any 5xx or lost write was seen.
 *
 * Options: --fuzz N (5000), --load-seconds S (30), --concurrency C (32).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { sha256Hex } from '../src/channels/zalo/signature.js';
import { postJson, send, startServer, type Sent, type ServerProcess } from '../src/bench/server-process.js';
import { readQuestionSet } from '../src/eval/questions.js';
import { percentile } from '../src/eval/score.js';
import { makeDocx, makeZipBomb } from '../test/helpers/documents.js';
import { FakeZalo } from '../test/helpers/fake-zalo.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { fuzz: { type: 'string', default: '5000' }, 'load-seconds': { type: 'string', default: '30' }, concurrency: { type: 'string', default: '32' } } });
const FUZZ = Number(values.fuzz);
const LOAD_SECONDS = Number(values['load-seconds']);
const CONCURRENCY = Number(values.concurrency);
const TOKEN = 'soak-admin-token-0123456789';
const OA_SECRET_KEY = 'soak-oa-secret-key';
const BOT_SECRET = 'soak-bot-secret-0123456789';
const RATE = 60;

interface Row {
  phase: string;
  tried: number;
  passed: number;
  failed: number;
  errors5xx: number;
  lostWrites?: number;
  latencies: number[];
  note?: string;
}

const rows: Row[] = [];
const row = (phase: string): Row => {
  const r: Row = { phase, tried: 0, passed: 0, failed: 0, errors5xx: 0, latencies: [] };
  rows.push(r);
  return r;
};
/** Counts one outcome: `ok` decides pass/fail; a 5xx or a dropped connection always fails. */
function record(r: Row, sent: Sent | Error, ok: (s: Sent) => boolean): void {
  r.tried++;
  if (sent instanceof Error) {
    r.failed++;
    r.errors5xx++; // no answer at all is worse than a 500
    return;
  }
  r.latencies.push(sent.ms);
  if (sent.status >= 500) r.errors5xx++;
  if (sent.status < 500 && ok(sent)) r.passed++;
  else r.failed++;
}
const attempt = (p: Promise<Sent>) => p.catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

// ── fuzz ────────────────────────────────────────────────────────────────────
const rand = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
const PATHS = ['/api/ask', '/api/chat', '/api/feedback', '/api/briefing', '/api/briefing/export', '/api/documents', '/api/documents/%2e%2e%2fvanban.db', '/api/documents/../../etc/passwd', '/api/reindex', '/api/stats', '/webhooks/zalo-oa', '/webhooks/zalo-bot', '/health', '/metrics', '/', '/briefing', '/admin', '/documents/%00', '/widget.js', '/api/' + 'a'.repeat(3000), '/x?' + 'q=1&'.repeat(500)];
const TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/json; charset=latin1', '', 'application/xml'];
const BODIES: Array<() => string> = [
  () => '{"question":',
  () => JSON.stringify({ question: 'x'.repeat(2001) }),
  () => JSON.stringify({ question: 123 }),
  () => JSON.stringify({ question: '\u0000\u202e<script>alert(1)</script>' }),
  () => JSON.stringify({ question: 'câu hỏi', history: Array(60).fill({ role: 'system', content: 'x' }) }),
  () => '['.repeat(5000) + ']'.repeat(5000),
  () => JSON.stringify({ question: 'câu hỏi', filters: { sources: ['../../etc/passwd'] } }),
  () => JSON.stringify({ rating: 'maybe' }),
  () => JSON.stringify({ __proto__: { polluted: true }, constructor: { prototype: { x: 1 } }, question: 'a' }),
  () => JSON.stringify({ source: 'x', count: 1e308, format: 'exe' }),
  () => Buffer.from(Array.from({ length: 512 }, () => rand(256))).toString('latin1'),
  () => JSON.stringify({ question: 'Phát biểu '.repeat(190) }),
  () => '',
];
const FORWARDED = [{}, { 'x-forwarded-for': '127.0.0.1' }, { 'x-real-ip': 'unknown' }, { 'x-forwarded-for': `${rand(255)}.${rand(255)}.1.1` }];

async function fuzz(server: ServerProcess): Promise<void> {
  const r = row(`fuzz: ${FUZZ} hostile requests`);
  const requests = Array.from({ length: FUZZ }, () => ({
    method: pick(['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']),
    path: pick(PATHS),
    headers: { ...(pick(TYPES) ? { 'content-type': pick(TYPES) } : {}), ...pick(FORWARDED), ...(Math.random() < 0.2 ? { authorization: 'Bearer wrong' } : {}) } as Record<string, string>,
    body: BODIES[rand(BODIES.length)]!(),
  }));
  await pool(requests, 16, async (req) => {
    const sent = await attempt(send(server.url, req.path, { method: req.method, headers: req.headers, body: req.method === 'GET' || req.method === 'OPTIONS' ? undefined : req.body, timeoutMs: 20_000 }));
    record(r, sent, () => true); // anything but a 5xx or a hang is a pass
  });
}

// ── webhooks ────────────────────────────────────────────────────────────────
async function webhooks(server: ServerProcess, fake: FakeZalo): Promise<void> {
  const forged = row('webhooks: forged (→ 401)');
  const replayed = row('webhooks: replayed ×8 (→ 1 reply)');
  const oaPost = async (event: object, key = OA_SECRET_KEY) => {
    const raw = JSON.stringify(event);
    const mac = await sha256Hex(fake.appId, new TextEncoder().encode(raw), String((event as { timestamp: string }).timestamp), key);
    return attempt(send(server.url, '/webhooks/zalo-oa', { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` }, body: raw }));
  };
  const botPost = (update: object, secret = BOT_SECRET) =>
    attempt(send(server.url, '/webhooks/zalo-bot', { method: 'POST', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': secret }, body: JSON.stringify(update) }));
  const oaEvent = (user: string, msgId: string, timestamp = String(Date.now())) => ({ event_name: 'user_send_sticker', app_id: fake.appId, sender: { id: user }, recipient: { id: 'oa' }, message: { msg_id: msgId }, timestamp });

  for (let i = 0; i < 100; i++) {
    const event = oaEvent(`forged-${i}`, `forged-${i}`);
    const variants = [oaPost(event, 'wrong-key'), oaPost({ ...event, timestamp: String(Date.now() - 3_600_000) }), botPost({ event_name: 'message.text.received', message: { chat: { id: 'x' }, text: 'a' } }, 'wrong-secret')];
    for (const sent of await Promise.all(variants)) record(forged, sent, (s) => s.status === 401);
  }
  const messages = 40;
  for (let m = 0; m < messages; m++) {
    const deliveries =
      m % 3 === 0
        ? Array.from({ length: 8 }, () => oaPost(oaEvent(`replay-oa-${m}`, `replay-${m}`)))
        : m % 3 === 1
          ? Array.from({ length: 8 }, () => botPost({ event_name: 'message.sticker.received', message: { message_id: `replay-${m}`, chat: { id: `replay-bot-${m}` } } }))
          : Array.from({ length: 8 }, () => botPost({ event_name: 'message.sticker.received', message: { chat: { id: `replay-bot-${m}` } } }));
    const sent = await Promise.all(deliveries);
    const accepted = sent.filter((s) => !(s instanceof Error) && (s.json as { status?: string } | undefined)?.status === 'accepted').length;
    for (const s of sent) record(replayed, s, (x) => x.status === 200);
    if (accepted !== 1) replayed.note = `${replayed.note ?? ''} message ${m}: ${accepted} accepted;`;
  }
  await new Promise((resolve) => setTimeout(resolve, 2000)); // replies are sent in the background
  let doubled = 0;
  for (let m = 0; m < messages; m++) {
    const replies = m % 3 === 0 ? fake.sends().filter((s) => s.json?.recipient?.user_id === `replay-oa-${m}`).length : fake.botCalls('sendMessage').filter((s) => s.json?.chat_id === `replay-bot-${m}`).length;
    if (replies !== 1) doubled++;
  }
  replayed.note = `${replayed.note ?? ''} ${messages} messages, ${messages - doubled} answered exactly once`.trim();
  if (doubled) replayed.failed += doubled;
}

// ── rotating forwarded headers ──────────────────────────────────────────────
async function rotatingHeaders(server: ServerProcess): Promise<void> {
  const r = row(`rotating forwarding headers (limit ${RATE}/min)`);
  const headers = (i: number): Record<string, string> => [{ 'x-forwarded-for': `198.51.${i % 250}.${i % 200}` }, { 'x-real-ip': '127.0.0.1' }, { 'x-forwarded-for': 'unknown' }, { 'x-forwarded-for': `127.0.0.1, 10.${i % 250}.0.1` }][i % 4]!;
  const tried = RATE * 4;
  const started = Date.now();
  let accepted = 0;
  await pool(Array.from({ length: tried }, (_, i) => i), 8, async (i) => {
    const sent = await attempt(postJson(server.url, '/api/feedback', { rating: 'up' }, headers(i)));
    if (!(sent instanceof Error) && sent.status === 201) accepted++;
    record(r, sent, (s) => s.status === 201 || s.status === 429);
  });
  const allowed = RATE + Math.ceil(((Date.now() - started) / 60_000) * RATE);
  r.note = `${accepted} let through (at most ${allowed} allowed)`;
  if (accepted > allowed) r.failed += accepted - allowed;
}

// ── zip bomb under questions ────────────────────────────────────────────────
async function zipBomb(server: ServerProcess, questions: string[]): Promise<void> {
  const bomb = row('zip bomb (200 MB unpacked)');
  const asked = row('questions during the zip bomb');
  const form = new FormData();
  form.append('file', new File([makeZipBomb(200) as Uint8Array<ArrayBuffer>], 'bao-cao.docx'));
  const started = performance.now();
  const upload = fetch(`${server.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form }).then(
    async (res) => ({ status: res.status, headers: {}, text: await res.text(), ms: performance.now() - started }) as Sent,
    (err: Error) => err,
  );
  const answers = Promise.all(questions.slice(0, 16).map((question) => attempt(postJson(server.url, '/api/ask', { question })).then((s) => record(asked, s, (x) => x.status === 200))));
  record(bomb, await upload, (s) => s.status === 413);
  await answers;
}

// ── load, with writes alongside ─────────────────────────────────────────────
async function load(server: ServerProcess, questions: string[], writes: Set<string>): Promise<void> {
  const ask = row(`load: /api/ask, ${LOAD_SECONDS} s, concurrency ${CONCURRENCY / 2}`);
  const chat = row(`load: /api/chat, ${LOAD_SECONDS} s, concurrency ${CONCURRENCY / 2}`);
  const written = row('writes during load (feedback)');
  const until = Date.now() + LOAD_SECONDS * 1000;
  let q = 0;
  const loop = async (route: 'ask' | 'chat', r: Row) => {
    while (Date.now() < until) {
      const question = questions[q++ % questions.length]!;
      const started = performance.now();
      const sent = await fetch(`${server.url}/api/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) }).then(
        async (res) => ({ status: res.status, headers: {}, text: await res.text(), ms: performance.now() - started }) as Sent,
        (err: Error) => err,
      );
      record(r, sent, (s) => s.status === 200 && (route === 'ask' || s.text.includes('event: done')));
    }
  };
  const writer = async () => {
    while (Date.now() < until) await writeFeedback(server, written, writes);
  };
  await Promise.all([...Array.from({ length: CONCURRENCY / 2 }, () => loop('ask', ask)), ...Array.from({ length: CONCURRENCY / 2 }, () => loop('chat', chat)), writer(), writer()]);
}

/** One feedback write; its comment is a unique marker, remembered only once the server acknowledged it. */
async function writeFeedback(server: ServerProcess, r: Row, acknowledged: Set<string>): Promise<void> {
  const marker = `soak-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const sent = await attempt(postJson(server.url, '/api/feedback', { rating: 'up', comment: marker }));
  if (!(sent instanceof Error) && sent.status === 201) acknowledged.add(marker);
  if (sent instanceof Error) {
    r.tried++; // cut off by a kill: not acknowledged, not a failure of the server
    r.note = `${(Number(/(\d+) cut off/.exec(r.note ?? '')?.[1] ?? 0) + 1)} cut off by the kill`;
  }
  else record(r, sent, (s) => s.status === 201);
}

function lostWrites(dataDir: string, acknowledged: Set<string>): number {
  const db = new Database(join(dataDir, 'vanban.db'), { readonly: true });
  const stored = new Set((db.prepare('SELECT comment FROM feedback').all() as Array<{ comment: string | null }>).map((f) => f.comment));
  db.close();
  return [...acknowledged].filter((m) => !stored.has(m)).length;
}

// ── SIGKILL ─────────────────────────────────────────────────────────────────
async function killMidWrite(env: Record<string, string>, server: ServerProcess, acknowledged: Set<string>): Promise<ServerProcess> {
  const r = row('SIGKILL mid-write, restart');
  const writers = Array.from({ length: 8 }, async () => {
    for (;;) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      await writeFeedback(server, r, acknowledged);
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await server.kill();
  await Promise.all(writers);
  const restarted = await startServer(env);
  r.lostWrites = lostWrites(env.DATA_DIR!, acknowledged);
  r.note = `${r.note ?? 'none cut off'}; ${acknowledged.size} acknowledged writes so far, all checked after the restart`;
  return restarted;
}

async function killMidIngest(env: Record<string, string>, server: ServerProcess, questions: string[]): Promise<ServerProcess> {
  const restarts = row('SIGKILL mid-ingest ×5, restart (ms until every worker serves)');
  const asked = row('questions after each restart');
  const dataDir = env.DATA_DIR!;
  let current = server;
  const restart = async () => {
    const started = performance.now();
    current = await startServer(env);
    restarts.latencies.push(performance.now() - started);
    const health = await attempt(send(current.url, '/health'));
    // Complete: the index serves exactly the documents on disk (the killed change either fully in or fully out).
    const onDisk = readdirSync(join(dataDir, 'docs')).filter((n) => !n.startsWith('.')).length;
    const complete = !(health instanceof Error) && (health.json as { documents?: number } | undefined)?.documents === onDisk;
    restarts.tried++;
    if (complete) restarts.passed++;
    else restarts.failed++;
    for (const question of questions.slice(0, 4)) record(asked, await attempt(postJson(current.url, '/api/ask', { question })), (s) => s.status === 200);
  };
  // An admin upload, killed at different points of its read-and-rebuild.
  for (let round = 0; round < 3; round++) {
    const docx = await makeDocx(['KẾ HOẠCH', `1. Nội dung: Kế hoạch thử độ bền số ${round} về công tác tuyên truyền ở cơ sở.`]);
    const form = new FormData();
    form.append('file', new File([docx as Uint8Array<ArrayBuffer>], `ke-hoach-do-ben-${round}.docx`));
    const upload = fetch(`${current.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500 + round * 900));
    await current.kill();
    await upload;
    await restart();
  }
  // `npm run ingest` killed mid-build and with its build finished but not yet published, the server running.
  for (const hook of ['VANBAN_PAUSE_AFTER_READ_MS', 'VANBAN_PAUSE_BEFORE_PUBLISH_MS']) {
    writeFileSync(join(dataDir, 'docs', `thong-bao-do-ben-${hook.length}.txt`), 'THÔNG BÁO\n1. Nội dung: Thông báo thử độ bền khi lập chỉ mục bị ngắt giữa chừng.');
    const ingest = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'ingest', 'cli.ts')], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, [hook]: '10000' }, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => ingest.stdout.on('data', (d: Buffer) => /Đọc |Chờ công bố/.test(String(d)) && resolve()));
    ingest.kill('SIGKILL');
    for (const question of questions.slice(0, 4)) record(asked, await attempt(postJson(current.url, '/api/ask', { question })), (s) => s.status === 200);
    await current.stop();
    await restart();
  }
  return current;
}

// ── limiter cost ────────────────────────────────────────────────────────────
async function limiterCost(server: ServerProcess): Promise<void> {
  // The same cheap refusal (415 after the limiter), with and without a trip to the primary's buckets.
  for (const [phase, headers] of [['415, no rate limit (local caller)', {}], ['415 through the shared limiter (IPC)', { 'x-forwarded-for': '198.51.100.1' }]] as const) {
    const r = row(phase);
    for (let i = 0; i < 1000; i++) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: 'x' }).catch((err: Error) => err);
      const sent = res instanceof Error ? res : ({ status: res.status, headers: {}, text: await res.text(), ms: performance.now() - started } as Sent);
      record(r, sent, (s) => s.status === 415 || s.status === 429);
    }
  }
}

// ── run ─────────────────────────────────────────────────────────────────────
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
function printTable(): void {
  const header = ['phase', 'tried', 'passed', 'failed', '5xx', 'lost writes', 'p50 ms', 'p95 ms'];
  const lines = rows.map((r) => [r.phase, r.tried, r.passed, r.failed, r.errors5xx, r.lostWrites ?? '–', r.latencies.length ? fmt(percentile(r.latencies, 50)) : '–', r.latencies.length ? fmt(percentile(r.latencies, 95)) : '–'].map(String));
  console.log(`| ${header.join(' | ')} |\n|${header.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
  for (const l of lines) console.log(`| ${l.join(' | ')} |`);
  for (const r of rows) if (r.note) console.log(`- ${r.phase}: ${r.note}`);
  const total = rows.reduce((a, r) => ({ tried: a.tried + r.tried, failed: a.failed + r.failed, e: a.e + r.errors5xx, lost: a.lost + (r.lostWrites ?? 0) }), { tried: 0, failed: 0, e: 0, lost: 0 });
  console.log(`\nTotal: ${total.tried} tried, ${total.failed} failed, ${total.e} × 5xx, ${total.lost} lost writes.`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'vanban-soak-'));
cpSync(join(ROOT, 'data', 'docs'), join(dataDir, 'docs'), { recursive: true });
const fake = await new FakeZalo().start();
const env = {
  DATA_DIR: dataDir,
  ADMIN_TOKEN: TOKEN,
  RATE_LIMIT_PER_MINUTE: String(RATE),
  ...fake.serverEnv(OA_SECRET_KEY, BOT_SECRET),
};
// The load mix: the shipped dev questions (read as data, like `npm run bench`).
const questions = (await readQuestionSet(join(ROOT, 'data', 'eval', 'dev.jsonl'))).map((c) => c.question);
const acknowledged = new Set<string>();
let server = await startServer(env);
console.log(`soak: cluster of 2 workers at ${server.url}, DATA_DIR ${dataDir}`);
try {
  for (const [name, phase] of [
    // Before the fuzz, whose forged headers spend the same budget.
    ['rotating headers', () => rotatingHeaders(server)],
    ['fuzz', () => fuzz(server)],
    ['webhooks', () => webhooks(server, fake)],
    ['zip bomb', () => zipBomb(server, questions)],
    ['load', () => load(server, questions, acknowledged)],
    ['limiter cost', () => limiterCost(server)],
  ] as const) {
    console.log(`… ${name}`);
    await phase();
  }
  console.log('… SIGKILL mid-write');
  server = await killMidWrite(env, server, acknowledged);
  console.log('… SIGKILL mid-ingest');
  server = await killMidIngest(env, server, questions);
  rows.find((r) => r.phase.startsWith('writes during load'))!.lostWrites = lostWrites(dataDir, acknowledged);
} finally {
  await server.stop();
  await fake.close();
}
printTable();
const bad = rows.some((r) => r.errors5xx || r.lostWrites);
rmSync(dataDir, { recursive: true, force: true });
process.exit(bad ? 1 : 0);
