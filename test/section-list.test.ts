import { describe, expect, it } from 'vitest';
import { listSection } from '../src/answer/section-list.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import type { Chunk, DocumentMeta, Passage } from '../src/types.js';

const meta = (id: string): DocumentMeta => ({ id, source: `${id}.txt`, title: id, references: [], ocrQuality: 1, ocr: false, chars: 0, outline: [] });

const chunk = (docId: string, section: string, text: string): Chunk => ({
  id: `${docId}#${section}`,
  docId,
  source: `${docId}.txt`,
  section,
  sectionTitle: text,
  headings: ['TỔ CHỨC THỰC HIỆN'],
  text,
  sentences: [{ start: 0, end: text.length }],
  ocr: false,
});

describe('section items', () => {
  it('looks at each top document\'s sections, even when an earlier document has a heading of the same words', () => {
    const [a, b] = [meta('a'), meta('b')];
    const chunks: Record<string, Chunk[]> = {
      a: [chunk('a', 'III.1', 'Văn phòng theo dõi, đôn đốc.')],
      b: [chunk('b', 'IV.1', 'Ban Tuyên giáo chủ trì tuyên truyền.'), chunk('b', 'IV.2', 'Các sở phối hợp thực hiện.')],
    };
    const passages: Passage[] = [
      { chunk: chunks.a![0]!, doc: a, score: 1 },
      { chunk: chunks.b![0]!, doc: b, score: 0.9 },
    ];
    const section = listSection(analyzeQuery('Tổ chức thực hiện gồm những gì?'), passages, () => 1, (id) => chunks[id] ?? []);
    expect(section?.passage.doc.id).toBe('b');
    expect(section?.path).toBe('IV');
    expect(section?.items.map((c) => c.section)).toEqual(['IV.1', 'IV.2']);
  });
});
