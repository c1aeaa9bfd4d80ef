/**
 * POST /webhooks/zalo-oa and /webhooks/zalo-bot. Both acknowledge with 200 as
 * soon as the event is verified and recorded; answers follow in the
 * background. A channel without configuration answers 503 channel_disabled.
 */
import { Hono, type Context } from 'hono';
import { AppError } from '../../errors.js';
import type { WaitUntil } from './background.js';
import type { BotChannel } from './bot-channel.js';
import type { OaChannel } from './oa-channel.js';

export interface ZaloRoutesDeps {
  oa?: OaChannel;
  bot?: BotChannel;
}

/** Webhook bodies are small JSON events; anything bigger is not from Zalo. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

function waitUntilOf(c: Context): WaitUntil | undefined {
  try {
    const ctx = c.executionCtx;
    return (task) => ctx.waitUntil(task);
  } catch {
    return undefined; // Node: no execution context; BackgroundTasks keeps the work alive.
  }
}

async function rawBody(c: Context): Promise<Uint8Array> {
  if (Number(c.req.header('content-length') ?? 0) > MAX_WEBHOOK_BYTES) throw tooLarge();
  const raw = new Uint8Array(await c.req.arrayBuffer());
  if (raw.byteLength > MAX_WEBHOOK_BYTES) throw tooLarge();
  return raw;
}

const tooLarge = () => new AppError('payload_too_large', 'Sự kiện quá lớn.');
const disabled = (name: string) => new AppError('channel_disabled', `Kênh ${name} chưa được cấu hình trên máy chủ này.`);

export function zaloRoutes(deps: ZaloRoutesDeps): Hono {
  const app = new Hono();
  app.post('/zalo-oa', async (c) => {
    if (!deps.oa) throw disabled('Zalo Official Account');
    const status = await deps.oa.receive(await rawBody(c), c.req.header('x-zevent-signature'), waitUntilOf(c));
    return c.json({ ok: true, status });
  });
  app.post('/zalo-bot', async (c) => {
    if (!deps.bot) throw disabled('Zalo Bot');
    const raw = new TextDecoder().decode(await rawBody(c));
    const status = await deps.bot.receive(c.req.header('x-bot-api-secret-token'), raw, waitUntilOf(c));
    return c.json({ ok: true, status });
  });
  return app;
}
