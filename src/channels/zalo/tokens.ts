/**
 * OA access tokens. The access token lives ≈25 h; the refresh token is
 * single-use and rotates, so every refresh result is persisted atomically
 * and only one refresh runs at a time — across server processes too (a lock,
 * and the store re-read under it). A rejected refresh flags the channel
 * `needs_reauth` and stops further attempts (no loop) until restart with new
 * credentials.
 */
import type { Logger } from '../../logger.js';
import { ZaloApiError, ZaloReauthError } from './errors.js';
import type { KeyValueStore } from './kv.js';
import { sha256Hex } from './signature.js';

export const TOKENS_KEY = 'oa-tokens';
/** Refresh when less than this is left (the reference suggests 1 h). */
export const REFRESH_EARLY_MS = 60 * 60 * 1000;

interface StoredTokens {
  accessToken?: string;
  refreshToken?: string;
  /** Epoch ms; unknown for tokens pasted into the environment. */
  expiresAt?: number;
  /** Hash of the environment tokens this chain started from: new env tokens win. */
  seed: string;
  updatedAt?: string;
}

export type OaTokenState = 'ok' | 'needs_reauth';

export interface OaTokenOptions {
  appId: string;
  appSecret?: string;
  accessToken?: string;
  refreshToken?: string;
  oauthBase: string;
  fetch: typeof fetch;
  store: KeyValueStore;
  logger: Logger;
  now?: () => number;
  refreshEarlyMs?: number;
  /**
   * Runs a refresh while no other server process refreshes (the cluster's lock). Every process keeps the
   * tokens in memory; the refresh token is single-use, so a process that refreshed with the one another had
   * already spent would be rejected and stop the channel.
   */
  lock?: <T>(task: () => Promise<T>) => Promise<T>;
}

export class OaTokenManager {
  state: OaTokenState = 'ok';
  private tokens?: Promise<StoredTokens>;
  private inflight?: Promise<string>;
  private lastError?: string;

  constructor(private readonly options: OaTokenOptions) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private load(): Promise<StoredTokens> {
    this.tokens ??= this.readStore();
    return this.tokens;
  }

  /** The persisted chain of tokens (what any process refreshed last), or the environment's. */
  private async readStore(): Promise<StoredTokens> {
    const { accessToken, refreshToken, store } = this.options;
    const seed = await sha256Hex(`${accessToken ?? ''}\n${refreshToken ?? ''}`);
    const raw = await store.get(TOKENS_KEY);
    if (raw) {
      try {
        const stored = JSON.parse(raw) as StoredTokens;
        if (stored.seed === seed) return stored;
        this.options.logger.info('[zalo] OA tokens in the environment changed: starting from them');
      } catch {
        this.options.logger.warn('[zalo] stored OA tokens unreadable: starting from the environment');
      }
    }
    return { accessToken, refreshToken, seed };
  }

  /** A usable access token, refreshed first when it is about to expire. */
  async accessToken(): Promise<string> {
    const tokens = await this.load();
    const early = this.options.refreshEarlyMs ?? REFRESH_EARLY_MS;
    const expiring = tokens.expiresAt !== undefined && tokens.expiresAt - this.now() < early;
    if (this.state === 'ok' && (!tokens.accessToken || expiring)) {
      try {
        return await this.refresh(tokens.accessToken);
      } catch (err) {
        // An early refresh that fails still leaves the current token usable until it expires.
        if (!tokens.accessToken || (tokens.expiresAt !== undefined && tokens.expiresAt <= this.now())) throw err;
      }
    }
    if (!tokens.accessToken || (this.state === 'needs_reauth' && tokens.expiresAt !== undefined && tokens.expiresAt <= this.now())) throw new ZaloReauthError();
    return tokens.accessToken;
  }

  /**
   * Refreshes unless `stale` is no longer the current token (someone else
   * already refreshed). Concurrent callers share one request.
   */
  async refresh(stale?: string): Promise<string> {
    if (this.inflight) return this.inflight;
    const tokens = await this.load();
    if (this.inflight) return this.inflight;
    if (stale !== undefined && tokens.accessToken && tokens.accessToken !== stale) return tokens.accessToken;
    if (this.state === 'needs_reauth') throw new ZaloReauthError();
    const lock = this.options.lock ?? ((task) => task());
    this.inflight = lock(() => this.refreshFromStore(tokens)).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Under the lock: when another process refreshed since `current` was read, its tokens are taken as they are. */
  private async refreshFromStore(current: StoredTokens): Promise<string> {
    const stored = await this.readStore();
    if (stored.refreshToken !== current.refreshToken && stored.accessToken) {
      this.tokens = Promise.resolve(stored);
      this.options.logger.info('[zalo] [oauth] OA tokens refreshed by another process: using them');
      return stored.accessToken;
    }
    return this.doRefresh(current);
  }

  private async doRefresh(current: StoredTokens): Promise<string> {
    const { appId, appSecret, oauthBase, logger } = this.options;
    if (!current.refreshToken || !appSecret) return this.fail('no refresh token or app secret configured');
    let res: Response;
    try {
      res = await this.options.fetch(`${oauthBase.replace(/\/$/, '')}/v4/oa/access_token`, {
        method: 'POST',
        headers: { secret_key: appSecret, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ refresh_token: current.refreshToken, app_id: appId, grant_type: 'refresh_token' }).toString(),
      });
    } catch (err) {
      // Network trouble is transient: the refresh token was not consumed.
      logger.warn({ err }, '[zalo] [oauth] refresh request failed');
      throw err;
    }
    if (res.status >= 500) throw new ZaloApiError('oauth', res.status, 'OAuth server error');
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    const accessToken = typeof body.access_token === 'string' ? body.access_token : undefined;
    const refreshToken = typeof body.refresh_token === 'string' ? body.refresh_token : undefined;
    if (!res.ok || !accessToken || !refreshToken) {
      const reason = String(body.error_description ?? body.error_name ?? body.message ?? `HTTP ${res.status}`);
      return this.fail(`refresh rejected (${String(body.error ?? res.status)}: ${reason})`);
    }
    const expiresIn = Number(body.expires_in);
    const next: StoredTokens = {
      accessToken,
      refreshToken,
      ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresAt: this.now() + expiresIn * 1000 } : {}),
      seed: current.seed,
      updatedAt: new Date(this.now()).toISOString(),
    };
    // Persist before use: the old refresh token is already spent.
    await this.options.store.put(TOKENS_KEY, JSON.stringify(next));
    this.tokens = Promise.resolve(next);
    logger.info({ expiresAt: next.expiresAt }, '[zalo] [oauth] OA access token refreshed');
    return accessToken;
  }

  private fail(reason: string): never {
    this.state = 'needs_reauth';
    this.lastError = reason;
    this.options.logger.error({ channel: 'zalo-oa', state: 'needs_reauth', reason }, '[zalo] OA needs re-authorisation: replies are off until new tokens are configured');
    throw new ZaloReauthError(`[zalo] [oauth] ${reason}`);
  }

  health(): Record<string, unknown> {
    return { state: this.state, ...(this.lastError ? { reason: this.lastError } : {}) };
  }
}
