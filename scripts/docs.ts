/**
 * `npm run docs -- add <file>... | remove <id>... | list | reindex`: the admin
 * API's document commands on DATA_DIR, from a terminal. A server running on the
 * same DATA_DIR notices the newly published index within seconds.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { NodeDocumentAdmin } from '../src/admin/document-admin.js';
import { loadConfig } from '../src/config.js';
import { createEmbeddings } from '../src/embeddings.js';
import { AppError } from '../src/errors.js';
import { KnowledgeBase } from '../src/store/knowledge-base.js';
import { databasePath, openDatabase } from '../src/store/sqlite/database.js';
import { sqliteDocuments } from '../src/store/sqlite/documents.js';

const USAGE = `Cách dùng:
  npm run docs -- list                 liệt kê văn bản
  npm run docs -- add <tệp>...         thêm hoặc thay thế văn bản (.txt, .md, .docx, .pdf; ảnh quét .png, .jpg qua OCR)
  npm run docs -- remove <mã>...       xóa văn bản theo mã (id)
  npm run docs -- reindex              lập lại chỉ mục`;

const [command, ...args] = process.argv.slice(2);
if (!command || !['list', 'add', 'remove', 'reindex'].includes(command) || (['add', 'remove'].includes(command) && !args.length)) {
  console.error(USAGE);
  process.exit(2);
}

const config = loadConfig();
const db = openDatabase(databasePath(config.DATA_DIR));
try {
  const kb = await KnowledgeBase.open({ dataDir: config.DATA_DIR, embeddings: createEmbeddings(config), onProgress: (m) => console.log(m) });
  const admin = new NodeDocumentAdmin({ dataDir: config.DATA_DIR, kb, registry: sqliteDocuments(db), maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024 });
  await admin.sync();
  if (command === 'list') {
    const registry = new Map(admin.list().map((d) => [d.id, d]));
    for (const doc of kb.documents()) {
      const reg = registry.get(doc.id);
      console.log(`${doc.id}\t${doc.source}\t${[doc.docType, doc.docNumber, doc.date].filter(Boolean).join(' ')}\t${reg ? `${reg.format}, ${reg.size} B, ${reg.uploadedAt}` : ''}`);
    }
    console.log(`${kb.documents().length} văn bản, ${kb.manifest?.chunks ?? 0} đoạn.`);
  } else if (command === 'add') {
    for (const file of args) {
      const result = await admin.add({ name: basename(file), bytes: new Uint8Array(await readFile(file)) });
      const meta = result.document as { id: string; source: string } | undefined;
      console.log(`${result.replaced ? 'Đã thay thế' : 'Đã thêm'} ${meta?.source} (mã ${meta?.id}); chỉ mục: ${result.index.documents} văn bản, ${result.index.chunks} đoạn.`);
    }
  } else if (command === 'remove') {
    for (const id of args) {
      const result = await admin.remove(id);
      console.log(`Đã xóa ${result.removed.source}; chỉ mục: ${result.index.documents} văn bản, ${result.index.chunks} đoạn.`);
    }
  } else {
    const index = await admin.reindex();
    console.log(`Chỉ mục: ${index.documents} văn bản, ${index.chunks} đoạn (${index.buildMs} ms).`);
  }
} catch (err) {
  console.error(err instanceof AppError ? err.message : `Lỗi: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
