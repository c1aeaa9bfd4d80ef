import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchKey } from '../ingest/clean.js';
import type { NodeRuntime } from '../src/node.js';
import { corpusDir, tempDataDir, testRuntime } from './helpers/runtime.js';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await testRuntime();
});

function post(path: string, body: unknown): Promise<Response> {
  return Promise.resolve(runtime.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

/** RFC 4180 CSV parser (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r') continue;
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

const KH22 = 'dien-bien-ke-hoach-22-kh-tu.txt';

describe('POST /api/briefing', { timeout: 120_000 }, () => {
  it('returns items with questions, verbatim answers and /api/ask-style citations', async () => {
    const res = await post('/api/briefing', { source: KH22, count: 12 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.length).toBeGreaterThanOrEqual(8);
    const file = matchKey(readFileSync(join(corpusDir, KH22), 'utf8'));
    for (const item of body.items) {
      expect(typeof item.question).toBe('string');
      expect(file).toContain(matchKey(item.answer));
      const [c] = item.citations;
      // sectionTitleRaw: the scanned title, beside a restored display title (OCR documents).
      const keys = ['date', 'docId', 'docNumber', 'issuer', 'n', 'ocr', 'quote', 'score', 'section', 'sectionLabel', 'sectionTitle', 'source', 'title', ...(c.sectionTitleRaw ? ['sectionTitleRaw'] : []), ...(c.reading ? ['reading'] : [])];
      expect(Object.keys(c).sort()).toEqual(keys.sort());
      expect(c).toMatchObject({ source: KH22, docId: 'dien-bien-ke-hoach-22-kh-tu', docNumber: '22-KH/TU', ocr: true });
    }
  });

  it('exports Markdown, CSV with a BOM and DOCX that parse back', async () => {
    const json = await (await post('/api/briefing', { source: KH22, count: 10 })).json();
    const first = json.items[0];

    const md = await post('/api/briefing', { source: KH22, count: 10, format: 'md' });
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.md"/);
    const mdText = await md.text();
    expect(mdText).toContain(`## Câu 1. ${first.question}`);
    expect(mdText).toContain('Kế hoạch số 22-KH/TU, Ban Thường vụ Tỉnh ủy Điện Biên, 16/01/2026');

    const csv = await post('/api/briefing', { source: KH22, count: 10, format: 'csv' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['STT', 'Câu hỏi', 'Trả lời', 'Văn bản', 'Mục', 'Trích dẫn', 'OCR', 'Nguyên văn bản quét']);
    expect(rows).toHaveLength(json.items.length + 1);
    expect(rows[1]![1]).toBe(first.question);
    // A scan's answer is printed as its restored reading, the scan's own text beside it.
    expect(rows[1]![2]).toBe(first.reading ?? first.answer);
    expect(rows[1]![7]).toBe(first.reading ? first.answer : '');
    expect(json.items.some((item: { reading?: string }) => item.reading)).toBe(true);
    if (first.reading) expect(mdText).toContain(`Nguyên văn bản quét: ${first.answer.replace(/\n+/g, ' ')}`);
    expect(rows[1]![4]).toContain(first.section);

    const docx = await post('/api/briefing', { source: KH22, count: 10, format: 'docx' });
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    expect(text).toContain('Hỏi – đáp: Kế hoạch số 22-KH/TU');
    expect(text).toContain('Kế hoạch số 22-KH/TU, Ban Thường vụ Tỉnh ủy Điện Biên, 16/01/2026');
    expect(text).toContain(`Câu 1. ${first.question}`);
    expect(text).toContain(`Câu ${json.items.length}. `);
    expect(text).toContain(first.answer.replace(/\n+/g, ' '));
    expect(text).toContain(`mục ${first.section}`);
  });

  it('exports reviewed (edited) items through /api/briefing/export', async () => {
    const json = await (await post('/api/briefing', { source: 'tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt', count: 5 })).json();
    const items = json.items.slice(1).map((i: any, n: number) => (n === 0 ? { ...i, question: 'Câu hỏi đã sửa “có ngoặc”, dấu phẩy?' } : i));
    const res = await post('/api/briefing/export', { title: 'Bộ câu hỏi sinh hoạt chi bộ', format: 'csv', items });
    expect(res.status).toBe(200);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(items.length + 1);
    expect(rows[1]![1]).toBe('Câu hỏi đã sửa “có ngoặc”, dấu phẩy?');
    const docx = await post('/api/briefing/export', { title: 'Bộ câu hỏi sinh hoạt chi bộ', format: 'docx', items });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    expect(value).toContain('Bộ câu hỏi sinh hoạt chi bộ');
    expect(value).toContain('Câu hỏi đã sửa “có ngoặc”, dấu phẩy?');
  });

  it.each([
    [{}, 400, 'invalid_request'],
    [{ count: 5 }, 400, 'invalid_request'],
    [{ source: KH22, count: 0 }, 400, 'invalid_request'],
    [{ source: KH22, count: 51 }, 400, 'invalid_request'],
    [{ source: KH22, count: 'mười' }, 400, 'invalid_request'],
    [{ source: KH22, count: 5, format: 'pdf' }, 400, 'invalid_request'],
    [{ source: 'khong-co.txt', count: 5 }, 404, 'not_found'],
    ['{"source":', 400, 'invalid_json'],
  ])('%j → %i %s with a Vietnamese message', async (body, status, code) => {
    const res = await post('/api/briefing', body);
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message).toMatch(/[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ]/i);
  });

  it('names the missing document and rejects an empty export', async () => {
    const missing = await (await post('/api/briefing', { source: 'khong-co.txt', count: 5 })).json();
    expect(missing.error.message).toContain('khong-co.txt');
    const empty = await post('/api/briefing/export', { format: 'md', items: [] });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toBe('Cần ít nhất một câu hỏi để xuất.');
  });

  it('serves the review page, which never renders document text as HTML', async () => {
    const res = await runtime.app.request('/briefing');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Soạn bộ câu hỏi – đáp');
    expect(html).toContain('/api/briefing/export');
    expect(html).not.toContain('innerHTML');
  });
});

describe('npm run briefing', { timeout: 180_000 }, () => {
  it('writes a printable DOCX for Kế hoạch 22-KH/TU in one command', async () => {
    const dataDir = tempDataDir();
    const out = join(dataDir, 'hoi-dap-kh22.docx');
    const root = join(import.meta.dirname, '..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/briefing.ts', '--source', KH22, '--count', '20', '--format', 'docx', '--out', out], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    const { value } = await mammoth.extractRawText({ path: out });
    expect(value).toContain('Kế hoạch số 22-KH/TU, Ban Thường vụ Tỉnh ủy Điện Biên, 16/01/2026');
    expect(value).toContain('Câu 1.');
    expect(value).toMatch(/kết luận tại hội nghị không quá bao nhiêu phút\?/i);
    expect(value).toContain('két luén khong qua 50 phut');
    expect(result.stderr).toMatch(/\d+ câu hỏi/);
  });
});
