/**
 * Zalo Official Account webhook: verify, de-duplicate, acknowledge, then
 * answer in the background through the OA message API.
 */
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { AskRequest, AskResponse } from '../../types.js';
import type { BackgroundTasks, WaitUntil } from './background.js';
import { ZaloApiError } from './errors.js';
import { answerMessages } from './answer.js';
import { GREETING, UNSUPPORTED } from './messages.js';
import type { OaClient } from './oa-client.js';
import type { SeenMessages } from './seen.js';
import { verifyOaSignature } from './signature.js';
import type { OaTokenManager } from './tokens.js';

/** Oldest event accepted (Zalo sends no nonce; retries come within minutes). */
export const OA_MAX_EVENT_AGE_MS = 15 * 60 * 1000;
/** Tolerated clock skew for timestamps in the future. */
export const OA_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface Asker {
  ask(request: AskRequest): Promise<AskResponse>;
}

export type WebhookOutcome = 'accepted' | 'duplicate' | 'ignored';

export interface OaChannelOptions {
  appId: string;
  oaSecretKey: string;
  /** When set, events addressed to another OA are ignored. */
  oaId?: string;
  client: OaClient;
  tokens: OaTokenManager;
  assistant: Asker;
  seen: SeenMessages;
  tasks: BackgroundTasks;
  logger: Logger;
  now?: () => number;
  maxAgeMs?: number;
  maxFutureMs?: number;
}

interface OaEvent {
  event_name?: unknown;
  app_id?: unknown;
  timestamp?: unknown;
  oa_id?: unknown;
  sender?: { id?: unknown };
  recipient?: { id?: unknown };
  follower?: { id?: unknown };
  message?: { text?: unknown; msg_id?: unknown };
}

type Action = 'answer' | 'greet' | 'notice';

const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

function actionFor(eventName: string): Action | undefined {
  if (eventName === 'user_send_text') return 'answer';
  if (eventName === 'follow') return 'greet';
  // Images, stickers, files, locations…: say what works instead of staying silent.
  if (eventName.startsWith('user_send_')) return 'notice';
  // oa_send_* (our own messages echoed back — answering would loop), seen/received receipts, unfollow.
  return undefined;
}

export class OaChannel {
  constructor(private readonly options: OaChannelOptions) {}

  async receive(raw: Uint8Array, signature: string | undefined, waitUntil?: WaitUntil): Promise<WebhookOutcome> {
    const { logger } = this.options;
    if (!signature) throw new AppError('unauthorized', 'Thiếu chữ ký X-ZEvent-Signature.');
    let event: OaEvent;
    try {
      event = JSON.parse(new TextDecoder().decode(raw)) as OaEvent;
    } catch {
      throw new AppError('invalid_json', 'Nội dung sự kiện không phải JSON hợp lệ.');
    }
    if (!event || typeof event !== 'object' || Array.isArray(event)) throw new AppError('invalid_request', 'Sự kiện Zalo không hợp lệ.');
    const appId = str(event.app_id) ?? '';
    const timestamp = str(event.timestamp) ?? '';
    if (!(await verifyOaSignature(signature, appId, raw, timestamp, this.options.oaSecretKey))) {
      logger.warn({ channel: 'zalo-oa' }, '[zalo] [oa] webhook signature rejected');
      throw new AppError('unauthorized', 'Chữ ký sự kiện Zalo không hợp lệ.');
    }
    const now = this.options.now?.() ?? Date.now();
    const at = Number(timestamp);
    if (!Number.isFinite(at) || now - at > (this.options.maxAgeMs ?? OA_MAX_EVENT_AGE_MS) || at - now > (this.options.maxFutureMs ?? OA_MAX_CLOCK_SKEW_MS)) {
      logger.warn({ channel: 'zalo-oa', timestamp }, '[zalo] [oa] stale or future event rejected');
      throw new AppError('unauthorized', 'Sự kiện Zalo đã quá hạn hoặc có thời điểm không hợp lệ.');
    }

    const eventName = str(event.event_name) ?? '';
    const oaId = str(event.oa_id) ?? (eventName.startsWith('oa_') ? str(event.sender?.id) : str(event.recipient?.id));
    if (appId !== this.options.appId || (this.options.oaId && oaId && oaId !== this.options.oaId)) {
      logger.info({ channel: 'zalo-oa', appId, oaId }, '[zalo] [oa] event for another app or OA ignored');
      return 'ignored';
    }
    const action = actionFor(eventName);
    const userId = str(event.follower?.id) ?? str(event.sender?.id);
    if (!action || !userId) return 'ignored';

    const dedupeKey = `oa:${str(event.message?.msg_id) ?? `${eventName}:${userId}:${timestamp}`}`;
    if (!(await this.options.seen.firstTime(dedupeKey))) {
      logger.info({ channel: 'zalo-oa', dedupeKey }, '[zalo] [oa] duplicate delivery ignored');
      return 'duplicate';
    }
    const text = str(event.message?.text) ?? '';
    this.options.tasks.run(`oa:${userId}`, () => this.handle(action, userId, text), waitUntil);
    return 'accepted';
  }

  private async handle(action: Action, userId: string, text: string): Promise<void> {
    if (action === 'greet') return this.send(userId, [GREETING]);
    if (action === 'notice') return this.send(userId, [UNSUPPORTED]);
    const messages = await answerMessages(this.options.assistant, text, `zalo-oa:${userId}`, this.options.logger, 'oa');
    if (messages) await this.send(userId, messages);
  }

  private async send(userId: string, messages: string[]): Promise<void> {
    for (const text of messages) {
      try {
        await this.options.client.sendText(userId, text);
      } catch (err) {
        const code = err instanceof ZaloApiError ? err.code : undefined;
        this.options.logger.error(
          { err, channel: 'zalo-oa', code, window: err instanceof ZaloApiError && err.isWindowError, state: this.options.tokens.state },
          '[zalo] [oa] reply not delivered',
        );
        return; // The rest would fail the same way, and out of order if it did not.
      }
    }
  }

  health(): Record<string, unknown> {
    return this.options.tokens.health();
  }
}
