/**
 * GET /openapi.json, generated from the zod schemas the routes validate with
 * (z.toJSONSchema), plus zod descriptions of the replies. Works offline; the
 * /docs UI (Swagger UI) loads its assets from a CDN.
 */
import { REFUSAL_REASONS, type RefusalReason } from '../answer/decision.js';
import { z } from 'zod';
import { documentJsonSchema } from './admin.js';
import { feedbackSchema } from './feedback.js';
import { askRequestSchema } from './validation.js';

const citation = z.object({
  n: z.number().int(),
  source: z.string().describe('File name under data/docs'),
  title: z.string(),
  docNumber: z.string().optional(),
  issuer: z.string().optional(),
  date: z.string().optional().describe('ISO date'),
  section: z.string().describe('Section path, e.g. II.2.3.b or II.29.1.b (chapter, article, clause, point)'),
  sectionLabel: z.string().optional().describe('Where, as a cadre writes it: "mục II.2.3.b", "Điều 29, khoản 1, điểm b"'),
  sectionTitle: z.string().optional().describe('Display title (restored words for OCR-damaged documents)'),
  sectionTitleRaw: z.string().optional().describe('The section title as scanned, when sectionTitle was restored from it'),
  quote: z.string().describe('Verbatim excerpt'),
  score: z.number(),
  ocr: z.boolean().optional(),
  reading: z.string().optional().describe('OCR quotes: the machine-restored reading, shown first and marked so; quote stays the scan text'),
  span: z.tuple([z.number().int(), z.number().int()]).optional().describe('[start, end) of the clause of quote that answers'),
  tableHeader: z.string().optional().describe('The quote is a row of a table: the table\'s header row, verbatim, shown above it; quote stays the row'),
  docId: z.string(),
});

const askResponse = z.object({
  answered: z.boolean(),
  answer: z.string(),
  citations: z.array(citation),
  mode: z.enum(['extractive', 'llm']),
  conversationId: z.string(),
  tookMs: z.number(),
  reason: z.enum(REFUSAL_REASONS as [RefusalReason, ...RefusalReason[]]).optional().describe('Why it did not answer (only when answered is false), from a closed list'),
  trace: z.record(z.string(), z.unknown()).optional().describe('Only with debug: the Question (kinds, slots), candidates with features and scores, the decision'),
});

const error = z.object({
  error: z.object({
    code: z.string().describe('Stable machine code, e.g. invalid_request, unauthorized, rate_limited'),
    message: z.string().describe('Vietnamese, for people'),
    requestId: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

const indexSummary = z.object({ documents: z.number(), chunks: z.number(), builtAt: z.string(), buildMs: z.number() });
const documentMeta = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  docType: z.string().optional(),
  docNumber: z.string().optional(),
  issuer: z.string().optional(),
  date: z.string().optional(),
  ocr: z.boolean(),
  ocrQuality: z.number(),
  chars: z.number(),
}).loose();
const uploadForm = z.object({
  file: z.string().meta({ format: 'binary' }).describe('.txt, .md, .docx, .pdf, or a scanned page .png / .jpg (OCR with Tesseract, Vietnamese); the format is sniffed from the content'),
  source: z.string().optional().describe('File name to store under (defaults to the uploaded name)'),
});
const stats = z.object({
  totals: z.object({ questions: z.number(), answered: z.number(), unanswered: z.number(), answeredRate: z.number().nullable(), avgLatencyMs: z.number().nullable() }),
  mostAsked: z.array(z.object({ question: z.string(), count: z.number(), answered: z.number(), lastAskedAt: z.string() })),
  unanswered: z.array(z.object({ question: z.string(), count: z.number(), answered: z.number(), lastAskedAt: z.string() })),
  feedback: z.object({ up: z.number(), down: z.number(), total: z.number(), ratio: z.number().nullable() }),
  documentHits: z.array(z.object({ source: z.string(), hits: z.number(), top: z.number(), title: z.string().optional(), indexed: z.boolean() })),
  perDay: z.array(z.object({ date: z.string(), questions: z.number(), unanswered: z.number() })),
  modes: z.record(z.string(), z.number()),
});

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const json = (s: z.ZodType) => ({ 'application/json': { schema: schema(s) } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: ERROR_TEXT[code] ?? 'Lỗi', content: json(error) }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input (invalid_request, invalid_json)',
  401: 'Missing or wrong admin token',
  404: 'Not found',
  413: 'Body too large (or a scan with too many pages or pixels to OCR)',
  422: 'A scanned page could not be read (ocr_failed)',
  429: 'Too many requests (Retry-After header)',
  503: 'Admin API disabled (no ADMIN_TOKEN), index unavailable, or OCR not installed (ocr_unavailable)',
};
const admin = [{ bearer: [] }];

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'vanban API',
      version: '0.1.0',
      description: 'Grounded, cited answers about Party and government directives. Errors: `{ error: { code, message, requestId } }` with a Vietnamese message.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' } },
      schemas: { AskRequest: schema(askRequestSchema), AskResponse: schema(askResponse), Error: schema(error) },
    },
    paths: {
      '/api/ask': {
        post: {
          summary: 'Ask a question; get a cited answer',
          requestBody: { required: true, content: json(askRequestSchema) },
          responses: { 200: { description: 'Answer with citations', content: json(askResponse) }, ...errors(400, 413, 429) },
        },
      },
      '/api/chat': {
        post: {
          summary: 'Same body as /api/ask; text/event-stream with events citations, token, done (payload = the /api/ask JSON), error',
          requestBody: { required: true, content: json(askRequestSchema) },
          responses: { 200: { description: 'Server-sent events', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...errors(400, 413, 429) },
        },
      },
      '/api/documents': {
        get: { summary: 'Indexed documents with metadata', responses: { 200: { description: 'Documents', content: json(z.object({ documents: z.array(documentMeta) })) } } },
        post: {
          summary: 'Add or replace a document (admin). Same source (document id) replaces.',
          security: admin,
          requestBody: { required: true, content: { 'multipart/form-data': { schema: schema(uploadForm) }, ...json(documentJsonSchema) } },
          responses: {
            201: { description: 'Added and indexed', content: json(z.object({ document: documentMeta, replaced: z.boolean(), index: indexSummary })) },
            200: { description: 'Replaced and re-indexed', content: json(z.object({ document: documentMeta, replaced: z.boolean(), index: indexSummary })) },
            ...errors(400, 401, 413, 422, 503),
          },
        },
      },
      '/api/documents/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: { summary: 'One document: metadata, cleaned text, sections; for a scan also `reading`, the machine-restored text line for line (and each section\'s)', responses: { 200: { description: 'Document' }, ...errors(404) } },
        delete: {
          summary: 'Remove a document and re-index (admin)',
          security: admin,
          responses: { 200: { description: 'Removed', content: json(z.object({ removed: z.object({ id: z.string(), source: z.string() }), index: indexSummary })) }, ...errors(401, 404, 503) },
        },
      },
      '/api/reindex': {
        post: { summary: 'Rebuild the index from DATA_DIR/docs (admin)', security: admin, responses: { 200: { description: 'Rebuilt', content: json(z.object({ index: indexSummary })) }, ...errors(401, 503) } },
      },
      '/api/admin/documents': {
        get: {
          summary: 'The document registry: source, hash, size, format, uploadedAt (admin)',
          security: admin,
          responses: {
            200: {
              description: 'Registry',
              content: json(z.object({ documents: z.array(z.object({ id: z.string(), source: z.string(), hash: z.string(), size: z.number(), format: z.enum(['txt', 'md', 'docx', 'pdf', 'png', 'jpg']), uploadedAt: z.string() })) })),
            },
            ...errors(401, 503),
          },
        },
      },
      '/api/feedback': {
        post: {
          summary: 'Rate an answer',
          requestBody: { required: true, content: json(feedbackSchema) },
          responses: { 201: { description: 'Stored', content: json(z.object({ ok: z.boolean(), id: z.string() })) }, ...errors(400, 413, 429) },
        },
      },
      '/api/stats': {
        get: { summary: 'Analytics: most asked, unanswered, feedback ratio, per-document hits (admin)', security: admin, responses: { 200: { description: 'Stats', content: json(stats) }, ...errors(401, 503) } },
      },
      '/health': { get: { summary: 'Status and index state', responses: { 200: { description: 'OK' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics (text format 0.0.4)', responses: { 200: { description: 'Metrics', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
      '/admin': { get: { summary: 'Administration page (asks for the token)', responses: { 200: { description: 'HTML' } } } },
    },
  };
}
