import type { Chunk, DocumentMeta } from '../types.js';

/** What the embedder sees for a chunk: where it sits, then what it says. */
export function chunkContext(chunk: Chunk, docTitle?: string): string {
  return [docTitle, ...chunk.headings, chunk.sectionTitle, chunk.text].filter(Boolean).join('\n');
}

/** What identifies a document in a question: type, number, issuer, place. */
export function documentContext(meta: DocumentMeta): string {
  return [meta.docType, meta.docNumber, meta.issuer, meta.place].filter(Boolean).join(' ');
}
