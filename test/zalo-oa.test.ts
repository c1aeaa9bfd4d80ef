/**
 * POST /webhooks/zalo-oa on the real runtime (real index, real assistant),
 * replies going to a local server that speaks the OA message API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createZaloChannels, type ZaloChannels } from '../src/channels/zalo/index.js';
import { memoryKeyValue } from '../src/channels/zalo/kv.js';
import { sqliteSeenMessages } from '../src/store/sqlite/seen-messages.js';
import { GREETING, UNSUPPORTED } from '../src/channels/zalo/messages.js';
import { sha256Hex } from '../src/channels/zalo/signature.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';
import type { AskRequest, AskResponse } from '../src/types.js';
import { FakeZalo } from './helpers/fake-zalo.js';
import { testRuntime } from './helpers/runtime.js';
import { longAnswer } from './helpers/long-answer.js';

const OA_SECRET_KEY = 'oa-secret-key-XYZ';
const OA_ID = '388613280878808645';
const CANONICAL = 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?';

let fake: FakeZalo;
let runtime: NodeRuntime;
let counter = 0;

beforeAll(async () => {
  fake = await new FakeZalo().start();
  runtime = await testRuntime({
    ZALO_APP_ID: fake.appId,
    ZALO_APP_SECRET: fake.appSecret,
    ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
    ZALO_OA_ACCESS_TOKEN: fake.accessToken,
    ZALO_OA_REFRESH_TOKEN: fake.refreshToken,
    ZALO_OA_ID: OA_ID,
    ZALO_OA_API_BASE: fake.url,
    ZALO_OAUTH_BASE: fake.url,
  });
});
afterAll(() => fake.close());

function textEvent(text: string, overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    event_name: 'user_send_text',
    app_id: fake.appId,
    sender: { id: `user-${counter}` },
    recipient: { id: OA_ID },
    message: { text, msg_id: `msg-${counter}-${Math.random().toString(36).slice(2)}` },
    timestamp: String(Date.now()),
    user_id_by_app: '979122185046046317',
    ...overrides,
  };
}

async function sign(raw: string, key = OA_SECRET_KEY, appId = fake.appId, timestamp?: string): Promise<string> {
  const ts = timestamp ?? String(JSON.parse(raw).timestamp);
  return `mac=${await sha256Hex(appId, new TextEncoder().encode(raw), ts, key)}`;
}

async function post(raw: string, headers: Record<string, string> = {}, app = runtime.app) {
  const res = await app.request('/webhooks/zalo-oa', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
  return { status: res.status, json: (await res.json()) as any };
}

async function deliver(event: object, app = runtime.app) {
  const raw = JSON.stringify(event);
  return post(raw, { 'x-zevent-signature': await sign(raw) }, app);
}

/** Texts the OA sent to a user, in order. */
const sentTo = (userId: string) => fake.sends().filter((s) => s.json?.recipient?.user_id === userId).map((s) => s.json.message.text as string);

describe('signed webhook → cited reply through the OA message API', () => {
  it('answers the canonical question with a compact citation', async () => {
    const event = textEvent(CANONICAL);
    const { status, json } = await deliver(event);
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, status: 'accepted' });
    await runtime.zalo.idle();

    const [reply, ...more] = sentTo(event.sender.id);
    expect(more).toHaveLength(0);
    expect(reply).toContain('két luén khong qua 50 phut');
    expect(reply).toContain('Nguồn:\n[1] KH 22-KH/TU (16/01/2026), mục II.2.3.b');
    expect(reply).not.toMatch(/\*\*|##/);
    const request = fake.sends().at(-1)!;
    expect(request.path).toBe('/v3.0/oa/message/cs');
    expect(request.headers['access_token']).toBe(fake.accessToken);
    expect(request.json.recipient).toEqual({ user_id: event.sender.id });
    expect(fake.delivered()).toContain(reply);
  });

  it('remembers the conversation per Zalo user: a follow-up is understood', async () => {
    const first = textEvent(CANONICAL);
    await deliver(first);
    const followUp = textEvent('Còn tham luận thì sao?', { sender: first.sender });
    await deliver(followUp);
    await runtime.zalo.idle();
    const replies = sentTo(first.sender.id);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toContain('tham luén khong qua 10 phit');
  });

  it('/health reports the channel states', async () => {
    const res = await runtime.app.request('/health');
    expect(((await res.json()) as any).zalo).toEqual({ oa: { state: 'ok' }, bot: { state: 'disabled' } });
  });
});

describe('signature', () => {
  const cases: Array<[string, (raw: string) => Promise<Record<string, string>>]> = [
    ['missing', async () => ({})],
    ['forged', async () => ({ 'x-zevent-signature': `mac=${'ab'.repeat(32)}` })],
    ['without the mac= prefix', async (raw) => ({ 'x-zevent-signature': (await sign(raw)).slice(4) })],
    ['made with the app secret', async (raw) => ({ 'x-zevent-signature': await sign(raw, fake.appSecret) })],
    ['made with another app id', async (raw) => ({ 'x-zevent-signature': await sign(raw, OA_SECRET_KEY, '1111') })],
  ];
  it.each(cases)('%s → 401, nothing processed', async (_name, headers) => {
    const event = textEvent(CANONICAL);
    const raw = JSON.stringify(event);
    const { status, json } = await post(raw, await headers(raw));
    expect(status).toBe(401);
    expect(json.error.code).toBe('unauthorized');
    expect(json.error.message).toMatch(/chữ ký/i);
    await runtime.zalo.idle();
    expect(sentTo(event.sender.id)).toEqual([]);
    // Not recorded as seen: the genuine delivery still goes through.
    expect((await deliver(event)).json.status).toBe('accepted');
  });

  it('the same event re-serialised (same fields, other bytes) → 401', async () => {
    const event = textEvent(CANONICAL);
    const signature = await sign(JSON.stringify(event));
    const { status } = await post(JSON.stringify(event, null, 2), { 'x-zevent-signature': signature });
    expect(status).toBe(401);
    await runtime.zalo.idle();
    expect(sentTo(event.sender.id)).toEqual([]);
  });

  it('accepts an upper-case hex digest', async () => {
    const raw = JSON.stringify(textEvent('xin chào'));
    const signature = await sign(raw);
    expect((await post(raw, { 'x-zevent-signature': `mac=${signature.slice(4).toUpperCase()}` })).status).toBe(200);
  });

  it('malformed JSON with a signature → 400 invalid_json', async () => {
    const { status, json } = await post('{"event_name":', { 'x-zevent-signature': 'mac=00' });
    expect(status).toBe(400);
    expect(json.error.code).toBe('invalid_json');
  });

  it.each([
    ['stale (16 minutes old)', -16 * 60_000],
    ['in the future (10 minutes ahead)', 10 * 60_000],
  ])('%s timestamp → 401', async (_name, offset) => {
    const event = textEvent(CANONICAL, { timestamp: String(Date.now() + offset) });
    const { status, json } = await deliver(event);
    expect(status).toBe(401);
    expect(json.error.message).toMatch(/quá hạn/);
    await runtime.zalo.idle();
    expect(sentTo(event.sender.id)).toEqual([]);
  });
});

describe('delivery', () => {
  it('a duplicate msg_id → 200, answered once', async () => {
    const event = textEvent(CANONICAL);
    expect((await deliver(event)).json.status).toBe('accepted');
    const again = await deliver({ ...event, timestamp: String(Date.now()) });
    expect(again).toEqual({ status: 200, json: { ok: true, status: 'duplicate' } });
    await runtime.zalo.idle();
    expect(sentTo(event.sender.id)).toHaveLength(1);
  });

  it('a duplicate msg_id after a restart (new app over the same DATA_DIR) → ignored', async () => {
    const event = textEvent(CANONICAL);
    await deliver(event);
    await runtime.zalo.idle();
    expect((runtime.db.prepare('SELECT COUNT(*) AS n FROM seen_messages').get() as { n: number }).n).toBeGreaterThan(0);
    const restarted = await createNodeRuntime(runtime.config, { onProgress: () => {} });
    expect((await deliver(event, restarted.app)).json.status).toBe('duplicate');
    await restarted.zalo.idle();
    expect(sentTo(event.sender.id)).toHaveLength(1);
  });

  it('follow → greeting', async () => {
    counter++;
    const follower = `follower-${counter}`;
    const event = { app_id: fake.appId, oa_id: OA_ID, user_id_by_app: '1', event_name: 'follow', timestamp: String(Date.now()), source: 'oa_follow', follower: { id: follower } };
    expect((await deliver(event)).json.status).toBe('accepted');
    await runtime.zalo.idle();
    expect(sentTo(follower)).toEqual([GREETING]);
  });

  it.each(['user_send_image', 'user_send_sticker', 'user_send_file', 'user_send_location'])('%s → short notice', async (eventName) => {
    const event = textEvent('', { event_name: eventName });
    event.message = { msg_id: event.message.msg_id, attachments: [{ type: 'image', payload: { url: 'https://zalo.me/x.jpg' } }] } as any;
    expect((await deliver(event)).json.status).toBe('accepted');
    await runtime.zalo.idle();
    expect(sentTo(event.sender.id)).toEqual([UNSUPPORTED]);
  });

  it.each(['user_seen_message', 'user_received_message', 'unfollow'])('%s → 200, no answer', async (eventName) => {
    const event = textEvent('', { event_name: eventName });
    expect(await deliver(event)).toEqual({ status: 200, json: { ok: true, status: 'ignored' } });
    await runtime.zalo.idle();
    expect(sentTo(event.sender.id)).toEqual([]);
  });

  it('oa_send_text (our own message echoed) → 200, never answered', async () => {
    counter++;
    const user = `user-${counter}`;
    const event = textEvent('Theo Kế hoạch số 22-KH/TU…', { event_name: 'oa_send_text', sender: { id: OA_ID }, recipient: { id: user } });
    expect((await deliver(event)).json.status).toBe('ignored');
    await runtime.zalo.idle();
    expect(sentTo(user)).toEqual([]);
    expect(sentTo(OA_ID)).toEqual([]);
  });

  it('an event for another OA or app → 200, ignored', async () => {
    const otherOa = textEvent(CANONICAL, { recipient: { id: '999' } });
    expect((await deliver(otherOa)).json.status).toBe('ignored');
    const otherApp = textEvent(CANONICAL, { app_id: '1111' });
    const raw = JSON.stringify(otherApp);
    expect((await post(raw, { 'x-zevent-signature': await sign(raw, OA_SECRET_KEY, '1111') })).json.status).toBe('ignored');
    await runtime.zalo.idle();
    expect(sentTo(otherOa.sender.id)).toEqual([]);
    expect(sentTo(otherApp.sender.id)).toEqual([]);
  });

  it('the bot route is off without its variables → 503 channel_disabled', async () => {
    const res = await runtime.app.request('/webhooks/zalo-bot', { method: 'POST', body: '{}' });
    expect(res.status).toBe(503);
    const json = (await res.json()) as any;
    expect(json.error.code).toBe('channel_disabled');
    expect(json.error.message).toMatch(/chưa được cấu hình/);
  });
});

describe('with an assistant under the test’s control', () => {
  let channels: ZaloChannels;
  let app: ReturnType<typeof createApp>;
  let answer: (request: AskRequest) => Promise<AskResponse>;

  beforeAll(() => {
    const config = { ...runtime.config, ZALO_OA_API_BASE: fake.url, ZALO_OAUTH_BASE: fake.url };
    channels = createZaloChannels(config, { assistant: { ask: (r) => answer(r) }, logger: runtime.logger, store: memoryKeyValue(), seen: sqliteSeenMessages(runtime.db) });
    app = createApp({ assistant: runtime.assistant, library: runtime.kb, logger: runtime.logger, zalo: channels });
  });

  it('a slow answer: the webhook is acknowledged before the answer exists', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let asked = 0;
    answer = async (request) => {
      asked++;
      await gate;
      return runtime.assistant.ask(request);
    };
    const event = textEvent(CANONICAL);
    const { status, json } = await deliver(event, app);
    // Acknowledged while the answer is still blocked.
    expect(status).toBe(200);
    expect(json.status).toBe('accepted');
    expect(sentTo(event.sender.id)).toEqual([]);
    open();
    await channels.idle();
    expect(asked).toBe(1);
    expect(sentTo(event.sender.id)[0]).toContain('[1] KH 22-KH/TU (16/01/2026), mục II.2.3.b');
  });

  it('a 4,500-character answer → 3 messages ≤ 2,000 characters, in order, split at boundaries', async () => {
    const long = longAnswer(4500);
    const canonical = await runtime.assistant.ask({ question: CANONICAL });
    answer = async (request) => ({ ...canonical, answer: long, conversationId: request.conversationId! });
    const event = textEvent('Tóm tắt các quy định về hội nghị');
    await deliver(event, app);
    await channels.idle();
    const messages = sentTo(event.sender.id);
    expect(messages).toHaveLength(3);
    expect(fake.delivered()).toEqual(expect.arrayContaining(messages));
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(2000);
    for (const m of messages.slice(0, -1)) expect(m).toMatch(/\.$/);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(squash(messages.join(' '))).toBe(squash(`${long} Nguồn: [1] KH 22-KH/TU (16/01/2026), mục II.2.3.b`));
  });

  it('an assistant failure → an apology, not silence', async () => {
    answer = async () => {
      throw new Error('index unavailable');
    };
    const event = textEvent(CANONICAL);
    await deliver(event, app);
    await channels.idle();
    expect(sentTo(event.sender.id)).toHaveLength(1);
    expect(sentTo(event.sender.id)[0]).toMatch(/^Xin lỗi/);
  });

  it('revoked tokens → refresh rejected once → channel flagged needs_reauth in /health, no loop', async () => {
    const config = { ...runtime.config, ZALO_OA_API_BASE: fake.url, ZALO_OAUTH_BASE: fake.url, ZALO_OA_ACCESS_TOKEN: 'revoked', ZALO_OA_REFRESH_TOKEN: 'refresh-revoked' };
    const revoked = createZaloChannels(config, { assistant: runtime.assistant, logger: runtime.logger, store: memoryKeyValue(), seen: sqliteSeenMessages(runtime.db) });
    const revokedApp = createApp({ assistant: runtime.assistant, library: runtime.kb, logger: runtime.logger, zalo: revoked, health: () => ({ zalo: revoked.health() }) });
    const refreshesBefore = fake.refreshes().length;
    const first = textEvent(CANONICAL);
    expect((await deliver(first, revokedApp)).status).toBe(200);
    await revoked.idle();
    const health = (await (await revokedApp.request('/health')).json()) as any;
    expect(health.zalo.oa.state).toBe('needs_reauth');
    expect(fake.refreshes().length).toBe(refreshesBefore + 1);
    expect(fake.refreshes().at(-1)!.form!.refresh_token).toBe('refresh-revoked');

    // Later messages are still acknowledged, but no refresh is attempted again.
    expect((await deliver(textEvent(CANONICAL), revokedApp)).status).toBe(200);
    await revoked.idle();
    expect(fake.refreshes().length).toBe(refreshesBefore + 1);
    const attempts = fake.sends().filter((r) => r.json?.recipient?.user_id === first.sender.id);
    expect(attempts.map((r) => (r.reply!.body as any).error)).toEqual([-216]);
  });
});
