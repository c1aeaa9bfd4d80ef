/** What any DenseIndex must do over unit vectors (HNSWLib on Node, flat scan in Workers). */
import { describe, expect, it } from 'vitest';
import type { DenseIndex } from '../../src/retrieval/ports.js';

export function denseIndexContract(name: string, setup: () => Promise<{ index: DenseIndex; vectors: ArrayLike<number>[] }>): void {
  describe(`DenseIndex contract: ${name}`, () => {
    let fx: { index: DenseIndex; vectors: ArrayLike<number>[] };
    const get = async () => (fx ??= await setup());

    it('finds a stored vector first, with cosine ≈ 1', async () => {
      const { index, vectors } = await get();
      for (const i of [0, Math.floor(vectors.length / 2), vectors.length - 1]) {
        const [first] = await index.search(Array.from(vectors[i]!), 3);
        expect(first!.index).toBe(i);
        expect(first!.score).toBeCloseTo(1, 4);
      }
    });

    it('returns descending scores, at most the limit, and every vector when the limit exceeds the size', async () => {
      const { index, vectors } = await get();
      const hits = await index.search(Array.from(vectors[1]!), 10);
      expect(hits.length).toBe(10);
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score - 1e-6);
      const all = await index.search(Array.from(vectors[1]!), vectors.length + 50);
      expect(new Set(all.map((h) => h.index)).size).toBe(vectors.length);
    });
  });
}
