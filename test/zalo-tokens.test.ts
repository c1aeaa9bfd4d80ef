/**
 * OA reply client and token manager against a local server speaking the OA
 * message API and OAuth v4: refresh on -216/-220, single-flight, rotation
 * persisted atomically, re-authorisation flag, -32 back-off, window errors.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ZaloApiError, ZaloReauthError } from '../src/channels/zalo/errors.js';
import { fileKeyValue } from '../src/channels/zalo/file-kv.js';
import { OaClient } from '../src/channels/zalo/oa-client.js';
import { OaTokenManager } from '../src/channels/zalo/tokens.js';
import { singleProcessLink } from '../src/cluster/worker-link.js';
import { FakeZalo } from './helpers/fake-zalo.js';

let fake: FakeZalo;
let dir: string;
let logs: string[];

function logger() {
  logs = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  return pino({ level: 'info' }, stream);
}

function setup(options: { accessToken?: string; refreshToken?: string; now?: () => number; backoffMs?: number[]; sleeps?: number[]; lock?: <T>(task: () => Promise<T>) => Promise<T> } = {}) {
  const log = logger();
  const tokens = new OaTokenManager({
    appId: fake.appId,
    appSecret: fake.appSecret,
    accessToken: 'accessToken' in options ? options.accessToken : 'access-0',
    refreshToken: options.refreshToken ?? 'refresh-1',
    oauthBase: fake.url,
    fetch: (input, init) => fetch(input, init),
    store: fileKeyValue(dir),
    logger: log,
    now: options.now,
    lock: options.lock,
  });
  const client = new OaClient({
    apiBase: fake.url,
    fetch: (input, init) => fetch(input, init),
    tokens,
    logger: log,
    backoffMs: options.backoffMs ?? [5, 10],
    sleep: (ms) => {
      options.sleeps?.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  });
  return { tokens, client };
}

beforeEach(async () => {
  await fake?.close();
  fake = await new FakeZalo().start();
  dir = join(mkdtempSync(join(tmpdir(), 'vanban-zalo-')), 'zalo');
});
afterAll(() => fake.close());

describe('several server processes', () => {
  it('two processes needing a token at once: one refresh, the other takes its result (the refresh token is single-use)', async () => {
    const { exclusive } = singleProcessLink(); // the cluster primary's lock, within one process
    const lock = <T>(task: () => Promise<T>) => exclusive(task, 'zalo-oa-tokens');
    const [a, b] = [setup({ accessToken: undefined, lock }).tokens, setup({ accessToken: undefined, lock }).tokens];
    expect(await Promise.all([a.accessToken(), b.accessToken()])).toEqual(['access-2', 'access-2']);
    expect(fake.refreshes()).toHaveLength(1);
    expect([a.state, b.state]).toEqual(['ok', 'ok']);
  });

  it('a process whose tokens another process rotated since takes the stored ones instead of spending a used refresh token', async () => {
    const [a, b] = [setup().tokens, setup().tokens];
    await a.accessToken(); // both loaded refresh-1
    await b.accessToken();
    await a.refresh('access-0');
    expect(await b.refresh('access-0')).toBe('access-2');
    expect(fake.refreshes()).toHaveLength(1);
    expect(b.state).toBe('ok');
  });
});

describe('token expiry', () => {
  it('-216 → one refresh (form fields, secret_key header) → retry succeeds → rotated tokens persisted', async () => {
    const { client, tokens } = setup();
    const id = await client.sendText('user-1', 'Xin chào');
    expect(id).toMatch(/^msg-/);

    const [refresh, ...more] = fake.refreshes();
    expect(more).toHaveLength(0);
    expect(refresh!.method).toBe('POST');
    expect(refresh!.headers['secret_key']).toBe(fake.appSecret);
    expect(refresh!.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(refresh!.form).toEqual({ refresh_token: 'refresh-1', app_id: fake.appId, grant_type: 'refresh_token' });

    const sends = fake.sends();
    expect(sends.map((s) => s.headers['access_token'])).toEqual(['access-0', 'access-2']);
    expect(sends[1]!.json).toEqual({ recipient: { user_id: 'user-1' }, message: { text: 'Xin chào' } });

    // Persisted atomically: the file holds the rotated pair, no temp file left.
    const stored = JSON.parse(readFileSync(join(dir, 'oa-tokens.json'), 'utf8'));
    expect(stored).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(stored.expiresAt).toBeGreaterThan(Date.now() + 24 * 3600_000);
    expect(readdirSync(dir)).toEqual(['oa-tokens.json']);
    expect(tokens.state).toBe('ok');

    // A restart with the same environment continues from the rotated tokens.
    const restarted = setup();
    await restarted.client.sendText('user-1', 'Lần hai');
    expect(fake.refreshes()).toHaveLength(1);
    expect(fake.sends().at(-1)!.headers['access_token']).toBe('access-2');
  });

  it('-220 (expired) is handled like -216', async () => {
    let first = true;
    fake.responders.oa = () => (first ? ((first = false), { body: { error: -220, message: 'Access token is expired' } }) : undefined);
    fake.accessToken = 'access-0';
    const { client } = setup();
    await client.sendText('user-1', 'Xin chào');
    expect(fake.refreshes()).toHaveLength(1);
    expect(fake.delivered()).toEqual(['Xin chào']);
  });

  it('new tokens in the environment win over the persisted chain (after re-authorisation)', async () => {
    await setup().client.sendText('user-1', 'a');
    // The operator re-authorised the OA: Zalo issued a fresh pair, put in the environment.
    fake.accessToken = 'access-new';
    fake.refreshToken = 'refresh-new';
    const { client } = setup({ accessToken: 'access-new', refreshToken: 'refresh-new' });
    await client.sendText('user-1', 'b');
    expect(fake.sends().at(-1)!.headers['access_token']).toBe('access-new');
    expect(fake.refreshes()).toHaveLength(1);
  });

  it('concurrent sends with an expired token share one refresh', async () => {
    // Hold the refresh until all five sends have been rejected, so they all wait on it.
    fake.responders.oauth = async () => {
      await fake.waitFor((r) => r.api === 'oa' && r.headers['access_token'] === 'access-0', 5);
      return undefined;
    };
    const { client } = setup();
    const texts = ['một', 'hai', 'ba', 'bốn', 'năm'];
    await Promise.all(texts.map((t) => client.sendText('user-1', t)));
    expect(fake.refreshes()).toHaveLength(1);
    expect(fake.delivered().sort()).toEqual([...texts].sort());
    expect(fake.sends().filter((s) => s.headers['access_token'] === 'access-0')).toHaveLength(5);
  });

  it('refreshes early when less than an hour is left', async () => {
    let now = Date.now();
    const { client } = setup({ accessToken: undefined, now: () => now });
    await client.sendText('user-1', 'a'); // no access token yet → refresh first
    expect(fake.refreshes()).toHaveLength(1);
    now += 90000 * 1000 - 30 * 60_000; // 30 minutes left
    await client.sendText('user-1', 'b');
    expect(fake.refreshes()).toHaveLength(2);
    expect(fake.sends().map((s) => s.headers['access_token'])).toEqual(['access-2', 'access-3']);
  });

  it('refresh rejected → channel flagged needs_reauth, logged, and no further attempts', async () => {
    fake.refreshToken = 'refresh-issued-elsewhere';
    const { client, tokens } = setup();
    await expect(client.sendText('user-1', 'a')).rejects.toBeInstanceOf(ZaloReauthError);
    expect(tokens.state).toBe('needs_reauth');
    expect(tokens.health()).toMatchObject({ state: 'needs_reauth' });
    expect(logs.join('')).toContain('needs_reauth');

    await expect(client.sendText('user-1', 'b')).rejects.toBeInstanceOf(ZaloReauthError);
    await expect(client.sendText('user-1', 'c')).rejects.toBeInstanceOf(ZaloReauthError);
    expect(fake.refreshes()).toHaveLength(1);
    // The stale token is tried once per message at most, the refresh never again.
    expect(fake.sends()).toHaveLength(3);
  });
});

describe('error codes', () => {
  it('-32 → backs off and retries', async () => {
    fake.accessToken = 'access-0';
    let limited = 2;
    fake.responders.oa = () => (limited-- > 0 ? { body: { error: -32, message: 'Exceed limit request' } } : undefined);
    const sleeps: number[] = [];
    const { client } = setup({ sleeps });
    await client.sendText('user-1', 'Xin chào');
    expect(sleeps).toEqual([5, 10]);
    expect(fake.sends()).toHaveLength(3);
    expect(fake.delivered()).toEqual(['Xin chào']);
  });

  it('-32 that does not clear → gives up after the back-off schedule', async () => {
    fake.accessToken = 'access-0';
    fake.responders.oa = () => ({ body: { error: -32, message: 'Exceed limit request' } });
    const sleeps: number[] = [];
    const { client } = setup({ sleeps });
    const err = await client.sendText('user-1', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect((err as ZaloApiError).code).toBe(-32);
    expect(sleeps).toEqual([5, 10]);
    expect(fake.sends()).toHaveLength(3);
  });

  it.each([-213, -230, -244])('%i (interaction window) is never retried', async (code) => {
    fake.accessToken = 'access-0';
    fake.responders.oa = () => ({ body: { error: code, message: 'User has not interacted with the OA in the last 7 days' } });
    const { client } = setup();
    const err = await client.sendText('user-1', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect((err as ZaloApiError).isWindowError).toBe(true);
    expect(fake.sends()).toHaveLength(1);
    expect(fake.refreshes()).toHaveLength(0);
  });

  it('a second -216 after the refresh is not retried again', async () => {
    fake.responders.oa = () => ({ body: { error: -216, message: 'Access token is invalid' } });
    const { client } = setup();
    const err = await client.sendText('user-1', 'x').catch((e: unknown) => e);
    expect((err as ZaloApiError).code).toBe(-216);
    expect(fake.sends()).toHaveLength(2);
    expect(fake.refreshes()).toHaveLength(1);
  });
});
