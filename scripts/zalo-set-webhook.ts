/**
 * `npm run zalo:set-webhook -- <https-url>`: registers this server's Bot
 * Platform webhook (setWebhook {url, secret_token}) with ZALO_BOT_SECRET as
 * the secret Zalo will send back in X-Bot-Api-Secret-Token.
 */
import { BotClient } from '../src/channels/zalo/bot-client.js';
import { loadConfig } from '../src/config.js';

const url = process.argv[2]?.trim();
const config = loadConfig();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!url || !/^https:\/\/[^\s/]+/.test(url)) fail('Cách dùng: npm run zalo:set-webhook -- https://ten-mien-cua-ban/webhooks/zalo-bot (bắt buộc HTTPS).');
if (!config.ZALO_BOT_TOKEN || !config.ZALO_BOT_SECRET) fail('Thiếu ZALO_BOT_TOKEN hoặc ZALO_BOT_SECRET trong biến môi trường.');
if (config.ZALO_BOT_SECRET.length < 8 || config.ZALO_BOT_SECRET.length > 256) fail('ZALO_BOT_SECRET phải dài từ 8 đến 256 ký tự.');
if (!url.endsWith('/webhooks/zalo-bot')) console.warn('Lưu ý: địa chỉ webhook của vanban thường kết thúc bằng /webhooks/zalo-bot.');

const client = new BotClient({ apiBase: config.ZALO_BOT_API_BASE, token: config.ZALO_BOT_TOKEN, fetch: (input, init) => fetch(input, init) });
try {
  const result = await client.setWebhook(url, config.ZALO_BOT_SECRET);
  console.log(`Đã đăng ký webhook Zalo Bot: ${url}`);
  console.log(JSON.stringify(result));
} catch (err) {
  fail(`Zalo từ chối đăng ký webhook: ${err instanceof Error ? err.message : String(err)}`);
}
