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
    await expect.poll(() => page.locator('#unanswered svg text').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('<img src=x')]));
    expect(await page.locator('#unanswered img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#hits svg rect').count()).toBeGreaterThanOrEqual(5);

    // Upload through the form.
    const file = join(rt.config.DATA_DIR, '..', `upload-${Date.now()}.txt`);
    writeFileSync(file, 'QUY ĐỊNH\n1. Trang phục: Cán bộ mặc áo dài truyền thống khi dự lễ kỷ niệm ngày thành lập Đảng.');
    await page.setInputFiles('#file', file);
    await page.click('#upload-form button[type=submit]');
    await expect.poll(() => page.textContent('#msg'), { timeout: 60_000 }).toMatch(/Đã thêm/);
    await expect.poll(() => page.textContent('#docs')).toContain('upload-');
    expect((await ask(rt, 'Cán bộ mặc gì khi dự lễ kỷ niệm ngày thành lập Đảng?')).body.answer).toContain('áo dài');

    // Delete it (confirm dialog accepted).
    page.on('dialog', (d) => void d.accept());
    const row = page.locator('#docs tr', { hasText: 'upload-' });
    await row.locator('button').click();
    await expect.poll(() => page.textContent('#msg'), { timeout: 60_000 }).toMatch(/Đã xóa/);
    await expect.poll(() => page.textContent('#docs')).not.toContain('upload-');
    expect(errors).toEqual([]);
  });
});
