/**
 * The chat page, source view and widget in real headless Chromium, against the
 * real server (createNodeRuntime + @hono/node-server) and, for the widget, a
 * host page served from a second origin.
 */
import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { lazyWebAssets } from '../src/channels/web/assets.js';
import { webRoutes } from '../src/channels/web/routes.js';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';
import { hasChromium, launchChromium } from './helpers/browser.js';
import { tempDataDir } from './helpers/runtime.js';

const CANONICAL = 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?';
const KH22 = 'dien-bien-ke-hoach-22-kh-tu';
const XSS_QUESTION = 'Lịch tiếp công dân định kỳ của Ban kiểm thử là ngày nào?';
const artifacts = join(import.meta.dirname, '..', 'test-artifacts');

// A hostile document: its text must reach the browser as inert text.
const XSS_DOC = `BAN KIỂM THỬ AN TOÀN
Số 99-TB/KTAT
THÔNG BÁO
về lịch tiếp công dân định kỳ của Ban kiểm thử
I. LỊCH TIẾP CÔNG DÂN
1. Thời gian
Ban kiểm thử tiếp công dân định kỳ vào ngày 15 hằng tháng tại trụ sở <script>window.__vanbanXss = 'script'</script> và ghi chú <img src=x onerror="window.__vanbanXss = 'img'"> theo quy định.
2. Địa điểm
Phòng tiếp công dân, tầng 1.
`;

let runtime: NodeRuntime;
let api: ServerType;
let apiOrigin: string;
let hostServer: Server;
let hostOrigin: string;
let strangerServer: Server;
let strangerOrigin: string;
const warnings: { obj: any; msg: string }[] = [];
let browser: Browser;
const feedbackSeen: { body: any; status: number }[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function hostPage(variant: 'vi' | 'en' = 'vi'): string {
  const tag = variant === 'en'
    ? `<script src="${apiOrigin}/widget.js" defer data-lang="en"></script>`
    : `<script src="${apiOrigin}/widget.js" defer data-title="Trợ lý văn bản tỉnh" data-lang="vi" data-position="left" data-primary-color="#0a5c36"></script>`;
  // Aggressive host CSS: the widget lives in a shadow root and must be unaffected.
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin tỉnh</title>
<style>* { font-size: 40px !important; color: #f0f !important; } button { display: none !important; } .vb-user { background: #0f0 !important; }</style>
</head><body><h1>Cổng thông tin điện tử</h1><div class="vb-chat" id="host-probe">host content</div>
${tag}
</body></html>`;
}

// CI installs Debian's chromium (.ci/run) and must run these; elsewhere they skip when it is absent.
const skip = !hasChromium() && !process.env.CI;
if (skip) console.warn('web.test.ts skipped: no /usr/bin/chromium (apt-get install -y chromium)');

describe.skipIf(skip)('web channel in a real browser', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    hostServer = createServer((req, res) => {
      if (req.url === '/host.html' || req.url === '/host-en.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(hostPage(req.url === '/host-en.html' ? 'en' : 'vi'));
      } else {
        res.writeHead(404).end();
      }
    });
    hostOrigin = await listen(hostServer);
    // A second site, not in CORS_ORIGINS, embedding the same widget.
    strangerServer = createServer((req, res) => {
      res.writeHead(req.url === '/host.html' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/host.html' ? hostPage('vi') : '');
    });
    strangerOrigin = await listen(strangerServer);

    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'docs', 'kiem-thu-xss.txt'), XSS_DOC);
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', CORS_ORIGINS: hostOrigin });
    runtime = await createNodeRuntime(config, { onProgress: () => {} });
    // The server's warnings, as an operator reads them (the logger is silent otherwise).
    (runtime.logger as any).warn = (obj: any, msg: string) => warnings.push({ obj, msg });
    const app = runtime.app;
    api = serve({
      hostname: '127.0.0.1',
      port: 0,
      fetch: async (request: Request) => {
        const isFeedback = request.method === 'POST' && new URL(request.url).pathname === '/api/feedback';
        const body = isFeedback ? await request.clone().json() : undefined;
        const response = await app.fetch(request);
        if (isFeedback) feedbackSeen.push({ body, status: response.status });
        return response;
      },
    });
    await new Promise<void>((resolve) => api.once('listening', () => resolve()));
    apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => api?.close(resolve));
    await new Promise((resolve) => hostServer?.close(resolve));
    await new Promise((resolve) => strangerServer?.close(resolve));
  });

  /** A fresh context (own localStorage) that fails the test on any request to a third origin. */
  async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ locale: 'vi-VN', ...options });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return { context, page, requests, errors };
  }

  function expectOnlyOrigins(requests: string[], allowed: string[]): void {
    for (const url of requests) {
      if (url.startsWith('data:')) continue;
      expect(allowed, `unexpected request to ${url}`).toContain(new URL(url).origin);
    }
  }

  async function askOnPage(page: Page, question: string, nth = 0) {
    await page.locator('[data-vanban="input"]').fill(question);
    await page.locator('[data-vanban="input"]').press('Enter');
    const answer = page.locator('[data-vanban="answer"]').nth(nth);
    await answer.and(page.locator('[data-state="done"]')).waitFor();
    return answer;
  }

  describe('chat page (GET /)', () => {
    it('answers the canonical question with a citation to KH 22, keeps the conversation across reloads and switches to English', async () => {
      const { context, page, requests, errors } = await open();
      const asks: any[] = [];
      page.on('request', (r) => {
        if (/\/api\/(ask|chat)$/.test(r.url())) asks.push(JSON.parse(r.postData() ?? '{}'));
      });
      const res = await page.goto(`${apiOrigin}/`);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Hỏi đáp văn bản');
      // Suggested questions on the empty chat; the input has an accessible label.
      expect(await page.locator('[data-vanban="suggestion"]').count()).toBeGreaterThan(2);
      expect(await page.getByLabel('Câu hỏi của bạn').count()).toBe(1);

      const answer = await askOnPage(page, CANONICAL);
      expect(await answer.locator('.vb-text').textContent()).toContain('50 phut');
      expect(await answer.locator('.vb-text').textContent()).toContain('Bản đọc phục hồi tự động: “');
      expect(await answer.locator('.vb-text').textContent()).toContain('kết luận không quá 50 phút');
      const chip = answer.locator('[data-vanban="citation"]').first();
      expect(await chip.textContent()).toContain('22-KH/TU · mục II.2.3.b');
      expect(await chip.locator('.vb-badge').textContent()).toBe('OCR');
      expect(await page.locator('[data-vanban="suggestion"]').first().isVisible()).toBe(false);
      // (/api/chat and, where it is absent, /api/ask: the same body each time)
      expect(asks.length).toBeGreaterThan(0);
      expect(asks.every((a) => a.question === CANONICAL && !a.conversationId)).toBe(true);
      const firstCount = asks.length;

      // Reload: the conversation is still there, and a follow-up carries its id.
      await page.reload();
      await page.locator('[data-vanban="answer"][data-state="done"]').first().waitFor();
      expect(await page.locator('[data-vanban="answer"]').count()).toBe(1);
      const followUp = await askOnPage(page, 'Còn tham luận thì sao?', 1);
      expect(await followUp.locator('[data-vanban="quote"]').first().textContent()).toContain('tham luén');
      const followUpBody = asks.at(-1);
      expect(asks.length).toBeGreaterThan(firstCount);
      expect(followUpBody.question).toBe('Còn tham luận thì sao?');
      expect(typeof followUpBody.conversationId).toBe('string');
      expect(followUpBody.history?.[0]).toEqual({ role: 'user', content: CANONICAL });

      // English toggle.
      await page.locator('[data-vanban="lang"]').click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Ask the documents');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('[data-vanban="answer"]').count()).toBe(2);

      // Every control has an accessible name.
      const unnamed = await page.$$eval('button, textarea, a', (els) => els.filter((el) => !(el.getAttribute('aria-label') || el.textContent?.trim() || (el.id && document.querySelector(`label[for="${el.id}"]`)))).map((el) => el.outerHTML));
      expect(unnamed).toEqual([]);

      expectOnlyOrigins(requests, [apiOrigin]);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('expands a citation to the verbatim excerpt with title, number, issuer, date, section and the OCR note', async () => {
      const { context, page, errors } = await open({ viewport: { width: 960, height: 760 } });
      await page.goto(`${apiOrigin}/`);
      const answer = await askOnPage(page, CANONICAL);
      const expected = await (await fetch(`${apiOrigin}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: CANONICAL }) })).json();
      const cite = expected.citations[0];

      const chip = answer.locator('[data-vanban="citation"]').first();
      const detail = answer.locator('[data-vanban="citation-detail"]').first();
      expect(await chip.getAttribute('aria-expanded')).toBe('false');
      expect(await detail.isVisible()).toBe(false);
      await chip.click();
      expect(await chip.getAttribute('aria-expanded')).toBe('true');
      expect(await detail.isVisible()).toBe(true);
      expect(await detail.locator('[data-vanban="quote"]').textContent()).toBe(cite.quote);
      // The scan's machine-restored reading comes first, labelled; the verbatim scan stays beside it.
      expect(await detail.locator('[data-vanban="reading"]').textContent()).toContain('kết luận không quá 50 phút');
      expect(await detail.locator('.vb-reading-label').first().textContent()).toBe('Bản đọc phục hồi tự động');
      const text = (await detail.textContent()) ?? '';
      expect(text).toContain(cite.title);
      expect(text).toContain('22-KH/TU');
      expect(text).toContain('Ban Thường vụ Tỉnh ủy Điện Biên');
      expect(text).toContain('16/01/2026');
      expect(text).toContain('II.2.3.b');
      expect(text).toContain('đối chiếu văn bản gốc');
      await page.screenshot({ path: join(artifacts, 'chat-desktop.png') });
      // The inline [1] marker toggles the same citation.
      await answer.locator('.vb-ref').first().click();
      expect(await chip.getAttribute('aria-expanded')).toBe('false');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('sends 👍 feedback that reaches the server', async () => {
      const { context, page } = await open();
      await page.goto(`${apiOrigin}/`);
      const answer = await askOnPage(page, CANONICAL);
      const before = feedbackSeen.length;
      await answer.locator('[data-vanban="feedback-up"]').click();
      await expect.poll(() => answer.locator('.vb-action-status').textContent()).toBe('Cảm ơn bạn đã góp ý.');
      expect(feedbackSeen.length).toBe(before + 1);
      const { body, status } = feedbackSeen.at(-1)!;
      expect(status).toBe(201);
      expect(body).toMatchObject({ rating: 'up', question: CANONICAL, sources: [`${KH22}.txt`] });
      expect(typeof body.conversationId).toBe('string');
      expect(body.answer).toContain('50 phut');
      expect(await answer.locator('[data-vanban="feedback-up"]').getAttribute('aria-pressed')).toBe('true');
      await context.close();
    });

    it('copies the answer with its citations', async () => {
      const { context, page } = await open();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: apiOrigin });
      await page.goto(`${apiOrigin}/`);
      const answer = await askOnPage(page, CANONICAL);
      await answer.locator('[data-vanban="copy"]').click();
      await expect.poll(() => answer.locator('.vb-action-status').textContent()).toBe('Đã sao chép.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('50 phut');
      expect(copied).toMatch(/\[1\] Kế hoạch số 22-KH\/TU .*Ban Thường vụ Tỉnh ủy Điện Biên, 16\/01\/2026; mục II\.2\.3\.b/);
      await context.close();
    });
  });

  describe('chat page with a streaming /api/chat (DESIGN §4 events)', () => {
    it('shows tokens as they arrive, then the final answer with citations', async () => {
      // A local server speaking the SSE contract, holding the stream open until the page shows the first token.
      const final = await (await fetch(`${apiOrigin}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: CANONICAL }) })).json();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const app = new Hono();
      app.post('/api/chat', (c) =>
        streamSSE(c, async (stream) => {
          await stream.writeSSE({ event: 'citations', data: JSON.stringify(final.citations) });
          await stream.writeSSE({ event: 'token', data: JSON.stringify({ text: 'Theo Kế hoạch ' }) });
          await gate;
          await stream.writeSSE({ event: 'token', data: JSON.stringify({ text: 'số 22-KH/TU [1]' }) });
          await stream.writeSSE({ event: 'done', data: JSON.stringify(final) });
        }),
      );
      app.route('/', webRoutes({ assets: lazyWebAssets() }));
      const sseServer = serve({ hostname: '127.0.0.1', port: 0, fetch: app.fetch });
      await new Promise<void>((resolve) => sseServer.once('listening', () => resolve()));
      const origin = `http://127.0.0.1:${(sseServer.address() as AddressInfo).port}`;
      try {
        const { context, page, errors } = await open();
        await page.goto(`${origin}/`);
        await page.locator('[data-vanban="input"]').fill(CANONICAL);
        await page.locator('[data-vanban="send"]').click();
        const answer = page.locator('[data-vanban="answer"]');
        await answer.and(page.locator('[data-state="streaming"]')).waitFor();
        expect(await answer.locator('.vb-text').textContent()).toBe('Theo Kế hoạch ');
        expect(await answer.locator('[data-vanban="citation"]').count()).toBe(0);
        release();
        await answer.and(page.locator('[data-state="done"]')).waitFor();
        expect(await answer.locator('.vb-text').textContent()).toBe(final.answer);
        expect(await answer.locator('[data-vanban="citation"]').first().textContent()).toContain('22-KH/TU · mục II.2.3.b');
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        release();
        await new Promise((resolve) => sseServer.close(resolve));
      }
    });
  });

  describe('source view (GET /documents/:id)', () => {
    it('opens from a citation with the quoted passage highlighted and scrolled into view', async () => {
      const { context, page, errors } = await open({ viewport: { width: 1000, height: 700 } });
      await page.goto(`${apiOrigin}/`);
      const answer = await askOnPage(page, CANONICAL);
      await answer.locator('[data-vanban="citation"]').first().click();
      const quote = (await answer.locator('[data-vanban="quote"]').first().textContent())!;
      await answer.locator('.vb-source-link').first().click();
      await page.waitForURL(/\/documents\/dien-bien-ke-hoach-22-kh-tu\?section=II\.2\.3\.b&quote=/);
      const mark = page.locator('mark[data-vanban="highlight"]');
      await mark.waitFor();
      expect(await mark.textContent()).toBe(quote);
      expect(await mark.evaluate((el) => el.closest('section')?.getAttribute('data-section'))).toBe('II.2.3.b');
      await expect.poll(() => mark.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
      expect(await page.locator('h1').textContent()).toContain('Kế hoạch số 22-KH/TU');
      expect(await page.locator('.vs-outline a').count()).toBeGreaterThan(10);
      expect(await page.locator('.vs-ocr').textContent()).toContain('đối chiếu văn bản gốc');
      await page.screenshot({ path: join(artifacts, 'source-view.png') });
      expect(errors).toEqual([]);
      await context.close();
    });

    it('says so when the document does not exist', async () => {
      const { context, page } = await open();
      await page.goto(`${apiOrigin}/documents/khong-co`);
      await expect.poll(() => page.locator('[role="alert"]').textContent()).toBe('Không tìm thấy văn bản này.');
      await context.close();
    });
  });


  describe('answers as a person reads them', () => {
    const spanText = (answer: ReturnType<Page['locator']>) => answer.locator('.vb-text [data-vanban="span"]').first().textContent();

    it('marks the clause that answers, and a follow-up moves the mark to its own clause, in chat and source view', async () => {
      const { context, page, errors } = await open({ viewport: { width: 1280, height: 800 } });
      const missing: string[] = [];
      page.on('response', (r) => r.status() === 404 && missing.push(r.url()));
      await page.goto(`${apiOrigin}/`);
      const first = await askOnPage(page, CANONICAL);
      expect(await spanText(first)).toMatch(/^k[eé]t lu[aậé]n kh[oô]ng qu[aá] 50 ph[uú]t$/);
      const followUp = await askOnPage(page, 'Còn tham luận thì sao?', 1);
      expect(await spanText(followUp)).toMatch(/^tham lu[aậé]n kh[oô]ng qu[aá] 10 ph[uúi]t$/);
      // The whole quote is still there, verbatim, around the mark.
      await followUp.locator('[data-vanban="citation"]').first().click();
      const quote = followUp.locator('[data-vanban="quote"]').first();
      expect(await quote.textContent()).toContain('50 phut');
      expect(await quote.locator('[data-vanban="span"]').textContent()).toBe(await spanText(followUp));
      expect(await quote.locator('[data-vanban="span"]').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
      await page.screenshot({ path: join(artifacts, 'chat-span-desktop.png') });

      // The source view highlights the quote and, inside it, the answering clause.
      await followUp.locator('.vb-source-link').first().click();
      await page.waitForURL(/&answer=/);
      const answering = page.locator('mark[data-vanban="highlight"] strong[data-vanban="answering"]');
      await answering.waitFor();
      expect(await answering.textContent()).toMatch(/^tham lu[aậé]n kh[oô]ng qu[aá] 10 ph[uúi]t$/);
      expect(missing).toEqual([]); // the favicon is served
      expect(errors).toEqual([]);
      await context.close();
    });

    it('answers in English around the Vietnamese quote when the page is in English', async () => {
      const { context, page, errors } = await open({ viewport: { width: 1280, height: 800 } });
      const bodies: any[] = [];
      page.on('request', (r) => /\/api\/(ask|chat)$/.test(r.url()) && bodies.push(JSON.parse(r.postData() ?? '{}')));
      await page.goto(`${apiOrigin}/?lang=en`);
      const answer = await askOnPage(page, CANONICAL);
      const text = (await answer.locator('.vb-text').textContent())!;
      expect(text).toMatch(/^According to Plan No\. 22-KH\/TU, .*\(section II\.2\.3\.b/);
      expect(text).toContain('Note: excerpts marked OCR');
      expect(text).not.toMatch(/Theo |Lưu ý/);
      expect(text).toContain('két luén khong qua 50 phut');
      expect(bodies.at(-1).lang).toBe('en');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('refuses an off-topic question without listing unrelated documents', async () => {
      const { context, page } = await open();
      await page.goto(`${apiOrigin}/`);
      const answer = await askOnPage(page, 'Thời tiết Hà Nội hôm nay thế nào?');
      expect(await answer.getAttribute('class')).toContain('vb-unanswered');
      const text = (await answer.locator('.vb-text').textContent())!;
      expect(text).toContain('không nêu rõ nội dung này');
      expect(text).not.toMatch(/liên quan nhất|Kế hoạch số/);
      await context.close();
    });

    it('on a phone: a compact header, and a new answer scrolled so it starts at the top', async () => {
      const { context, page, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await page.goto(`${apiOrigin}/`);
      await askOnPage(page, CANONICAL);
      const second = await askOnPage(page, 'Còn tham luận thì sao?', 1);
      const [header, form, disclaimer, scroller] = await Promise.all(['.vb-header', '.vb-form', '.vb-disclaimer', '.vb-scroll'].map((sel) => page.locator(sel).boundingBox()));
      expect(header!.height).toBeLessThanOrEqual(60);
      // Header, input and disclaimer leave at least three quarters of the screen to the conversation.
      expect(header!.height + form!.height + disclaimer!.height).toBeLessThan(844 * 0.25);
      // The answer's first line is at the top of the log (or, if it is short, all of it shows), not its last line above the input.
      const placement = async () => {
        const box = (await second.boundingBox())!;
        const top = box.y - scroller!.y;
        return top >= 0 && (top < 24 || box.y + box.height <= scroller!.y + scroller!.height);
      };
      await expect.poll(placement).toBe(true);
      expect((await second.boundingBox())!.height).toBeGreaterThan(scroller!.height * 0.5);
      await page.screenshot({ path: join(artifacts, 'chat-phone-second-answer.png') });
      expect(errors).toEqual([]);
      await context.close();
    });

    it('tells apart two documents that would read alike ("Hướng dẫn · I.3")', async () => {
      // A server speaking the /api/chat contract with a reply citing two unnumbered guidance documents.
      const cite = (n: number, docId: string, issuer: string) => ({ n, source: `${docId}.txt`, docId, title: 'Hướng dẫn – tuyên truyền', issuer, date: '2026-01-20', section: 'I.3', sectionLabel: 'mục I.3', quote: `trích dẫn ${n}`, score: 1 });
      const reply = { answered: true, answer: '“trích dẫn 1” [1]\n“trích dẫn 2” [2]', citations: [cite(1, 'a', 'Ban Tuyên giáo và Dân vận Tỉnh ủy Điện Biên'), cite(2, 'b', 'Ban Tuyên giáo Huyện ủy Tam Đường')], mode: 'extractive', conversationId: 'c', tookMs: 1 };
      const app = new Hono();
      app.post('/api/chat', (c) => streamSSE(c, async (stream) => void (await stream.writeSSE({ event: 'done', data: JSON.stringify(reply) }))));
      app.route('/', webRoutes({ assets: lazyWebAssets() }));
      const server = serve({ hostname: '127.0.0.1', port: 0, fetch: app.fetch });
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      try {
        const { context, page } = await open();
        await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        const answer = await askOnPage(page, 'Tuyên truyền thế nào?');
        const labels = await answer.locator('[data-vanban="citation"] .vb-chip-label').allTextContents();
        expect(labels).toEqual(['Hướng dẫn, Tỉnh ủy Điện Biên · mục I.3', 'Hướng dẫn, Huyện ủy Tam Đường · mục I.3']);
        await context.close();
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('delivery: compression, caching, favicon', () => {
    it('compresses scripts, styles and JSON; caches versioned bundles for good; serves a favicon', async () => {
      const gz = { 'accept-encoding': 'gzip, deflate, br' };
      const widget = await fetch(`${apiOrigin}/widget.js`, { headers: gz });
      expect(widget.headers.get('content-encoding')).toBe('gzip');
      expect(widget.headers.get('cache-control')).toBe('public, max-age=300');
      expect((await widget.text()).length).toBeGreaterThan(5000);
      const html = await (await fetch(`${apiOrigin}/`)).text();
      const script = /src="(\/assets\/page\.js\?v=[^"]+)"/.exec(html)?.[1];
      const css = /href="(\/assets\/chat\.css\?v=[^"]+)"/.exec(html)?.[1];
      expect(script && css).toBeTruthy();
      for (const path of [script!, css!]) {
        const res = await fetch(`${apiOrigin}${path}`, { headers: gz });
        expect(res.headers.get('content-encoding')).toBe('gzip');
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      }
      // A stale fingerprint is not promised forever.
      expect((await fetch(`${apiOrigin}/assets/page.js?v=old`)).headers.get('cache-control')).toBe('public, max-age=300');
      const docs = await fetch(`${apiOrigin}/api/documents`, { headers: gz });
      expect(docs.headers.get('content-encoding')).toBe('gzip');
      expect((await docs.json()).documents.length).toBeGreaterThan(3);
      // Streams stay streams.
      const chat = await fetch(`${apiOrigin}/api/chat`, { method: 'POST', headers: { ...gz, 'content-type': 'application/json' }, body: JSON.stringify({ question: CANONICAL }) });
      expect(chat.headers.get('content-encoding')).toBeNull();
      await chat.text();
      const icon = await fetch(`${apiOrigin}/favicon.ico`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toBe('image/svg+xml');
      expect(await icon.text()).toContain('<svg');
    });
  });

  describe('widget (GET /widget.js) on another origin', () => {
    it('answers the canonical question with a citation, isolated in a shadow root', async () => {
      const { context, page, requests, errors } = await open({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${hostOrigin}/host.html`);
      expect(new URL(apiOrigin).origin).not.toBe(hostOrigin);
      const launcher = page.locator('[data-vanban="launcher"]');
      await launcher.waitFor();
      // Options from data- attributes; the host's `button { display: none }` cannot reach it.
      const box = (await launcher.boundingBox())!;
      expect(box.x).toBeLessThan(100);
      expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(10, 92, 54)');
      expect(await launcher.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).mode)).toBe('open');
      await launcher.click();
      expect(await page.locator('.vb-title').textContent()).toBe('Trợ lý văn bản tỉnh');
      const input = page.locator('[data-vanban="input"]');
      await expect.poll(() => input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
      await input.fill(CANONICAL);
      await input.press('Enter');
      const answer = page.locator('[data-vanban="answer"][data-state="done"]');
      await answer.waitFor();
      expect(await answer.locator('.vb-text').textContent()).toContain('50 phut');
      const chip = answer.locator('[data-vanban="citation"]').first();
      expect(await chip.textContent()).toContain('22-KH/TU · mục II.2.3.b');
      await chip.click();
      const link = answer.locator('.vb-source-link').first();
      expect(await link.getAttribute('href')).toMatch(new RegExp(`^${apiOrigin}/documents/${KH22}\\?section=II\\.2\\.3\\.b&quote=`));
      expect(await link.getAttribute('target')).toBe('_blank');
      // The widget's CSS does not leak out: the host's own .vb-chat element is unstyled by it.
      expect(await page.locator('#host-probe').evaluate((el) => getComputedStyle(el).display)).toBe('block');
      expect(await page.locator('#host-probe').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 0, 255)');
      await page.screenshot({ path: join(artifacts, 'widget-desktop.png') });
      expectOnlyOrigins(requests, [hostOrigin, apiOrigin]);
      expect(requests.some((u) => u.startsWith(`${apiOrigin}/api/`))).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('defaults to the right corner, speaks English with data-lang="en" and works from the keyboard', async () => {
      const { context, page, errors } = await open({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${hostOrigin}/host-en.html`);
      const launcher = page.locator('[data-vanban="launcher"]');
      await launcher.waitFor();
      expect((await launcher.boundingBox())!.x).toBeGreaterThan(1100);
      expect(await launcher.getAttribute('aria-label')).toBe('Open the document assistant');
      await launcher.focus();
      await page.keyboard.press('Enter');
      expect(await launcher.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('.vb-title').textContent()).toBe('Ask the documents');
      expect(await page.locator('[data-vanban="suggestion"]').first().textContent()).toBe('How long can a conclusion speech be?');
      await page.locator('[data-vanban="suggestion"]').first().click();
      const answer = page.locator('[data-vanban="answer"][data-state="done"]');
      await answer.waitFor();
      expect(await answer.locator('[data-vanban="citation"]').first().textContent()).toContain('22-KH/TU');
      await page.keyboard.press('Escape');
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('[data-vanban="input"]').isVisible()).toBe(false);
      expect(await launcher.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('is small: ≤ 30 KB gzipped', async () => {
      const res = await fetch(`${apiOrigin}/widget.js`);
      expect(res.headers.get('content-type')).toContain('javascript');
      const body = Buffer.from(await res.arrayBuffer());
      expect(gzipSync(body).length).toBeLessThanOrEqual(30 * 1024);
    });

    it('on a site not in CORS_ORIGINS says the site is not allowed, and the server log names the origin and CORS_ORIGINS', async () => {
      const { context, page } = await open({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${strangerOrigin}/host.html`);
      await page.locator('[data-vanban="launcher"]').click();
      await page.locator('[data-vanban="input"]').fill(CANONICAL);
      await page.locator('[data-vanban="input"]').press('Enter');
      const alert = page.locator('.vb-error[role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Trang web này chưa được phép dùng trợ lý');
      expect(await alert.textContent()).not.toContain('lỗi khi kết nối');
      const warning = warnings.find((w) => w.obj?.origin === strangerOrigin);
      expect(warning?.msg).toContain('CORS_ORIGINS');
      expect(warning?.obj.corsOrigins).toBe(hostOrigin);
      await context.close();
    });

    it('allows CORS only for CORS_ORIGINS', async () => {
      const preflight = (origin: string) =>
        fetch(`${apiOrigin}/api/ask`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect((await preflight(hostOrigin)).headers.get('access-control-allow-origin')).toBe(hostOrigin);
      const refused = await preflight('https://evil.example');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('origin_not_allowed');
    });
  });

  describe('safety: a document with <script> and <img onerror>', () => {
    it('stays inert in the chat, the expanded excerpt and the source view', async () => {
      const { context, page, errors } = await open();
      await page.goto(`${apiOrigin}/`);
      const answer = await askOnPage(page, XSS_QUESTION);
      const text = (await answer.textContent()) ?? '';
      expect(text).toContain('<script>');
      expect(text).toContain('<img src=x onerror=');
      await answer.locator('[data-vanban="citation"]').first().click();
      expect(await answer.locator('[data-vanban="quote"]').first().textContent()).toContain('<img src=x onerror=');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('#vanban-app script').count()).toBe(0);

      await answer.locator('.vb-source-link').first().click();
      await page.locator('.vs-text').first().waitFor();
      expect(await page.locator('body').textContent()).toContain('<img src=x onerror=');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('#vanban-source script').count()).toBe(0);
      expect(await page.evaluate(() => (window as any).__vanbanXss)).toBeUndefined();
      expect(errors).toEqual([]);
      await context.close();
    });
  });

  describe('mobile', () => {
    it('lays out on a phone viewport (screenshot saved to test-artifacts/)', async () => {
      const { context, page, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      await page.goto(`${apiOrigin}/`);
      const answer = await askOnPage(page, CANONICAL);
      await answer.locator('[data-vanban="citation"]').first().tap();
      // Nothing overflows horizontally and the input stays on screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      const input = (await page.locator('[data-vanban="input"]').boundingBox())!;
      expect(input.y + input.height).toBeLessThanOrEqual(844);
      await page.screenshot({ path: join(artifacts, 'chat-mobile.png') });
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
