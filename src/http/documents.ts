import { Hono } from 'hono';
import { sectionTitles } from '../answer/format.js';
import { AppError } from '../errors.js';
import type { Chunk, DocumentMeta } from '../types.js';
import type { StoredDocument } from '../store/index-files.js';

/** Read access to the indexed documents (the knowledge base on Node, D1 on Workers). */
export interface DocumentLibrary {
  documents(): DocumentMeta[];
  document(id: string): StoredDocument | undefined;
  chunksOf(id: string): Chunk[];
}

/** Metadata as shown: the restored title of an OCR-damaged document in `title`, the scanned one in `titleRaw`. */
function forPeople<T extends Pick<DocumentMeta, 'title' | 'displayTitle'>>(meta: T): Omit<T, 'displayTitle'> & { titleRaw?: string } {
  const { displayTitle: shown, ...rest } = meta;
  return shown && shown !== meta.title ? { ...rest, title: shown, titleRaw: meta.title } : rest;
}

export function documentRoutes(library: DocumentLibrary): Hono {
  const app = new Hono();
  app.get('/documents', (c) => {
    const documents = library.documents().map(({ outline: _outline, ...meta }) => forPeople(meta));
    return c.json({ documents });
  });
  app.get('/documents/:id', (c) => {
    const stored = library.document(c.req.param('id'));
    if (!stored) throw new AppError('not_found', 'Không tìm thấy văn bản này.');
    const sections = library.chunksOf(stored.meta.id).map((chunk) => ({ id: chunk.id, section: chunk.section, ...sectionTitles(chunk), text: chunk.text, ...(chunk.reading ? { reading: chunk.reading } : {}) }));
    // OCR documents: `reading` is the machine-restored text, line for line with `text`.
    return c.json({ document: forPeople(stored.meta), text: stored.text, ...(stored.reading ? { reading: stored.reading } : {}), sections });
  });
  return app;
}
