/**
 * Builds the Zalo channels from configuration. A channel whose variables are
 * missing is off (its webhook answers 503 channel_disabled):
 * - OA: ZALO_APP_ID, ZALO_OA_SECRET_KEY and an access token, or a refresh
 *   token with ZALO_APP_SECRET.
 * - Bot: ZALO_BOT_TOKEN and ZALO_BOT_SECRET.
 */
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { BackgroundTasks } from './background.js';
import { BotChannel } from './bot-channel.js';
import { BotClient } from './bot-client.js';
import type { KeyValueStore } from './kv.js';
import { OaClient } from './oa-client.js';
import { OaChannel, type Asker } from './oa-channel.js';
import type { ZaloRoutesDeps } from './routes.js';
import type { SeenMessages } from './seen.js';
import { OaTokenManager } from './tokens.js';

export { zaloRoutes, type ZaloRoutesDeps } from './routes.js';

export type ZaloConfig = Pick<
  Config,
  | 'ZALO_APP_ID'
  | 'ZALO_APP_SECRET'
  | 'ZALO_OA_SECRET_KEY'
  | 'ZALO_OA_ACCESS_TOKEN'
  | 'ZALO_OA_REFRESH_TOKEN'
  | 'ZALO_OA_API_BASE'
  | 'ZALO_OAUTH_BASE'
  | 'ZALO_BOT_TOKEN'
  | 'ZALO_BOT_SECRET'
  | 'ZALO_BOT_API_BASE'
> & { ZALO_OA_ID?: string };

export interface ZaloChannelDeps {
  assistant: Asker;
  logger: Logger;
  /** OA tokens (files under DATA_DIR/zalo on Node). */
  store: KeyValueStore;
  /** Deliveries already answered, shared by every server process (SQLite on Node). */
  seen: SeenMessages;
  /** Serialises OA token refreshes across server processes (the cluster's lock); default: this process only. */
  lock?: <T>(task: () => Promise<T>) => Promise<T>;
  fetch?: typeof fetch;
  /** Back-off after -32, in ms (one retry per entry). */
  backoffMs?: number[];
  now?: () => number;
}

export interface ZaloChannels extends ZaloRoutesDeps {
  tokens?: OaTokenManager;
  /** Resolves when every background answer has been sent. */
  idle(): Promise<void>;
  health(): Record<string, unknown>;
}

export function oaConfigured(config: ZaloConfig): boolean {
  return Boolean(config.ZALO_APP_ID && config.ZALO_OA_SECRET_KEY && (config.ZALO_OA_ACCESS_TOKEN || (config.ZALO_OA_REFRESH_TOKEN && config.ZALO_APP_SECRET)));
}

export function botConfigured(config: ZaloConfig): boolean {
  return Boolean(config.ZALO_BOT_TOKEN && config.ZALO_BOT_SECRET);
}

export function createZaloChannels(config: ZaloConfig, deps: ZaloChannelDeps): ZaloChannels {
  const fetchFn = deps.fetch ?? ((input, init) => fetch(input, init));
  const tasks = new BackgroundTasks(deps.logger);
  const { seen } = deps;
  let oa: OaChannel | undefined;
  let tokens: OaTokenManager | undefined;
  if (oaConfigured(config)) {
    tokens = new OaTokenManager({
      appId: config.ZALO_APP_ID!,
      appSecret: config.ZALO_APP_SECRET,
      accessToken: config.ZALO_OA_ACCESS_TOKEN,
      refreshToken: config.ZALO_OA_REFRESH_TOKEN,
      oauthBase: config.ZALO_OAUTH_BASE,
      fetch: fetchFn,
      store: deps.store,
      logger: deps.logger,
      now: deps.now,
      lock: deps.lock,
    });
    const client = new OaClient({ apiBase: config.ZALO_OA_API_BASE, fetch: fetchFn, tokens, logger: deps.logger, backoffMs: deps.backoffMs });
    oa = new OaChannel({
      appId: config.ZALO_APP_ID!,
      oaSecretKey: config.ZALO_OA_SECRET_KEY!,
      oaId: config.ZALO_OA_ID,
      client,
      tokens,
      assistant: deps.assistant,
      seen,
      tasks,
      logger: deps.logger,
      now: deps.now,
    });
  }
  const bot = botConfigured(config)
    ? new BotChannel({
        secret: config.ZALO_BOT_SECRET!,
        client: new BotClient({ apiBase: config.ZALO_BOT_API_BASE, token: config.ZALO_BOT_TOKEN!, fetch: fetchFn }),
        assistant: deps.assistant,
        seen,
        tasks,
        logger: deps.logger,
      })
    : undefined;
  deps.logger.info({ oa: oa ? 'on' : 'off', bot: bot ? 'on' : 'off' }, '[zalo] channels');
  return {
    oa,
    bot,
    tokens,
    idle: () => tasks.idle(),
    health: () => ({
      oa: oa ? oa.health() : { state: 'disabled' },
      bot: { state: bot ? 'ok' : 'disabled' },
    }),
  };
}
