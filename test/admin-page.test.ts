/**
 * The /admin page in a real browser (Chromium via playwright-core) against a
 * real server: token prompt, analytics charts, upload and delete; questions
 * containing HTML are shown as text, never interpreted.
 */
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AdminRuntime, adminRuntime, ask, TOKEN } from './helpers/admin.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
let rt: AdminRuntime;
let server: ServerType;
let browser: Browser;
let base = '';

beforeAll(async () => {
  rt = await adminRuntime();
  server = serve({ fetch: rt.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (CHROMIUM) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rt?.close();
});

describe.skipIf(!CHROMIUM)('/admin in a browser', () => {
  it('asks for the token, shows the analytics, uploads and deletes a document; HTML in questions stays text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"> Lương cơ sở năm 2030 là bao nhiêu?';
    await ask(rt, evil);
    await ask(rt, 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/admin`);
    await expect.poll(() => page.isVisible('#login')).toBe(true);

    await page.fill('#token', 'sai-ma');
    await page.click('#login-form button');
    await expect.poll(() => page.textContent('#login-msg')).toContain('Mã quản trị không đúng');

    await page.fill('#token', TOKEN);
    await page.click('#login-form button');
    await expect.poll(() => page.textContent('#cards')).toContain('Câu hỏi');
    expect(await page.textContent('#cards')).toMatch(/Câu hỏi\s*2/);
    // The unanswered chart holds the question as text.
    await expect.poll(() => page.locator('#unanswered .hbar-label').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('<img src=x')]));
    expect(await page.locator('#unanswered img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#hits .hbar').count()).toBeGreaterThanOrEqual(5);

    // Upload through the form.
    const file = join(rt.config.DATA_DIR, '..', `upload-${Date.now()}.txt`);
    writeFileSync(file, 'QUY ĐỊNH\n1. Trang phục: Cán bộ mặc áo dài truyền thống khi dự lễ kỷ niệm ngày thành lập Đảng.');
    await page.setInputFiles('#file', file);
    await page.click('#upload-form button[type=submit]');
    await expect.poll(() => page.textContent('#doc-status'), { timeout: 60_000 }).toMatch(/Đã thêm/);
    await expect.poll(() => page.textContent('#docs')).toContain('upload-');
    expect((await ask(rt, 'Cán bộ mặc gì khi dự lễ kỷ niệm ngày thành lập Đảng?')).body.answer).toContain('áo dài');

    // Delete it (confirm dialog accepted).
    page.on('dialog', (d) => void d.accept());
    const row = page.locator('#docs tr', { hasText: 'upload-' });
    await row.locator('button').click();
    await expect.poll(() => page.textContent('#doc-status'), { timeout: 60_000 }).toMatch(/Đã xóa/);
    await expect.poll(() => page.textContent('#docs')).not.toContain('upload-');
    expect(errors).toEqual([]);
  });

  it('on a 390 px phone: status beside the action and announced, cards not a wide table, readable charts, current documents only, dd/mm/yyyy', async () => {
    await ask(rt, 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?');
    // A document cited once and then removed: its hits are history, not coverage.
    const file = join(rt.config.DATA_DIR, '..', `gone-${Date.now()}.txt`);
    writeFileSync(file, 'THÔNG BÁO\n1. Lịch trực: Tổ trực ban làm việc vào sáng thứ bảy hằng tuần tại phòng một cửa.');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${base}/admin`);
    await page.fill('#token', TOKEN);
    await page.click('#login-form button');
    await expect.poll(() => page.locator('#docs tr').count()).toBeGreaterThan(3);

    await page.setInputFiles('#file', file);
    const upload = page.locator('#upload-form button[type=submit]');
    await upload.click();
    await expect.poll(() => page.textContent('#doc-status'), { timeout: 60_000 }).toMatch(/Đã thêm gone-/);
    // The result sits right under the button that caused it, in a live region.
    const [button, status] = [await upload.boundingBox(), await page.locator('#doc-status').boundingBox()];
    expect(status!.y - (button!.y + button!.height)).toBeLessThan(80);
    expect(status!.y).toBeGreaterThan(button!.y);
    expect(await page.getAttribute('#doc-status', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('#doc-status', 'role')).toBe('status');
    expect((await ask(rt, 'Tổ trực ban làm việc vào lúc nào?')).body.answer).toContain('thứ bảy');
    await page.locator('#docs tr', { hasText: 'gone-' }).locator('button').click();
    await expect.poll(() => page.textContent('#doc-status'), { timeout: 60_000 }).toMatch(/Đã xóa gone-/);

    // Nothing wider than the screen; each document is a card (a block row), not a table row.
    await page.reload();
    await expect.poll(() => page.locator('#hits .hbar').count()).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const row = page.locator('#docs tr').nth(1);
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    const [card, section] = [await row.boundingBox(), await page.locator('#docs').boundingBox()];
    expect(card!.x + card!.width).toBeLessThanOrEqual(section!.x + section!.width + 0.5);
    expect(await row.locator('td').first().evaluate((el) => getComputedStyle(el, '::before').content)).toContain('Văn bản');
    // Chart labels are text at a readable size, not a scaled-down drawing.
    const sizes = await page.$$eval('.hbar-label, #days svg text', (els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize) * (el instanceof SVGElement ? (el.ownerSVGElement!.getBoundingClientRect().width / el.ownerSVGElement!.viewBox.baseVal.width) : 1)));
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    // Current documents only; dates as dd/mm/yyyy everywhere.
    expect(await page.textContent('#hits')).not.toContain('gone-');
    const text = (await page.textContent('#app')) ?? '';
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).toMatch(/16\/01\/2026/);
    await page.screenshot({ path: join(import.meta.dirname, '..', 'test-artifacts', 'admin-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
