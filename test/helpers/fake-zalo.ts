/**
 * A local HTTP server (127.0.0.1, random port) that speaks the Zalo OA
 * message API, the OAuth v4 token endpoint and the Bot Platform API, with
 * their real request and response shapes. It records every request; tests
 * can script replies per API. Default behaviour follows the real services:
 * wrong access token → -216, refresh tokens are single-use and rotate,
 * wrong bot token → {ok:false}.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  api: 'oa' | 'oauth' | 'bot';
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json?: any;
  form?: Record<string, string>;
  /** What the server answered. */
  reply?: Reply;
}

export interface Reply {
  status?: number;
  body: unknown;
}

/** Returns a reply, or undefined for the default behaviour. */
export type Responder = (req: RecordedRequest) => Reply | undefined | Promise<Reply | undefined>;

export class FakeZalo {
  url = '';
  readonly requests: RecordedRequest[] = [];
  appId = '2553928453557884079';
  appSecret = 'app-secret-abc';
  accessToken = 'access-1';
  refreshToken = 'refresh-1';
  botToken = '1234567890:bot-secret-token';
  private rotation = 1;
  private messageId = 0;
  readonly responders: Partial<Record<RecordedRequest['api'], Responder>> = {};
  private waiters: Array<{ test: (r: RecordedRequest) => boolean; resolve: () => void }> = [];
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        const api: RecordedRequest['api'] = path.startsWith('/v4/oa/access_token') ? 'oauth' : path.startsWith('/bot') ? 'bot' : 'oa';
        const rec: RecordedRequest = { api, method: req.method ?? 'GET', path, headers: req.headers, body };
        if (String(req.headers['content-type']).includes('json')) rec.json = safeJson(body);
        if (String(req.headers['content-type']).includes('x-www-form-urlencoded')) rec.form = Object.fromEntries(new URLSearchParams(body));
        this.requests.push(rec);
        this.waiters = this.waiters.filter((w) => (w.test(rec) ? (w.resolve(), false) : true));
        try {
          const reply = (await this.responders[api]?.(rec)) ?? this.defaultReply(rec);
          rec.reply = reply;
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(reply.body));
        } catch (err) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: String(err) }));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The server's environment for both channels pointed at this fake. */
  serverEnv(oaSecretKey: string, botSecret: string): Record<string, string> {
    return {
      ZALO_APP_ID: this.appId,
      ZALO_OA_SECRET_KEY: oaSecretKey,
      ZALO_OA_ACCESS_TOKEN: this.accessToken,
      ZALO_OA_API_BASE: this.url,
      ZALO_OAUTH_BASE: this.url,
      ZALO_BOT_TOKEN: this.botToken,
      ZALO_BOT_SECRET: botSecret,
      ZALO_BOT_API_BASE: this.url,
    };
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Resolves when `count` requests matching `test` have been received. */
  waitFor(test: (r: RecordedRequest) => boolean, count = 1): Promise<void> {
    return new Promise((resolve) => {
      let seen = this.requests.filter(test).length;
      if (seen >= count) return resolve();
      const waiter = {
        test: (r: RecordedRequest) => test(r) && ++seen >= count,
        resolve,
      };
      this.waiters.push(waiter);
    });
  }

  sends(): RecordedRequest[] {
    return this.requests.filter((r) => r.api === 'oa');
  }

  /** Texts of OA messages that Zalo accepted (error 0), in order. */
  delivered(): string[] {
    return this.requests.filter((r) => r.api === 'oa' && (r.reply?.body as { error?: number } | undefined)?.error === 0).map((r) => r.json?.message?.text);
  }

  refreshes(): RecordedRequest[] {
    return this.requests.filter((r) => r.api === 'oauth');
  }

  botCalls(method?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.api === 'bot' && (!method || r.path.endsWith(`/${method}`)));
  }

  private defaultReply(rec: RecordedRequest): Reply {
    if (rec.api === 'oauth') {
      const f = rec.form ?? {};
      if (rec.headers['secret_key'] !== this.appSecret || f.app_id !== this.appId || f.grant_type !== 'refresh_token' || f.refresh_token !== this.refreshToken) {
        return { body: { error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid or expired' } };
      }
      this.rotation++;
      this.accessToken = `access-${this.rotation}`;
      this.refreshToken = `refresh-${this.rotation}`;
      return { body: { access_token: this.accessToken, refresh_token: this.refreshToken, expires_in: '90000' } };
    }
    if (rec.api === 'oa') {
      if (rec.method !== 'POST' || rec.path !== '/v3.0/oa/message/cs') return { status: 404, body: { error: 404, message: 'not found' } };
      if (rec.headers['access_token'] !== this.accessToken) return { body: { error: -216, message: 'Access token is invalid' } };
      const text = rec.json?.message?.text;
      if (!rec.json?.recipient?.user_id || typeof text !== 'string' || !text || text.length > 2000) return { body: { error: -201, message: 'Parameters are invalid' } };
      return { body: { error: 0, message: 'Success', data: { message_id: `msg-${++this.messageId}`, user_id: rec.json.recipient.user_id } } };
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(rec.path);
    if (!match || match[1] !== this.botToken) return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
    const method = match[2];
    const params = rec.json ?? {};
    if (method === 'sendMessage') {
      if (!params.chat_id || typeof params.text !== 'string' || !params.text || params.text.length > 2000) return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: text is invalid' } };
      return { body: { ok: true, result: { message_id: `bot-msg-${++this.messageId}`, date: Date.now() } } };
    }
    if (method === 'sendChatAction') return { body: { ok: true, result: true } };
    if (method === 'setWebhook') {
      const secret = params.secret_token;
      if (!/^https:\/\//.test(params.url ?? '') || typeof secret !== 'string' || secret.length < 8 || secret.length > 256) return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: invalid webhook' } };
      return { body: { ok: true, result: { url: params.url, updated_at: Date.now() } } };
    }
    return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
