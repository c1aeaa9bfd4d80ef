import { describe, expect, it } from 'vitest';
import { listSection } from '../src/answer/section-list.js';
import { purposeSection } from '../src/answer/purpose-section.js';
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

describe('purpose section', () => {
  it('answers "nhằm mục đích gì" from a joint "MỤC ĐÍCH, YÊU CẦU" section, item by item', () => {
    const doc = { ...meta('ke-hoach-hoi-thi'), title: 'Kế hoạch tổ chức Hội thi văn nghệ quần chúng xã Tân Mỹ năm 2027' };
    const at = (section: string, title: string, text: string): Chunk => ({ ...chunk(doc.id, section, text), sectionTitle: title, headings: [] });
    const chunks = [
      at('I', 'MỤC ĐÍCH, YÊU CẦU', 'MỤC ĐÍCH, YÊU CẦU'),
      at('I.1', 'Động viên phong trào văn nghệ ở các thôn', 'Động viên phong trào văn nghệ ở các thôn.'),
      at('I.2', 'Hội thi tổ chức tiết kiệm', 'Hội thi tổ chức tiết kiệm, an toàn.'),
      at('II', 'NỘI DUNG', 'Mỗi thôn tham gia 02 tiết mục.'),
    ];
    const passages: Passage[] = [{ chunk: chunks[1]!, doc, score: 1 }];
    const section = purposeSection(analyzeQuery('Xã Tân Mỹ tổ chức hội thi văn nghệ quần chúng nhằm mục đích gì?'), passages, () => 1, () => chunks);
    expect(section?.path).toBe('I');
    expect(section?.items.map((c) => c.section)).toEqual(['I.1', 'I.2']);
  });
});
