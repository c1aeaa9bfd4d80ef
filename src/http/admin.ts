/**
 * The admin API: add / replace / remove documents, rebuild the index, read the
 * analytics. Every route here needs the admin token. The document work itself
 * is a port (files + rebuild on Node).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { QuestionLog, Stats } from '../analytics.js';
import { AppError } from '../errors.js';
import { adminAuth } from './admin-auth.js';
import type { DocumentLibrary } from './documents.js';
import { jsonBody } from './validation.js';

export interface IndexSummary {
  documents: number;
  chunks: number;
  builtAt: string;
  buildMs: number;
}

export interface DocumentUpload {
  /** The name the client gave (sanitised by the admin). */
  name: string;
  bytes: Uint8Array;
}

export interface DocumentAdmin {
  add(upload: DocumentUpload): Promise<{ document: unknown; replaced: boolean; index: IndexSummary }>;
  remove(id: string): Promise<{ removed: { id: string; source: string }; index: IndexSummary }>;
  reindex(): Promise<IndexSummary>;
  list(): unknown[];
}

export const documentJsonSchema = z.object({
  source: z.string({ error: 'Thiếu tên tệp (trường "source").' }).trim().min(1, 'Tên tệp không được để trống.').max(200, 'Tên tệp quá dài: tối đa 200 ký tự.'),
  text: z.string({ error: 'Thiếu nội dung văn bản (trường "text").' }).min(1, 'Nội dung văn bản không được để trống.'),
});

export interface AdminRouteDeps {
  token?: string;
  admin?: DocumentAdmin;
  questionLog?: QuestionLog;
  library: DocumentLibrary;
}

function need<T>(value: T | undefined, what: string): T {
  if (!value) throw new AppError('admin_disabled', `Máy chủ này không hỗ trợ ${what}.`);
  return value;
}

export function adminRoutes(deps: AdminRouteDeps): Hono {
  const app = new Hono();
  const auth = adminAuth(deps.token);
  app.post('/documents', auth, async (c) => {
    const admin = need(deps.admin, 'thêm văn bản');
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    let upload: DocumentUpload;
    if (type.startsWith('multipart/form-data')) {
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody();
      } catch (cause) {
        throw new AppError('invalid_request', 'Không đọc được dữ liệu tải lên (multipart/form-data hỏng).', { cause });
      }
      const file = form['file'];
      if (!(file instanceof File)) throw new AppError('invalid_request', 'Thiếu tệp: gửi tệp trong trường "file".');
      const named = typeof form['source'] === 'string' && form['source'].trim() ? form['source'] : file.name;
      upload = { name: named || 'van-ban', bytes: new Uint8Array(await file.arrayBuffer()) };
    } else if (type.startsWith('application/json')) {
      const body = await jsonBody(c, documentJsonSchema);
      upload = { name: body.source, bytes: new TextEncoder().encode(body.text) };
    } else {
      throw new AppError('unsupported_media_type', 'Gửi tệp dạng multipart/form-data (trường "file") hoặc JSON { "source", "text" }.');
    }
    const result = await admin.add(upload);
    return c.json(result, result.replaced ? 200 : 201);
  });
  app.delete('/documents/:id', auth, async (c) => c.json(await need(deps.admin, 'xóa văn bản').remove(c.req.param('id'))));
  app.post('/reindex', auth, async (c) => c.json({ index: await need(deps.admin, 'lập lại chỉ mục').reindex() }));
  app.get('/admin/documents', auth, (c) => c.json({ documents: need(deps.admin, 'quản lý văn bản').list() }));
  app.get('/stats', auth, async (c) => {
    const stats: Stats = await need(deps.questionLog, 'thống kê').stats({ limit: Number(c.req.query('limit')) || 20 });
    // Documents never cited are what nobody finds: list them with zero hits.
    const hits = new Map(stats.documentHits.map((h) => [h.source, h]));
    for (const doc of deps.library.documents()) if (!hits.has(doc.source)) hits.set(doc.source, { source: doc.source, hits: 0, top: 0 });
    const titles = new Map(deps.library.documents().map((d) => [d.source, d.title]));
    const documentHits = [...hits.values()].map((h) => ({ ...h, title: titles.get(h.source), indexed: titles.has(h.source) }));
    return c.json({ ...stats, documentHits });
  });
  return app;
}
