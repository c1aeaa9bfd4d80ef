/**
 * Answers from a scan show its restored reading first, labelled as
 * machine-restored, with the verbatim scan beside it: in /api/ask (citations and
 * answer text), in Zalo's plain text, and in the source view's API.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatReply } from '../src/channels/zalo/format.js';
import type { NodeRuntime } from '../src/node.js';
import { testRuntime } from './helpers/runtime.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let rt: NodeRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(() => rt?.close());

const ask = async (question: string) => (await rt.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).json() as Promise<any>;

describe('readings of scans in answers', () => {
  it('Kế hoạch 22 on closing remarks: the reading “kết luận không quá 50 phút” first, the scan beside it', async () => {
    const body = await ask('Theo Kế hoạch 22, phần kết luận của hội nghị được dài bao nhiêu phút?');
    const cite = body.citations.find((c: any) => c.quote.includes('két luén khong qua 50 phut'));
    expect(cite).toMatchObject({ ocr: true, section: 'II.2.3.b' });
    expect(cite.reading).toContain('kết luận không quá 50 phút');
    // The quote stays the scan, verbatim.
    expect(cite.reading).not.toBe(cite.quote);
    expect(body.answer).toContain(`Bản đọc phục hồi tự động: “${cite.reading}”`);
    expect(body.answer).toContain(`Nguyên văn bản quét: “${cite.quote}” [${cite.n}]`);
    expect(body.answer.indexOf(cite.reading)).toBeLessThan(body.answer.indexOf(cite.quote));

    const zalo = formatReply(body).join('\n');
    expect(zalo).toContain('Bản đọc phục hồi tự động');
    expect(zalo).toContain('kết luận không quá 50 phút');
    expect(zalo).toContain('két luén khong qua 50 phut');
  });

  it('a clean document’s citations carry no reading', async () => {
    const body = await ask('Hình thức tuyên truyền trực quan gồm những gì?');
    for (const c of body.citations.filter((c: any) => !c.ocr)) expect(c.reading).toBeUndefined();
  });

  it('GET /api/documents/:id gives a scan’s whole reading, line for line, and each section’s', async () => {
    const res = await rt.app.request('/api/documents/dien-bien-ke-hoach-22-kh-tu');
    const body = (await res.json()) as any;
    expect(body.document.ocr).toBe(true);
    expect(body.reading.split('\n')).toHaveLength(body.text.split('\n').length);
    expect(body.reading).toContain('kết luận không quá 50 phút');
    expect(body.sections.some((s: any) => s.reading?.includes('kết luận không quá 50 phút'))).toBe(true);
    const clean = (await (await rt.app.request('/api/documents/tam-duong-huong-dan-tuyen-truyen-xay-dung-dang')).json()) as any;
    expect(clean.reading).toBeUndefined();
  });
});
