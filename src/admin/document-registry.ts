/** What the administrator uploaded: the registry of documents (SQLite on Node). */
import type { SourceFormat } from '../../ingest/load.js';
export interface RegisteredDocument {
  id: string;
  /** File name under DATA_DIR/docs. */
  source: string;
  /** sha256 of the file's bytes. */
  hash: string;
  size: number;
  format: SourceFormat;
  uploadedAt: string;
}

export interface DocumentRegistry {
  list(): RegisteredDocument[];
  get(id: string): RegisteredDocument | undefined;
  /** Inserts or replaces by id (and drops another id registered under the same source). */
  put(doc: RegisteredDocument): void;
  remove(id: string): boolean;
}

export function memoryRegistry(): DocumentRegistry {
  const docs = new Map<string, RegisteredDocument>();
  return {
    list: () => [...docs.values()].sort((a, b) => a.source.localeCompare(b.source)),
    get: (id) => docs.get(id),
    put: (doc) => {
      for (const [id, d] of docs) if (d.source === doc.source && id !== doc.id) docs.delete(id);
      docs.set(doc.id, doc);
    },
    remove: (id) => docs.delete(id),
  };
}
