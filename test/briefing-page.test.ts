/**
 * The trainer's page in a real browser (Chromium through playwright-core) against
 * a real HTTP server: generate for KH 22, edit and remove items, export a DOCX.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import mammoth from 'mammoth';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeRuntime } from '../src/node.js';
import { testRuntime } from './helpers/runtime.js';

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));

describe.skipIf(!executablePath)('GET /briefing in a browser', { timeout: 120_000 }, () => {
  let runtime: NodeRuntime;
  let server: ServerType;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    runtime = await testRuntime();
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('generates, lets the trainer edit and remove items, and exports a DOCX of the result', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${base}/briefing`);
    await page.waitForSelector('#source option[value="dien-bien-ke-hoach-22-kh-tu.txt"]', { state: 'attached' });
    await page.selectOption('#source', 'dien-bien-ke-hoach-22-kh-tu.txt');
    await page.fill('#count', '12');
    await page.click('button[type=submit]');
    await page.waitForSelector('.item');
    const before = await page.locator('.item').count();
    expect(before).toBeGreaterThanOrEqual(8);
    // OCR text is shown as text, and the OCR warning is there.
    expect(await page.locator('.item .quote').first().textContent()).toBeTruthy();
    expect(await page.locator('.badge.warn').count()).toBeGreaterThan(0);

    await page.locator('.item textarea').first().fill('Câu hỏi đã sửa <b>không phải HTML</b>?');
    await page.locator('.item button').nth(1).click();
    expect(await page.locator('.item').count()).toBe(before - 1);
    expect(await page.locator('.item b').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format=docx]')]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const { value } = await mammoth.extractRawText({ buffer: readFileSync((await download.path())!) });
    expect(value).toContain('Câu 1. Câu hỏi đã sửa <b>không phải HTML</b>?');
    expect(value).toContain(`Câu ${before - 1}. `);
    expect(value).not.toContain(`Câu ${before}. `);
    expect(value).toContain('Kế hoạch số 22-KH/TU, Ban Thường vụ Tỉnh ủy Điện Biên, 16/01/2026');
    await page.close();
  });

  it('shows the Vietnamese error when neither a document nor a topic is chosen', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/briefing`);
    await page.click('button[type=submit]');
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toContain('Cần chọn một văn bản');
    await page.close();
  });
});
