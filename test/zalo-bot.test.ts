/**
 * POST /webhooks/zalo-bot on the real runtime, replies going to a local
 * server that speaks the Zalo Bot Platform API; and the set-webhook script.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSUPPORTED } from '../src/channels/zalo/messages.js';
import type { NodeRuntime } from '../src/node.js';
import { FakeZalo } from './helpers/fake-zalo.js';
import { testRuntime } from './helpers/runtime.js';

const SECRET = 'bot-webhook-secret-0123456789';
const CANONICAL = 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?';

let fake: FakeZalo;
let runtime: NodeRuntime;
let counter = 0;

beforeAll(async () => {
  fake = await new FakeZalo().start();
  runtime = await testRuntime({ ZALO_BOT_TOKEN: fake.botToken, ZALO_BOT_SECRET: SECRET, ZALO_BOT_API_BASE: fake.url });
});
afterAll(() => fake.close());

function update(text: string | undefined, eventName = 'message.text.received') {
  counter++;
  return {
    event_name: eventName,
    message: {
      message_id: `m-${counter}-${Math.random().toString(36).slice(2)}`,
      from: { id: `u-${counter}`, display_name: 'Cán bộ' },
      chat: { id: `chat-${counter}`, chat_type: 'PRIVATE' },
      date: Date.now(),
      ...(text === undefined ? {} : { text }),
    },
  };
}

async function post(body: unknown, secret: string | null = SECRET) {
  const res = await runtime.app.request('/webhooks/zalo-bot', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-bot-api-secret-token': secret }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

const callsFor = (chatId: string) => fake.botCalls().filter((r) => r.json?.chat_id === chatId);

describe('Zalo Bot webhook', () => {
  it.each([
    ['unwrapped', (u: object) => u],
    ['wrapped in {ok, result}', (u: object) => ({ ok: true, result: u })],
  ])('%s update with the right secret → typing, then a cited reply to chat.id', async (_name, wrap) => {
    const u = update(CANONICAL);
    const { status, json } = await post(wrap(u));
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, status: 'accepted' });
    await runtime.zalo.idle();
    const calls = callsFor(u.message.chat.id);
    expect(calls.map((c) => c.path)).toEqual([`/bot${fake.botToken}/sendChatAction`, `/bot${fake.botToken}/sendMessage`]);
    expect(calls[0]!.json).toEqual({ chat_id: u.message.chat.id, action: 'typing' });
    const text: string = calls[1]!.json.text;
    expect(text).toContain('két luén khong qua 50 phut');
    expect(text).toContain('[1] KH 22-KH/TU (16/01/2026), mục II.2.3.b');
    expect((calls[1]!.reply!.body as any).ok).toBe(true);
  });

  it.each([
    ['wrong', 'not-the-secret'],
    ['almost right', `${SECRET}x`],
    ['missing', null],
  ])('%s secret → 401, nothing sent', async (_name, secret) => {
    const u = update(CANONICAL);
    const { status, json } = await post(u, secret);
    expect(status).toBe(401);
    expect(json.error.code).toBe('unauthorized');
    await runtime.zalo.idle();
    expect(callsFor(u.message.chat.id)).toEqual([]);
  });

  it('remembers the conversation per chat', async () => {
    const first = update(CANONICAL);
    await post(first);
    const second = update('Còn tham luận thì sao?');
    second.message.chat = first.message.chat;
    await post(second);
    await runtime.zalo.idle();
    const replies = callsFor(first.message.chat.id).filter((c) => c.path.endsWith('/sendMessage'));
    expect(replies).toHaveLength(2);
    expect(replies[1]!.json.text).toContain('tham luén khong qua 10 phit');
  });

  it('a sticker → short notice; a duplicate message_id → answered once', async () => {
    const u = update(undefined, 'message.sticker.received');
    await post(u);
    expect((await post(u)).json.status).toBe('duplicate');
    await runtime.zalo.idle();
    const sent = callsFor(u.message.chat.id).filter((c) => c.path.endsWith('/sendMessage'));
    expect(sent.map((c) => c.json.text)).toEqual([UNSUPPORTED]);
  });

  it('an update without a message → 200 ignored; malformed JSON → 400', async () => {
    expect((await post({ ok: true, result: { event_name: 'message.text.received' } })).json.status).toBe('ignored');
    const res = await runtime.app.request('/webhooks/zalo-bot', { method: 'POST', headers: { 'x-bot-api-secret-token': SECRET }, body: '{oops' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('invalid_json');
  });

  it('the OA route is off without its variables → 503 channel_disabled; /health says so', async () => {
    const res = await runtime.app.request('/webhooks/zalo-oa', { method: 'POST', body: '{}' });
    expect(res.status).toBe(503);
    expect(((await res.json()) as any).error.code).toBe('channel_disabled');
    const health = (await (await runtime.app.request('/health')).json()) as any;
    expect(health.zalo).toEqual({ oa: { state: 'disabled' }, bot: { state: 'ok' } });
  });
});

describe('npm run zalo:set-webhook', () => {
  const run = (args: string[], env: Record<string, string>) =>
    promisify(execFile)(join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx'), [join(import.meta.dirname, '..', 'scripts', 'zalo-set-webhook.ts'), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });

  it('calls setWebhook {url, secret_token} with the bot token', async () => {
    const { stdout } = await run(['https://vanban.example.gov.vn/webhooks/zalo-bot'], { ZALO_BOT_TOKEN: fake.botToken, ZALO_BOT_SECRET: SECRET, ZALO_BOT_API_BASE: fake.url });
    expect(stdout).toContain('Đã đăng ký webhook Zalo Bot');
    const call = fake.botCalls('setWebhook').at(-1)!;
    expect(call.path).toBe(`/bot${fake.botToken}/setWebhook`);
    expect(call.json).toEqual({ url: 'https://vanban.example.gov.vn/webhooks/zalo-bot', secret_token: SECRET });
  });

  it('refuses a non-HTTPS url', async () => {
    const err = (await run(['http://insecure/webhooks/zalo-bot'], { ZALO_BOT_TOKEN: fake.botToken, ZALO_BOT_SECRET: SECRET, ZALO_BOT_API_BASE: fake.url }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('HTTPS');
  });
});
