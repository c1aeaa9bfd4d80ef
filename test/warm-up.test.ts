/** A loaded index is warmed (one question of each kind) before it serves; a failed warm-up never blocks loading. */
import { describe, expect, it, vi } from 'vitest';
import { warmUp } from '../src/answer/warm-up.js';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import type { Retriever } from '../src/retrieval/retriever.js';
import { KnowledgeBase } from '../src/store/knowledge-base.js';
import { tempDataDir } from './helpers/runtime.js';

vi.setConfig({ testTimeout: 120_000 });

describe('index warm-up', () => {
  it('runs on the new index before it is swapped in, with the index it is about to serve', async () => {
    let kb: KnowledgeBase | undefined;
    const seen: Array<{ documents: number; servingBefore: boolean }> = [];
    const warm = async (retriever: Retriever) => {
      seen.push({ documents: retriever.corpus.list().length, servingBefore: kb?.ready ?? false });
      await warmUp(retriever);
    };
    kb = await KnowledgeBase.open({ dataDir: tempDataDir(), embeddings: new LocalHashEmbeddings(), onProgress: () => {}, warm });
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.at(-1)).toEqual({ documents: 5, servingBefore: false });
  });

  it('loads and serves the index even when the warm-up fails', async () => {
    const messages: string[] = [];
    const kb = await KnowledgeBase.open({
      dataDir: tempDataDir(),
      embeddings: new LocalHashEmbeddings(),
      onProgress: (m) => messages.push(m),
      warm: () => Promise.reject(new Error('hỏng')),
    });
    expect(kb.ready).toBe(true);
    expect(messages.some((m) => m.includes('Khởi động chỉ mục chưa trọn (hỏng)'))).toBe(true);
  });
});
