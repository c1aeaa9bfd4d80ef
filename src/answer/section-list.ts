/**
 * Questions a section heading restates ("Kế hoạch 67 tuyên truyền bằng những
 * hình thức nào?" over "III – HÌNH THỨC TUYÊN TRUYỀN"): the answer is the
 * section's items, each its own chunk, which no one sentence holds.
 */
import type { QueryAnalysis } from '../retrieval/query.js';
import { documentTokens } from '../retrieval/sentence-cache.js';
import { tokenizeSentence, type Idf } from '../retrieval/sentence-score.js';
import { withinOneEdit } from '../text/edit-distance.js';
import { foldedSyllables } from '../text/tokens.js';
import type { Chunk, Passage } from '../types.js';

export interface ListSection {
  /** The best passage of the document whose heading restates the question. */
  passage: Passage;
  /** The section's path ("III") and title as people read it. */
  path: string;
  title: string;
  /** The first chunk of each item of the section, in document order. */
  items: Chunk[];
}

/** Share of the question's weight that neither the heading nor the document may leave unexplained. */
const MAX_LEFTOVER = 0.2;
/** Items quoted at most: a long section is still answered by its first items. */
const MAX_ITEMS = 6;

/** The words of a heading of forms, said by any question asking the means. */
const MEANS_WORDS = ['hinh', 'thuc'];

/** Numbering in a heading ("III", "2") says where, not what. */
const NUMBERING = /^([ivxlc]+|\d+|[a-z])$/;

/**
 * The section of the top documents whose heading's words are all words of the
 * question, and whose document and heading together hold nearly all of it.
 * `chunksOf` gives a document's chunks in order; `means`: the question asks the means, naming no kind of them ("qua những kênh nào").
 */
export function listSection(analysis: QueryAnalysis, passages: Passage[], idf: Idf, chunksOf: (docId: string) => Chunk[], means = false): ListSection | undefined {
  if (!analysis.intents.has('list')) return undefined;
  const asked = new Map(analysis.content.map((t) => [t.term, t.weight * Math.max(0.2, idf(t.term))]));
  const total = [...asked.values()].reduce((a, b) => a + b, 0);
  if (!total) return undefined;
  // "tuyên truyền qua những kênh nào": a heading of forms ("HÌNH THỨC TUYÊN TRUYỀN") restates the means asked for,
  // and the document's title (what it spreads: "kết quả Hội nghị lần thứ hai …") explains the words naming it.
  const sayable = means ? new Map([...asked, ...MEANS_WORDS.map((w) => [w, 0] as const)]) : asked;
  const seen = new Set<string>();
  const docs = [...new Map(passages.slice(0, 3).map((p) => [p.doc.id, p])).values()].slice(0, 2);
  for (const passage of docs) {
    const chunks = chunksOf(passage.doc.id);
    const explainedByDocument = means ? new Set([...documentTokens(passage.doc), ...tokenizeSentence(passage.doc.title).set]) : documentTokens(passage.doc);
    for (const chunk of chunks) {
      for (let level = 0; level < chunk.headings.length; level++) {
        // Per document: two documents may share a heading ("TỔ CHỨC THỰC HIỆN"), each with its own items.
        const key = `${chunk.docId}|${level}|${chunk.headings[level]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const words = foldedSyllables(chunk.headings[level]!).filter((w) => !NUMBERING.test(w));
        if (words.length < 2) continue;
        // Scanned headings are misread ("HINH THeC"): one edit off a question word still restates it.
        const said = words.map((w) => (sayable.has(w) ? w : chunk.ocr && w.length >= 3 ? [...sayable.keys()].find((t) => t.length >= 3 && withinOneEdit(t, w)) : undefined));
        if (said.some((w) => w === undefined)) continue;
        const explained = new Set([...(said as string[]), ...explainedByDocument]);
        const leftover = [...asked].filter(([term]) => !explained.has(term)).reduce((sum, [, w]) => sum + w, 0);
        if (leftover > MAX_LEFTOVER * total) continue;
        const path = chunk.section.split('.').slice(0, level + 1).join('.');
        const items = itemsOf(chunks, path, level, chunk.headings[level]!);
        if (items.length < 2) continue;
        const title = passage.doc.outline.find((o) => o.path === path)?.title ?? chunk.headings[level]!;
        return { passage, path, title, items };
      }
    }
  }
  return undefined;
}

/** The first chunk of each child section of the section at `path` (its heading at `level`). */
function itemsOf(chunks: Chunk[], path: string, level: number, heading: string): Chunk[] {
  const items = new Map<string, Chunk>();
  for (const c of chunks) {
    if (c.headings[level] !== heading || !c.section.startsWith(`${path}.`)) continue;
    const child = c.section.split('.').slice(0, level + 2).join('.');
    if (!items.has(child)) items.set(child, c);
  }
  return [...items.values()].slice(0, MAX_ITEMS);
}
