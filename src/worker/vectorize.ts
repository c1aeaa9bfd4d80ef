/**
 * DenseIndex over Cloudflare Vectorize (production). Vectors are keyed by
 * chunk id (shortened when over Vectorize's 64-byte id limit); the Worker maps
 * ids back to chunk positions with the chunk list it loaded from D1, so ids of
 * chunks a later build removed are simply ignored.
 */
import type { DenseHit, DenseIndex } from '../retrieval/ports.js';

/** The part of the Vectorize binding we use. */
export interface VectorizeLike {
  query(vector: number[] | Float32Array, options: { topK: number; returnValues?: boolean; returnMetadata?: boolean | 'none' | 'indexed' | 'all' }): Promise<{ matches: Array<{ id: string; score: number }> }>;
}

/** Vectorize returns at most 100 matches when values and metadata are not requested. */
export const VECTORIZE_MAX_TOP_K = 100;
const MAX_ID_BYTES = 64;

/** FNV-1a, 32 bit, as 8 hex digits. */
function fnv(text: string, seed = 0x811c9dc5): string {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Vectorize id of a chunk: the chunk id, or a prefix plus a hash when it is too long. */
export function vectorId(chunkId: string): string {
  if (new TextEncoder().encode(chunkId).length <= MAX_ID_BYTES) return chunkId;
  return `${chunkId.replace(/[^\x20-\x7e]/g, '').slice(0, 40)}~${fnv(chunkId)}${fnv(chunkId, 0x01000193)}`;
}

export function vectorizeIndex(index: VectorizeLike, chunkIds: string[]): DenseIndex {
  const positions = new Map(chunkIds.map((id, i) => [vectorId(id), i]));
  return {
    async search(vector, limit) {
      const topK = Math.min(limit, VECTORIZE_MAX_TOP_K);
      if (topK <= 0) return [];
      const { matches } = await index.query(Array.from(vector), { topK, returnValues: false, returnMetadata: 'none' });
      const hits: DenseHit[] = [];
      for (const match of matches) {
        const i = positions.get(match.id);
        if (i !== undefined) hits.push({ index: i, score: match.score });
      }
      return hits;
    },
  };
}
