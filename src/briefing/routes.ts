/**
 * HTTP for briefings: POST /api/briefing (generate; JSON or a file),
 * POST /api/briefing/export (the reviewed items as a file), GET /briefing (page).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { jsonBody } from '../http/validation.js';
import { contentDisposition, exportSet, type ExportFormat } from './export.js';
import type { BriefingService } from './generate.js';
import { briefingPage } from './page.js';
import type { BriefingItem } from './types.js';

const formatSchema = z.enum(['json', 'md', 'csv', 'docx'], { error: 'Định dạng phải là "json", "md", "csv" hoặc "docx".' });

export const briefingRequestSchema = z
  .object({
    source: z.string().trim().min(1, 'Tên văn bản không được để trống.').max(300, 'Tên văn bản quá dài.').optional(),
    topic: z.string().trim().min(1, 'Chủ đề không được để trống.').max(500, 'Chủ đề quá dài: tối đa 500 ký tự.').optional(),
    count: z
      .number({ error: 'Số câu hỏi (trường "count") phải là một số nguyên từ 1 đến 50.' })
      .int('Số câu hỏi phải là số nguyên.')
      .min(1, 'Số câu hỏi tối thiểu là 1.')
      .max(50, 'Số câu hỏi tối đa là 50.')
      .default(20),
    format: formatSchema.default('json'),
    /** Keep items that fail the round trip (flagged `roundTrip: false`) for review. */
    keepFailures: z.boolean({ error: 'Trường "keepFailures" phải là true hoặc false.' }).optional(),
  })
  .refine((body) => body.source || body.topic, { message: 'Cần chọn một văn bản (trường "source") hoặc nhập chủ đề (trường "topic").', path: ['source'] });

const citationSchema = z.object({
  n: z.number().default(1),
  source: z.string().max(300),
  title: z.string().max(1000),
  docNumber: z.string().max(100).optional(),
  issuer: z.string().max(300).optional(),
  date: z.string().max(20).optional(),
  section: z.string().max(100),
  sectionTitle: z.string().max(1000).optional(),
  sectionTitleRaw: z.string().max(1000).optional(),
  quote: z.string().max(10000),
  score: z.number().default(1),
  ocr: z.boolean().optional(),
  docId: z.string().max(300).default(''),
});

export const exportRequestSchema = z.object({
  title: z.string().trim().min(1).max(300, 'Tiêu đề quá dài: tối đa 300 ký tự.').default('Bộ câu hỏi – đáp'),
  format: z.enum(['md', 'csv', 'docx'], { error: 'Định dạng xuất phải là "md", "csv" hoặc "docx".' }),
  items: z
    .array(
      z.object({
        question: z.string({ error: 'Mỗi mục cần có câu hỏi.' }).trim().min(1, 'Câu hỏi không được để trống.').max(2000, 'Câu hỏi quá dài.'),
        answer: z.string({ error: 'Mỗi mục cần có câu trả lời.' }).trim().min(1, 'Câu trả lời không được để trống.').max(20000, 'Câu trả lời quá dài.'),
        citations: z.array(citationSchema).max(10).default([]),
        kind: z.string().optional(),
        section: z.string().optional(),
        ocr: z.boolean().optional(),
        roundTrip: z.boolean().optional(),
      }),
      { error: 'Thiếu danh sách câu hỏi (trường "items").' },
    )
    .min(1, 'Cần ít nhất một câu hỏi để xuất.')
    .max(200, 'Tối đa 200 câu hỏi mỗi lần xuất.'),
});

async function fileResponse(title: string, items: BriefingItem[], format: ExportFormat): Promise<Response> {
  const file = await exportSet({ title, items }, format);
  return new Response(file.body as BodyInit, {
    headers: { 'content-type': file.contentType, 'content-disposition': contentDisposition(file.filename) },
  });
}

export function briefingRoutes(service: BriefingService): Hono {
  const app = new Hono();
  app.post('/api/briefing', async (c) => {
    const body = await jsonBody(c, briefingRequestSchema);
    const set = await service.generate({ source: body.source, topic: body.topic, count: body.count, keepFailures: body.keepFailures });
    if (body.format === 'json') {
      return c.json({ title: set.title, items: set.items, stats: set.stats });
    }
    return fileResponse(set.title, set.items, body.format);
  });
  app.post('/api/briefing/export', async (c) => {
    const body = await jsonBody(c, exportRequestSchema);
    return fileResponse(body.title, body.items as BriefingItem[], body.format);
  });
  app.get('/briefing', (c) => c.html(briefingPage()));
  return app;
}
