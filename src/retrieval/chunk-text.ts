import type { Chunk } from '../types.js';

/** What the embedder sees for a chunk: where it sits, then what it says. */
export function chunkContext(chunk: Chunk, docTitle?: string): string {
  return [docTitle, ...chunk.headings, chunk.sectionTitle, chunk.text].filter(Boolean).join('\n');
}
