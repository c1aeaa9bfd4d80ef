/**
 * Zalo Bot Platform client (Telegram-like): POST JSON to
 * {base}/bot{TOKEN}/{method}; answers `{ok:true,result}` or
 * `{ok:false,error_code,description}`.
 */
import { ZaloApiError } from './errors.js';

export interface BotClientOptions {
  apiBase: string;
  token: string;
  fetch: typeof fetch;
}

export class BotClient {
  constructor(private readonly options: BotClientOptions) {}

  async call<T = unknown>(method: string, params: Record<string, unknown>): Promise<T> {
    const { apiBase, token } = this.options;
    const res = await this.options.fetch(`${apiBase.replace(/\/$/, '')}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    const body = (await res.json().catch(() => undefined)) as { ok?: boolean; result?: T; error_code?: number; description?: string } | undefined;
    if (!body || body.ok !== true) throw new ZaloApiError('bot', Number(body?.error_code ?? res.status), body?.description ?? `HTTP ${res.status}`);
    return body.result as T;
  }

  sendMessage(chatId: string, text: string): Promise<{ message_id?: string; date?: number }> {
    return this.call('sendMessage', { chat_id: chatId, text });
  }

  sendChatAction(chatId: string, action: 'typing' = 'typing'): Promise<unknown> {
    return this.call('sendChatAction', { chat_id: chatId, action });
  }

  setWebhook(url: string, secretToken: string): Promise<unknown> {
    return this.call('setWebhook', { url, secret_token: secretToken });
  }

  getWebhookInfo(): Promise<unknown> {
    return this.call('getWebhookInfo', {});
  }
}
