/**
 * Sends consultation (cs) text messages from the OA. Zalo reports failures as
 * a non-zero `error` in a 200 body, so the body is always checked:
 * -216/-220 → refresh the token once and retry; -32 → back off and retry a
 * bounded number of times; window errors and everything else → give up.
 */
import type { Logger } from '../../logger.js';
import { RATE_LIMITED, TOKEN_ERRORS, ZaloApiError } from './errors.js';
import type { OaTokenManager } from './tokens.js';

/** Waits before each retry after -32 (rate limited); its length bounds the retries. */
export const OA_RATE_LIMIT_BACKOFF_MS = [1000, 4000];

export interface OaClientOptions {
  apiBase: string;
  fetch: typeof fetch;
  tokens: OaTokenManager;
  logger: Logger;
  backoffMs?: number[];
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OaClient {
  constructor(private readonly options: OaClientOptions) {}

  /** Sends one text message (≤ 2,000 characters) and returns Zalo's message id. */
  async sendText(userId: string, text: string): Promise<string | undefined> {
    const { tokens, logger } = this.options;
    const backoff = this.options.backoffMs ?? OA_RATE_LIMIT_BACKOFF_MS;
    const sleep = this.options.sleep ?? defaultSleep;
    let refreshed = false;
    let rateLimited = 0;
    for (;;) {
      const token = await tokens.accessToken();
      const body = await this.post(token, { recipient: { user_id: userId }, message: { text } });
      const code = Number(body.error ?? NaN);
      if (code === 0) return (body.data as { message_id?: string } | undefined)?.message_id;
      if (TOKEN_ERRORS.has(code) && !refreshed) {
        refreshed = true;
        logger.info({ code }, '[zalo] [oa] access token rejected: refreshing once');
        await tokens.refresh(token);
        continue;
      }
      if (code === RATE_LIMITED && rateLimited < backoff.length) {
        const wait = backoff[rateLimited++]!;
        logger.warn({ code, wait }, '[zalo] [oa] rate limited: backing off');
        await sleep(wait);
        continue;
      }
      throw new ZaloApiError('oa', Number.isFinite(code) ? code : -1, String(body.message ?? 'unexpected response'));
    }
  }

  private async post(token: string, payload: unknown): Promise<Record<string, unknown>> {
    const res = await this.options.fetch(`${this.options.apiBase.replace(/\/$/, '')}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { access_token: token, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    if (!res.ok) throw new ZaloApiError('oa', res.status, `HTTP ${res.status}`);
    const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') throw new ZaloApiError('oa', -1, 'response is not JSON');
    return body;
  }
}
