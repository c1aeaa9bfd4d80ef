/**
 * Exact dense search by scanning every vector: for small corpora, tests and
 * runtimes without native modules (Workers). Kept apart from the HNSWLib
 * adapter so importing it never pulls hnswlib-node into a bundle.
 */
import type { DenseHit, DenseIndex } from './ports.js';

/** Exact scan over unit vectors (cosine = dot product). */
export function flatIndex(vectors: Float32Array[]): DenseIndex {
  return {
    async search(query, limit) {
      const hits: DenseHit[] = vectors.map((v, index) => {
        let dot = 0;
        for (let i = 0; i < v.length; i++) dot += v[i]! * (query[i] ?? 0);
        return { index, score: dot };
      });
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}

/** Packs vectors as little-endian float32, row after row (the Worker's bundled index). */
export function packVectors(vectors: ArrayLike<number>[], dimensions: number): Uint8Array {
  const out = new Float32Array(vectors.length * dimensions);
  vectors.forEach((v, row) => {
    if (v.length !== dimensions) throw new Error(`vector ${row} has ${v.length} dimensions, expected ${dimensions}`);
    out.set(Array.from(v), row * dimensions);
  });
  return new Uint8Array(out.buffer);
}

/** The inverse of packVectors; views share the buffer (no copy). */
export function unpackVectors(buffer: ArrayBuffer, dimensions: number): Float32Array[] {
  if (buffer.byteLength % (dimensions * 4)) throw new Error(`vector file of ${buffer.byteLength} bytes is not a whole number of ${dimensions}-dimension rows`);
  const rows = buffer.byteLength / (dimensions * 4);
  return Array.from({ length: rows }, (_, row) => new Float32Array(buffer, row * dimensions * 4, dimensions));
}
