import { beforeAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '../src/types.js';
import { FEATURES, REFUSAL_REASONS } from '../src/answer/decision.js';
import { matchKey } from '../ingest/clean.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeRuntime } from '../src/node.js';
import { corpusDir, testRuntime } from './helpers/runtime.js';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await testRuntime();
});

async function ask(body: unknown): Promise<{ status: number; json: any }> {
  const res = await runtime.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe('POST /api/ask — the canonical question', () => {
  it.each([
    'Phát biểu kết luận hội nghị không quá bao nhiêu phút?',
    'phat bieu ket luan khong qua bao nhieu phut',
    'How long can a conclusion speech be?',
  ])('%s → KH 22, II.2.3.b, 50 phút', async (question) => {
    const { status, json } = await ask({ question });
    expect(status).toBe(200);
    const reply = json as AskResponse;
    expect(reply.answered).toBe(true);
    expect(reply.mode).toBe('extractive');
    const [first] = reply.citations;
    expect(first).toMatchObject({
      n: 1,
      source: 'dien-bien-ke-hoach-22-kh-tu.txt',
      docNumber: '22-KH/TU',
      issuer: 'Ban Thường vụ Tỉnh ủy Điện Biên',
      date: '2026-01-16',
      section: 'II.2.3.b',
      ocr: true,
    });
    expect(first!.quote).toContain('két luén khong qua 50 phut');
    expect(reply.answer).toContain('[1]');
    // The quote is verbatim in the file under data/docs.
    expect(matchKey(readFileSync(join(corpusDir, first!.source), 'utf8'))).toContain(matchKey(first!.quote));
    expect(typeof reply.conversationId).toBe('string');
  });

  it('resolves a follow-up against the previous question', async () => {
    const { json } = await ask({
      question: 'Còn tham luận thì sao?',
      history: [
        { role: 'user', content: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?' },
        { role: 'assistant', content: 'Không quá 50 phút.' },
      ],
    });
    expect(json.answered).toBe(true);
    expect(json.citations[0].source).toBe('dien-bien-ke-hoach-22-kh-tu.txt');
    expect(json.citations[0].quote).toContain('tham luén khong qua 10 phit');
  });

  it('carries follow-ups across requests by conversationId', async () => {
    const first = await ask({ question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?' });
    const { json } = await ask({ question: 'Còn tham luận thì sao?', conversationId: first.json.conversationId });
    expect(json.conversationId).toBe(first.json.conversationId);
    expect(json.citations[0]?.quote).toContain('tham luén');
  });

  it('says plainly when the documents do not cover the question', async () => {
    const { json } = await ask({ question: 'Giá vé máy bay từ Hà Nội đi Đà Nẵng là bao nhiêu?' });
    expect(json.answered).toBe(false);
    expect(json.citations).toEqual([]);
    expect(json.answer).toMatch(/không nêu/);
    expect(REFUSAL_REASONS).toContain(json.reason);
    expect(json.trace).toBeUndefined();
  });

  it('explains itself with debug: the Question, scored candidates, the decision', async () => {
    const { json } = await ask({ question: 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?', debug: true });
    expect(json.answered).toBe(true);
    expect(json.reason).toBeUndefined();
    expect(json.trace.question.kinds.map((k: { name: string }) => k.name)).toContain('bound');
    expect(json.trace.candidates.length).toBeGreaterThan(0);
    for (const c of json.trace.candidates) {
      expect(c.probability).toBeGreaterThanOrEqual(0);
      expect(c.probability).toBeLessThanOrEqual(1);
      expect(Object.keys(c.features)).toEqual([...FEATURES]);
    }
    expect(json.trace.decision).toMatchObject({ answered: true });
    expect(['rules', 'scorer']).toContain(json.trace.decision.by);
  });

  it('a refusal traced with debug says which gate or decision refused, and why', async () => {
    const { json } = await ask({ question: 'Giá vé máy bay từ Hà Nội đi Đà Nẵng là bao nhiêu?', debug: true });
    expect(json.answered).toBe(false);
    expect(json.trace.decision.answered).toBe(false);
    expect(json.trace.decision.reason).toBe(json.reason);
  });

  it('restricts retrieval to the requested sources', async () => {
    const { json } = await ask({ question: 'Hình thức tuyên truyền nào được sử dụng?', filters: { sources: ['tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt'] } });
    for (const c of json.citations) expect(c.source).toBe('tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt');
  });
});

describe('POST /api/ask — bad input', () => {
  it.each([
    [{}, 'invalid_request'],
    [{ question: '' }, 'invalid_request'],
    [{ question: 'x'.repeat(2001) }, 'invalid_request'],
    [{ question: 'abc', history: [{ role: 'system', content: 'x' }] }, 'invalid_request'],
    [{ question: 'abc', debug: 'yes' }, 'invalid_request'],
  ])('%j → 400 %s', async (body, code) => {
    const { status, json } = await ask(body);
    expect(status).toBe(400);
    expect(json.error.code).toBe(code);
    expect(json.error.message).toMatch(/[àáảãạăâđêôơư]/);
  });
  it('malformed JSON → 400 invalid_json', async () => {
    const res = await runtime.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question":' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_json');
  });
});

describe('documents and health', () => {
  it('lists the five documents with metadata', async () => {
    const res = await runtime.app.request('/api/documents');
    const { documents } = await res.json();
    expect(documents).toHaveLength(5);
    expect(documents.find((d: any) => d.id === 'dien-bien-ke-hoach-22-kh-tu')).toMatchObject({ docNumber: '22-KH/TU', ocr: true });
  });
  it('returns one document with its outline and sections, 404 otherwise', async () => {
    const res = await runtime.app.request('/api/documents/dien-bien-ke-hoach-22-kh-tu');
    const body = await res.json();
    expect(body.document.outline.map((o: any) => o.path)).toContain('II.2.3.b');
    expect(body.sections.some((s: any) => s.section === 'II.2.3.b')).toBe(true);
    const missing = await runtime.app.request('/api/documents/khong-co');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });
  it('reports health with the index state', async () => {
    const body = await (await runtime.app.request('/health')).json();
    expect(body).toMatchObject({ status: 'ok', documents: 5 });
  });
});

describe('POST /api/feedback', () => {
  it('accepts a rating and rejects a bad one with a Vietnamese message', async () => {
    const ok = await runtime.app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rating: 'up', question: 'q' }) });
    expect(ok.status).toBe(201);
    const bad = await runtime.app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rating: 'meh' }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('Đánh giá');
  });
});
