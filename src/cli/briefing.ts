/**
 * `npm run briefing -- --source <file> | --topic "<text>" [--count 20] [--format docx|md|csv|json] [--out <path>]`:
 * a briefing Q&A set for trainers, written to a file (or stdout for md/csv/json).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BriefingService } from '../briefing/generate.js';
import { exportSet, type ExportFormat } from '../briefing/export.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { createNodeRuntime } from '../node.js';

const USAGE = 'Cách dùng: npm run briefing -- --source dien-bien-ke-hoach-22-kh-tu.txt --count 20 --format docx --out hoi-dap-kh22.docx\n       hoặc: npm run briefing -- --topic "tổ chức hội nghị" --count 10 --format md';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      source: { type: 'string' },
      topic: { type: 'string' },
      count: { type: 'string', default: '20' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
      'keep-failures': { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
const count = Number(values.count);
const format = values.format as ExportFormat | 'json';
if (!values.source && !values.topic) fail(`Cần --source hoặc --topic.\n${USAGE}`);
if (!Number.isInteger(count) || count < 1 || count > 50) fail('--count phải là số nguyên từ 1 đến 50.');
if (!['docx', 'md', 'csv', 'json'].includes(format)) fail('--format phải là docx, md, csv hoặc json.');
if (format === 'docx' && !values.out) fail(`Định dạng docx cần --out <tệp>.\n${USAGE}`);

const runtime = await createNodeRuntime({ ...loadConfig(), LOG_LEVEL: 'warn' }, { onProgress: (m) => console.error(m) });
const service = new BriefingService({ library: runtime.kb, assistant: runtime.assistant });
try {
  const set = await service.generate({ source: values.source, topic: values.topic, count, keepFailures: values['keep-failures'] });
  const body = format === 'json' ? `${JSON.stringify({ title: set.title, items: set.items, stats: set.stats }, null, 2)}\n` : (await exportSet(set, format)).body;
  if (values.out) writeFileSync(values.out, body);
  else process.stdout.write(body);
  const rate = set.stats.checked ? Math.round((100 * set.stats.passed) / set.stats.checked) : 100;
  console.error(`${set.title}: ${set.items.length} câu hỏi (kiểm tra ngược đạt ${set.stats.passed}/${set.stats.checked} = ${rate}%)${values.out ? ` → ${values.out}` : ''}`);
} catch (err) {
  if (err instanceof AppError) fail(err.message);
  throw err;
}
