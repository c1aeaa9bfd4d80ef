/**
 * The answer as a person reads it, through the real app over the shipped corpus: the answering clause of a
 * quote (`span`), the asker's language (`lang`), where a citation points (`sectionLabel`), and refusals that
 * do not offer unrelated documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerInLanguage } from '../src/answer/format.js';
import { answeringSpan, clauses } from '../src/answer/span.js';
import type { NodeRuntime } from '../src/node.js';
import { testRuntime } from './helpers/runtime.js';

const CANONICAL = 'Phát biểu kết luận hội nghị không quá bao nhiêu phút?';

let runtime: NodeRuntime;

async function ask(body: Record<string, unknown>): Promise<any> {
  const res = await runtime.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, ...(await res.json()) };
}

const marked = (c: { quote: string; span?: [number, number] }) => (c.span ? c.quote.slice(c.span[0], c.span[1]) : undefined);

describe('clauses and the answering span', () => {
  const quote = 'Điều hành: phát biểu khai mạc không quá 10 phút; kết luận không quá 50 phút; tham luận không quá 10 phút.';
  const flat = () => 1;

  it('cuts a quote at ; : and list markers, at commas (not inside numbers) only when it has none of those', () => {
    const parts = clauses(quote).map((c) => quote.slice(c.start, c.end));
    expect(parts).toEqual(['Điều hành', 'phát biểu khai mạc không quá 10 phút', 'kết luận không quá 50 phút', 'tham luận không quá 10 phút']);
    const list = 'Ấn phẩm:\n- báo chí, tạp chí\n- tờ gấp';
    expect(clauses(list).map((c) => list.slice(c.start, c.end))).toEqual(['Ấn phẩm', 'báo chí, tạp chí', 'tờ gấp']);
    const flat = 'Bản tin in 1,5 vạn bản, phát hành hằng tháng, gửi tới chi bộ';
    expect(clauses(flat).map((c) => flat.slice(c.start, c.end))).toEqual(['Bản tin in 1,5 vạn bản', 'phát hành hằng tháng', 'gửi tới chi bộ']);
    expect(clauses(flat, false)).toHaveLength(1);
  });

  it('marks the clause that covers the question and none when no clause stands out', () => {
    const analysis = (terms: string[]) => ({ content: terms.map((term) => ({ term, weight: 1 })), intents: new Set(['quantity'] as const) });
    const span = answeringSpan(quote, analysis(['tham', 'luan', 'phut']), flat);
    expect(span && quote.slice(...span)).toBe('tham luận không quá 10 phút');
    expect(answeringSpan(quote, analysis(['khong', 'qua', 'phut']), flat)).toBeUndefined();
    expect(answeringSpan('Tham luận không quá 10 phút.', analysis(['tham', 'luan']), flat)).toBeUndefined();
  });

  it('never marks a lead-in ("…:"), cuts at full stops, and leaves lists and dates to their own clauses', () => {
    const analysis = (terms: string[], intents: string[]) => ({ content: terms.map((term) => ({ term, weight: 1 })), intents: new Set(intents as never[]) });
    const fees = 'Phí sử dụng nhà văn hóa thôn: hội người cao tuổi được miễn phí; đoàn thanh niên giảm một nửa';
    const exempt = answeringSpan(fees, analysis(['nha', 'van', 'hoa', 'mien'], []), () => 1);
    expect(exempt && fees.slice(...exempt)).toBe('hội người cao tuổi được miễn phí');
    const steps = 'Bước 2: tổ chức lấy ý kiến và hoàn thiện dự thảo.\nBước 3: trình ký ban hành';
    expect(clauses(steps).map((c) => steps.slice(c.start, c.end))).toEqual(['Bước 2', 'tổ chức lấy ý kiến và hoàn thiện dự thảo', 'Bước 3', 'trình ký ban hành']);
    expect(answeringSpan(steps, analysis(['du', 'thao'], ['list']), () => 1)).toBeUndefined();
    // "… như sau:" announces items that answer together.
    expect(answeringSpan('Ba yêu cầu như sau: tổ chức gọn; tiết kiệm chi phí; đúng thời gian', analysis(['to', 'chuc', 'gon'], []), () => 1)).toBeUndefined();
    const drive = 'Đợt ra quân tổng vệ sinh môi trường, khơi thông cống rãnh, thực hiện từ ngày 05/9 đến ngày 15/9/2026';
    const when = answeringSpan(drive, analysis(['ra', 'quan', 've', 'sinh', 'moi', 'truong', 'thuc', 'hien'], ['time']), () => 1);
    expect(when && drive.slice(...when)).toBe('thực hiện từ ngày 05/9 đến ngày 15/9/2026');
  });

  it('reads a scan’s one-letter slips as partial matches only in OCR quotes', () => {
    const scan = 'Phét biéu khai mac khéng qué 10 pht; két luén khong qua 50 phut; tham luén khong qua 10 phit.';
    const analysis = { content: ['tham', 'luan'].map((term) => ({ term, weight: 1 })), intents: new Set<never>() };
    const span = answeringSpan(scan, analysis, () => 1, true);
    expect(span && scan.slice(...span)).toBe('tham luén khong qua 10 phit');
  });
});

describe('answerInLanguage', () => {
  it('rewrites the answer’s own words and keeps every quote verbatim', () => {
    const vi = 'Theo Kế hoạch số 1-KH/X, Ban A, 01/02/2026 (mục I.1 – Hướng dẫn chung):\n“Kế hoạch số 2 theo mục I” [1]';
    const en = answerInLanguage(vi, 'en');
    expect(en).toBe('According to Plan No. 1-KH/X, Ban A, 01/02/2026 (section I.1 – Hướng dẫn chung):\n“Kế hoạch số 2 theo mục I” [1]');
    expect(answerInLanguage(vi, 'vi')).toBe(vi);
  });
});

describe('answers for the reader (API)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    runtime = await testRuntime();
  }, 180_000);
  afterAll(() => runtime?.close());

  it('marks the clause that answers, and a follow-up moves the mark to its own clause', async () => {
    const first = await ask({ question: CANONICAL });
    expect(first.answered).toBe(true);
    const cite = first.citations[0];
    expect(cite.quote).toContain('tham lu');
    expect(marked(cite)).toMatch(/^k[eé]t lu[aậé]n kh[oô]ng qu[aá] 50 ph[uú]t$/);
    expect(cite.sectionLabel).toBe('mục II.2.3.b');

    const followUp = await ask({ question: 'Còn tham luận thì sao?', history: [{ role: 'user', content: CANONICAL }, { role: 'assistant', content: first.answer }] });
    expect(followUp.citations[0].quote).toBe(cite.quote);
    expect(marked(followUp.citations[0])).toMatch(/^tham lu[aậé]n kh[oô]ng qu[aá] 10 ph[uúi]t$/);
  });

  it('speaks the asker’s language: lang "en", or an English question, around the Vietnamese quote', async () => {
    const vi = await ask({ question: CANONICAL });
    const en = await ask({ question: CANONICAL, lang: 'en' });
    expect(vi.answer).toMatch(/^Theo Kế hoạch số 22-KH\/TU/);
    expect(en.answer).toMatch(/^According to Plan No\. 22-KH\/TU, .*\(section II\.2\.3\.b/);
    expect(en.answer).toContain(`“${vi.citations[0].quote}”`);
    expect(en.answer).toContain('Note: excerpts marked OCR');
    expect(en.answer).not.toContain('Lưu ý');
    // A scan's reading and its verbatim text are labelled in English too; both stay verbatim.
    expect(en.answer).toContain(`Machine-restored reading: “${vi.citations[0].reading}”`);
    expect(en.answer).toContain(`Verbatim scan: “${vi.citations[0].quote}”`);
    expect(en.answer).not.toContain('Nguyên văn');

    const english = await ask({ question: 'How long can a conclusion speech be?' });
    expect(english.answer).toMatch(/^According to /);
    expect((await ask({ question: 'How long can a conclusion speech be?', lang: 'vi' })).answer).toMatch(/^Theo /);

    const bad = await ask({ question: CANONICAL, lang: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.error.code).toBe('invalid_request');
  });

  it('refuses an off-topic question without offering unrelated documents, in either language', async () => {
    for (const lang of ['vi', 'en']) {
      const reply = await ask({ question: 'Thời tiết Hà Nội hôm nay thế nào?', lang });
      expect(reply.answered).toBe(false);
      expect(reply.answer).not.toMatch(/liên quan nhất|closely related/);
      expect(reply.answer).not.toMatch(/22-KH\/TU|67-KH/);
    }
    const en = await ask({ question: 'Thời tiết Hà Nội hôm nay thế nào?', lang: 'en' });
    expect(en.answer).toMatch(/^Sorry, /);
  });
});
