/**
 * The admin API end to end on a real runtime (real files, real index, real
 * SQLite): auth on every route, each upload type, corrupt files, replace,
 * delete, unsafe names, size limits, incremental rebuilds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AdminRuntime, adminRuntime, ask, bearer, call, TOKEN } from './helpers/admin.js';
import { makeDocx, makePdf, uploadForm } from './helpers/documents.js';

// Real index builds on a shared 2-core machine: generous time, no timing asserts.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let rt: AdminRuntime;
let docsDir: string;
beforeAll(async () => {
  rt = await adminRuntime({ MAX_UPLOAD_MB: 0.5 });
  docsDir = join(rt.config.DATA_DIR, 'docs');
});
afterAll(() => rt?.close());

const upload = (name: string, bytes: Uint8Array, fields?: Record<string, string>) =>
  call(rt, '/api/documents', { method: 'POST', headers: bearer(), body: uploadForm(name, bytes, fields) });
const files = () => readdirSync(docsDir).sort();
const citedSources = (body: any): string[] => body.citations.map((c: any) => c.source);

const ADMIN_ROUTES: Array<[string, string, RequestInit & { json?: unknown }]> = [
  ['POST', '/api/documents', { json: { source: 'x.txt', text: 'Nội dung.' } }],
  ['DELETE', '/api/documents/dien-bien-ke-hoach-22-kh-tu', {}],
  ['POST', '/api/reindex', {}],
  ['GET', '/api/stats', {}],
  ['GET', '/api/admin/documents', {}],
];

describe('admin auth', () => {
  it.each(ADMIN_ROUTES)('%s %s: 401 without a token, with a wrong one, or another scheme', async (method, path, init) => {
    const before = files();
    for (const headers of [{}, bearer('sai-ma'), bearer(`${TOKEN}x`), { authorization: `Basic ${btoa(`admin:${TOKEN}`)}` }, { authorization: TOKEN }]) {
      const res = await call(rt, path, { ...init, method, headers });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
      expect(res.body.error.message).toMatch(/mã quản trị/i);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect(files()).toEqual(before);
    expect(rt.kb.document('dien-bien-ke-hoach-22-kh-tu')).toBeDefined();
  });

  it('answers 503 on every admin route when no ADMIN_TOKEN is configured', async () => {
    const off = await adminRuntime({ DATA_DIR: rt.config.DATA_DIR, ADMIN_TOKEN: undefined });
    try {
      for (const [method, path, init] of ADMIN_ROUTES) {
        const res = await call(off, path, { ...init, method, headers: bearer() });
        expect(res.status).toBe(503);
        expect(res.body.error).toMatchObject({ code: 'admin_disabled' });
        expect(res.body.error.message).toContain('ADMIN_TOKEN');
      }
    } finally {
      off.close();
    }
  });
});

describe('uploads, one per type', () => {
  it('JSON { source, text } → a .txt document answered from a moment later', async () => {
    const res = await call(rt, '/api/documents', {
      method: 'POST',
      headers: bearer(),
      json: { source: 'Thông báo lịch tiếp dân.txt', text: 'THÔNG BÁO\nVề lịch tiếp công dân\n1. Lịch tiếp: Bí thư Tỉnh ủy tiếp công dân định kỳ vào ngày 20 hằng tháng tại Trụ sở tiếp công dân tỉnh.' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ replaced: false, document: { id: 'thong-bao-lich-tiep-dan', source: 'Thông báo lịch tiếp dân.txt' } });
    expect(files()).toContain('Thông báo lịch tiếp dân.txt');
    const { body } = await ask(rt, 'Bí thư Tỉnh ủy tiếp công dân vào ngày nào?');
    expect(body.answered).toBe(true);
    expect(citedSources(body)[0]).toBe('Thông báo lịch tiếp dân.txt');
    expect(body.answer).toContain('ngày 20 hằng tháng');
  });

  it('multipart .md', async () => {
    const md = '# HƯỚNG DẪN\n\nVề trang phục khi dự hội nghị\n\n1. Trang phục: Đại biểu nam mặc áo sơ mi trắng, quần sẫm màu khi dự hội nghị tổng kết.\n';
    const res = await upload('huong-dan-trang-phuc.md', new TextEncoder().encode(md));
    expect(res.status).toBe(201);
    expect(res.body.document.source).toBe('huong-dan-trang-phuc.md');
    const { body } = await ask(rt, 'Đại biểu nam mặc trang phục gì khi dự hội nghị tổng kết?');
    expect(citedSources(body)[0]).toBe('huong-dan-trang-phuc.md');
  });

  it('multipart .docx (built with the docx package) — re-embedding only the new document', async () => {
    const before = rt.progress.length;
    const docx = await makeDocx([
      'KẾ HOẠCH',
      'Tổ chức hội thi báo cáo viên giỏi năm 2026',
      '1. Thời gian: Hội thi báo cáo viên giỏi được tổ chức vào ngày 15/5/2026 tại Hội trường Tỉnh ủy.',
      '2. Thành phần: Mỗi huyện ủy cử 02 báo cáo viên tham dự hội thi.',
    ]);
    const res = await upload('Kế hoạch hội thi.docx', docx);
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({ id: 'ke-hoach-hoi-thi', source: 'Kế hoạch hội thi.docx', docType: 'Kế hoạch' });
    const chunks = rt.kb.chunksOf('ke-hoach-hoi-thi').length;
    const log = rt.progress.slice(before);
    expect(log).toContain(`Nhúng vector: ${chunks}/${chunks}`);
    expect(log.some((m) => m.startsWith('Dùng lại vector của'))).toBe(true);
    const { body } = await ask(rt, 'Hội thi báo cáo viên giỏi tổ chức vào ngày nào?');
    expect(body.answered).toBe(true);
    expect(body.citations[0]).toMatchObject({ source: 'Kế hoạch hội thi.docx', section: '1' });
    expect(body.citations[0].quote).toContain('15/5/2026');
  });

  it('multipart .pdf with a text layer (written by hand) — unpdf extracts it', async () => {
    const pdf = makePdf(['KE HOACH so 77-KH/TU', 'I. Quy dinh ve hoi thao', '1. Thoi luong: moi bai tham luan hoi thao khong qua 12 phut.']);
    const res = await upload('hoi-thao.pdf', pdf);
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({ id: 'hoi-thao', docNumber: '77-KH/TU' });
    const { body } = await ask(rt, 'tham luan hoi thao khong qua bao nhieu phut');
    expect(body.citations[0]).toMatchObject({ source: 'hoi-thao.pdf', section: 'I.1' });
    expect(body.citations[0].quote).toContain('khong qua 12 phut');
  });

  it('sniffs the type from the content, not the claimed extension', async () => {
    const docx = await makeDocx(['QUY ĐỊNH', '1. Giờ làm việc: Cơ quan làm việc từ 7 giờ 30 phút buổi sáng các ngày trong tuần.']);
    const res = await upload('gio-lam-viec.pdf', docx);
    expect(res.status).toBe(201);
    expect(res.body.document.source).toBe('gio-lam-viec.docx');
    expect(files()).toContain('gio-lam-viec.docx');
    expect(files()).not.toContain('gio-lam-viec.pdf');
  });
});

describe('bad uploads change nothing', () => {
  const cases: Array<[string, string, () => Promise<Uint8Array> | Uint8Array]> = [
    ['corrupt .docx (zip header, garbage after)', 'hong.docx', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('không phải zip'.repeat(20))])],
    ['truncated .docx', 'cut.docx', async () => (await makeDocx(['KẾ HOẠCH', 'Nội dung.'])).slice(0, 400)],
    ['corrupt .pdf', 'hong.pdf', () => new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without xref')],
    ['a PDF without any text', 'trong.pdf', () => makePdf([])],
    ['binary that is no document', 'anh.txt', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe])],
    ['an empty file', 'rong.txt', () => new Uint8Array()],
  ];
  it.each(cases)('%s → 400 with a Vietnamese message; files and index unchanged', async (_label, name, make) => {
    const before = files();
    const builtAt = rt.kb.manifest!.builtAt;
    const res = await upload(name, await make());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toMatch(/[ảạđệọộ]/);
    expect(files()).toEqual(before);
    expect(rt.kb.manifest!.builtAt).toBe(builtAt);
  });

  it('a multipart body without a file, a broken JSON body → 400; an unknown content type → 415', async () => {
    const form = new FormData();
    form.append('source', 'x.txt');
    expect((await call(rt, '/api/documents', { method: 'POST', headers: bearer(), body: form })).body.error.message).toContain('"file"');
    const broken = await call(rt, '/api/documents', { method: 'POST', headers: { ...bearer(), 'content-type': 'application/json' }, body: '{"source":' });
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    const other = await call(rt, '/api/documents', { method: 'POST', headers: { ...bearer(), 'content-type': 'application/octet-stream' }, body: 'abc' });
    expect(other.status).toBe(415);
    const missing = await call(rt, '/api/documents', { method: 'POST', headers: bearer(), json: { source: 'a.txt' } });
    expect(missing.body.error.message).toContain('"text"');
  });

  it('an upload over MAX_UPLOAD_MB → 413 (checked file size and body size)', async () => {
    const before = files();
    const big = new TextEncoder().encode(`QUY ĐỊNH\n${'1. Nội dung: một đoạn văn bản rất dài. '.repeat(14_000)}`);
    expect(big.byteLength).toBeGreaterThan(0.5 * 1024 * 1024);
    const res = await upload('lon.txt', big);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'payload_too_large' });
    expect(res.body.error.message).toMatch(/quá lớn/);
    const huge = await upload('rat-lon.txt', new Uint8Array(2 * 1024 * 1024).fill(0x61));
    expect(huge.status).toBe(413);
    expect(files()).toEqual(before);
  });
});

describe('file names', () => {
  it.each([
    ['../../ngoai-kho.txt', 'ngoai-kho.txt'],
    ['..\\..\\windows.txt', 'windows.txt'],
    ['/etc/passwd', 'passwd.txt'],
    ['a/../../b.md', 'b.md'],
    ['....//an.txt', 'an.txt'],
    ['.an-danh.txt', 'an-danh.txt'],
    ['Hướng dẫn số 05-HD/BTG <mới>?.txt', 'BTG mới.txt'],
    ['Hướng dẫn số 05-HD-BTG <mới>?.txt', 'Hướng dẫn số 05-HD-BTG mới.txt'],
    ['Quy\u0000 chế\n.txt', 'Quy chế.txt'],
  ])('%j is stored inside docs/ as %j', async (name, stored) => {
    const res = await call(rt, '/api/documents', { method: 'POST', headers: bearer(), json: { source: name, text: `QUY ĐỊNH\n1. Điều khoản: văn bản thử tên tệp ${stored}.` } });
    expect(res.status).toBe(201);
    expect(res.body.document.source).toBe(stored);
    expect(existsSync(join(docsDir, stored))).toBe(true);
    for (const up of [join(docsDir, '..'), join(docsDir, '..', '..')]) expect(existsSync(join(up, stored))).toBe(false);
    expect(readdirSync(rt.config.DATA_DIR).sort()).toEqual(['cache', 'docs', 'index', 'vanban.db', 'vanban.db-shm', 'vanban.db-wal']);
  });

  it.each(['..', '../', '....', '  .txt', '<>|?*.docx'])('%j → 400, nothing written', async (name) => {
    const before = files();
    const res = await call(rt, '/api/documents', { method: 'POST', headers: bearer(), json: { source: name, text: 'Nội dung.' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Tên tệp/);
    expect(files()).toEqual(before);
  });
});

describe('replace and delete, visible in answers', () => {
  it('uploading the same source again replaces the document', async () => {
    const first = await call(rt, '/api/documents', { method: 'POST', headers: bearer(), json: { source: 'lich-hop.txt', text: 'THÔNG BÁO\n1. Lịch họp: Giao ban công tác tuyên giáo được tổ chức vào thứ Hai đầu tháng.' } });
    expect(first.status).toBe(201);
    expect((await ask(rt, 'Giao ban công tác tuyên giáo tổ chức vào hôm nào?')).body.answer).toContain('thứ Hai đầu tháng');
    const second = await call(rt, '/api/documents', { method: 'POST', headers: bearer(), json: { source: 'lich-hop.txt', text: 'THÔNG BÁO\n1. Lịch họp: Giao ban công tác tuyên giáo được tổ chức vào thứ Sáu cuối tháng.' } });
    expect(second.status).toBe(200);
    expect(second.body.replaced).toBe(true);
    const { body } = await ask(rt, 'Giao ban công tác tuyên giáo tổ chức vào hôm nào?');
    expect(body.answer).toContain('thứ Sáu cuối tháng');
    expect(body.answer).not.toContain('thứ Hai đầu tháng');
    expect(readFileSync(join(docsDir, 'lich-hop.txt'), 'utf8')).toContain('thứ Sáu');
  });

  it('the very same file again is a no-op (no rebuild)', async () => {
    const builtAt = rt.kb.manifest!.builtAt;
    const res = await call(rt, '/api/documents', { method: 'POST', headers: bearer(), json: { source: 'lich-hop.txt', text: 'THÔNG BÁO\n1. Lịch họp: Giao ban công tác tuyên giáo được tổ chức vào thứ Sáu cuối tháng.' } });
    expect(res).toMatchObject({ status: 200, body: { replaced: true, document: { id: 'lich-hop' } } });
    expect(rt.kb.manifest!.builtAt).toBe(builtAt);
  });

  it('the same document id under another extension replaces too (one file per id)', async () => {
    const res = await upload('lich-hop.md', new TextEncoder().encode('# THÔNG BÁO\n\n1. Lịch họp: Giao ban công tác tuyên giáo được tổ chức vào chiều thứ Tư.'));
    expect(res.body).toMatchObject({ replaced: true, document: { id: 'lich-hop', source: 'lich-hop.md' } });
    expect(files().filter((f) => f.startsWith('lich-hop'))).toEqual(['lich-hop.md']);
    expect((await ask(rt, 'Giao ban công tác tuyên giáo tổ chức vào hôm nào?')).body.answer).toContain('chiều thứ Tư');
  });

  it('DELETE removes the document from the index, the folder and answers; then 404', async () => {
    const res = await call(rt, '/api/documents/ke-hoach-hoi-thi', { method: 'DELETE', headers: bearer() });
    expect(res.status).toBe(200);
    expect(res.body.removed).toEqual({ id: 'ke-hoach-hoi-thi', source: 'Kế hoạch hội thi.docx' });
    expect(files()).not.toContain('Kế hoạch hội thi.docx');
    expect((await call(rt, '/api/documents/ke-hoach-hoi-thi')).status).toBe(404);
    const { body } = await ask(rt, 'Hội thi báo cáo viên giỏi tổ chức vào ngày nào?');
    expect(citedSources(body)).not.toContain('Kế hoạch hội thi.docx');
    expect(body.answer).not.toContain('15/5/2026');
    const again = await call(rt, '/api/documents/ke-hoach-hoi-thi', { method: 'DELETE', headers: bearer() });
    expect(again).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('the registry lists what was uploaded; reindex picks up files copied in by hand', async () => {
    const { body } = await call(rt, '/api/admin/documents', { headers: bearer() });
    const reg = body.documents.find((d: any) => d.id === 'hoi-thao');
    expect(reg).toMatchObject({ source: 'hoi-thao.pdf', format: 'pdf' });
    expect(reg.hash).toMatch(/^[0-9a-f]{64}$/);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(docsDir, 'chep-tay.txt'), 'QUY ĐỊNH\n1. Chép tay: tài liệu được chép vào thư mục bởi quản trị viên lúc nửa đêm.');
    const re = await call(rt, '/api/reindex', { method: 'POST', headers: bearer() });
    expect(re.status).toBe(200);
    expect(re.body.index.documents).toBe(rt.kb.documents().length);
    expect(rt.kb.document('chep-tay')).toBeDefined();
    const after = await call(rt, '/api/admin/documents', { headers: bearer() });
    expect(after.body.documents.map((d: any) => d.id)).toContain('chep-tay');
  });
});
