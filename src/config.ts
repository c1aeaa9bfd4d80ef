/**
 * Configuration from the environment (DESIGN §4). Parsed once, validated with
 * zod, passed down explicitly: nothing else reads process.env.
 */
import { z } from 'zod';

const optional = z.string().trim().min(1).optional().catch(undefined);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('data'),
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional,
  LLM_MODEL: optional,
  /** Per attempt, and the longest silence inside a stream, before falling back to extractive. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(20000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** After the endpoint fails, answer extractively without trying it for this long (0 = always try). */
  LLM_COOLDOWN_MS: z.coerce.number().int().min(0).default(30000),
  EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
  EMBEDDINGS_MODEL: optional,
  ADMIN_TOKEN: optional,
  CORS_ORIGINS: optional,
  LOG_LEVEL: z.string().default('info'),
  /** Requests per minute per client IP on /api/ask, /api/chat, /api/feedback, /api/briefing (0 = off). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /**
   * Proxies whose X-Forwarded-For / X-Real-IP are believed: "loopback", "private", addresses or CIDRs,
   * comma-separated. Off by default: the socket's address is the client.
   */
  TRUST_PROXY: optional,
  /** Largest document upload, in MB. */
  MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
  ZALO_APP_ID: optional,
  ZALO_APP_SECRET: optional,
  ZALO_OA_SECRET_KEY: optional,
  ZALO_OA_ACCESS_TOKEN: optional,
  ZALO_OA_REFRESH_TOKEN: optional,
  /** Optional: when set, OA events addressed to another OA are ignored. */
  ZALO_OA_ID: optional,
  ZALO_OA_API_BASE: z.string().default('https://openapi.zalo.me'),
  ZALO_OAUTH_BASE: z.string().default('https://oauth.zaloapp.com'),
  ZALO_BOT_TOKEN: optional,
  ZALO_BOT_SECRET: optional,
  ZALO_BOT_API_BASE: z.string().default('https://bot-api.zaloplatforms.com'),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ (${issues})`);
  }
  return parsed.data;
}

/** CORS_ORIGINS="https://a.gov.vn,https://b.gov.vn" → list; "*" allows any origin. */
export function corsOrigins(config: Config): string[] {
  return (config.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
}
