/** The document registry in SQLite: what was uploaded, when, its hash, size and format. */
import type { DocumentRegistry, RegisteredDocument } from '../../admin/document-registry.js';
import type { Db } from './database.js';

interface Row {
  id: string;
  source: string;
  hash: string;
  size: number;
  format: string;
  uploaded_at: string;
}

const toDocument = (r: Row): RegisteredDocument => ({ id: r.id, source: r.source, hash: r.hash, size: r.size, format: r.format as RegisteredDocument['format'], uploadedAt: r.uploaded_at });

export function sqliteDocuments(db: Db): DocumentRegistry {
  const all = db.prepare('SELECT * FROM documents ORDER BY source');
  const one = db.prepare('SELECT * FROM documents WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO documents (id, source, hash, size, format, uploaded_at) VALUES (@id, @source, @hash, @size, @format, @uploadedAt)
     ON CONFLICT(id) DO UPDATE SET source = excluded.source, hash = excluded.hash, size = excluded.size, format = excluded.format, uploaded_at = excluded.uploaded_at`,
  );
  const bySource = db.prepare('DELETE FROM documents WHERE source = ? AND id <> ?');
  const remove = db.prepare('DELETE FROM documents WHERE id = ?');
  const put = db.transaction((doc: RegisteredDocument) => {
    bySource.run(doc.source, doc.id);
    upsert.run(doc);
  });
  return {
    list: () => (all.all() as Row[]).map(toDocument),
    get: (id) => {
      const row = one.get(id) as Row | undefined;
      return row && toDocument(row);
    },
    put: (doc) => put(doc),
    remove: (id) => remove.run(id).changes > 0,
  };
}
