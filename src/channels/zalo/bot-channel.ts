/**
 * Zalo Bot Platform webhook: a shared secret header, updates wrapped in
 * `{ok, result}` or not, replies to `chat.id` through sendMessage.
 */
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { BackgroundTasks, WaitUntil } from './background.js';
import type { BotClient } from './bot-client.js';
import { answerMessages } from './answer.js';
import { UNSUPPORTED } from './messages.js';
import type { Asker, WebhookOutcome } from './oa-channel.js';
import { contentKey, SEEN_CONTENT_WINDOW_MS, type SeenMessages } from './seen.js';
import { constantTimeEqual } from './signature.js';

export interface BotChannelOptions {
  secret: string;
  client: BotClient;
  assistant: Asker;
  seen: SeenMessages;
  tasks: BackgroundTasks;
  logger: Logger;
}

interface BotMessage {
  message_id?: unknown;
  text?: unknown;
  chat?: { id?: unknown; chat_type?: unknown };
  from?: { id?: unknown; display_name?: unknown };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

export class BotChannel {
  constructor(private readonly options: BotChannelOptions) {}

  async receive(secret: string | undefined, raw: string, waitUntil?: WaitUntil): Promise<WebhookOutcome> {
    const { logger } = this.options;
    if (!secret || !constantTimeEqual(secret, this.options.secret)) {
      logger.warn({ channel: 'zalo-bot' }, '[zalo] [bot] webhook secret rejected');
      throw new AppError('unauthorized', secret ? 'Mã bí mật X-Bot-Api-Secret-Token không đúng.' : 'Thiếu mã bí mật X-Bot-Api-Secret-Token.');
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new AppError('invalid_json', 'Nội dung cập nhật không phải JSON hợp lệ.');
    }
    if (!body || typeof body !== 'object') throw new AppError('invalid_request', 'Cập nhật Zalo Bot không hợp lệ.');
    // Some senders wrap the update like a getUpdates answer: {ok:true, result:{…}}.
    const update = ('result' in body && body.result && typeof body.result === 'object' ? body.result : body) as { event_name?: unknown; message?: BotMessage };
    const eventName = str(update.event_name) ?? '';
    const chatId = str(update.message?.chat?.id);
    if (!chatId) return 'ignored';
    const action = eventName === 'message.text.received' ? 'answer' : /^message\.[a-z]+\.received$/.test(eventName) ? 'notice' : undefined;
    if (!action) return 'ignored';
    const messageId = str(update.message?.message_id);
    const text = str(update.message?.text) ?? '';
    // Without an id, a redelivery is recognised by who sent what, for a short while.
    const first = messageId
      ? await this.options.seen.firstTime(`bot:${messageId}`)
      : await this.options.seen.firstTime(await contentKey('bot-content', chatId, eventName, text), SEEN_CONTENT_WINDOW_MS);
    if (!first) {
      logger.info({ channel: 'zalo-bot', messageId }, '[zalo] [bot] duplicate delivery ignored');
      return 'duplicate';
    }
    this.options.tasks.run(`bot:${chatId}`, () => (action === 'answer' ? this.answer(chatId, text) : this.send(chatId, [UNSUPPORTED])), waitUntil);
    return 'accepted';
  }

  private async answer(chatId: string, text: string): Promise<void> {
    if (!text.trim()) return;
    await this.options.client.sendChatAction(chatId, 'typing').catch((err: unknown) => this.options.logger.warn({ err }, '[zalo] [bot] typing action failed'));
    const messages = await answerMessages(this.options.assistant, text, `zalo-bot:${chatId}`, this.options.logger, 'bot');
    if (messages) await this.send(chatId, messages);
  }

  private async send(chatId: string, messages: string[]): Promise<void> {
    for (const text of messages) {
      try {
        await this.options.client.sendMessage(chatId, text);
      } catch (err) {
        this.options.logger.error({ err, channel: 'zalo-bot' }, '[zalo] [bot] reply not delivered');
        return;
      }
    }
  }
}
