/**
 * A question that names an article ("Điều 29 Luật Viên chức quy định gì?", "khoản 2 Điều 5
 * nói gì?") is answered from that article: its chunks join the candidates, ranked by how
 * closely their labels match (article, then clause and point) and whether the question
 * names their document ("… Luật Viên chức").
 */
import { fold } from '../text/fold.js';
import type { ArticleRef } from '../text/doc-refs.js';
import type { Chunk, DocumentMeta } from '../types.js';

/** The labels of the sections a chunk holds: its own and its inner parts'. */
function labelsOf(chunk: Chunk): string[] {
  const labels = chunk.parts?.map((p) => p.sectionLabel) ?? [];
  return chunk.sectionLabel ? [chunk.sectionLabel, ...labels] : labels;
}

/** "Điều 29, khoản 1, điểm b" (folded) starts with the reference's prefix, whole numbers only. */
function startsWithRef(label: string, prefix: string): boolean {
  return label === prefix || label.startsWith(`${prefix},`) || label.startsWith(`${prefix} `);
}

/** How closely a chunk holds the reference: 0 none, 1 the article, 2 the clause, 3 the point. */
function closeness(chunk: Chunk, ref: ArticleRef): number {
  const labels = labelsOf(chunk).map((l) => fold(l));
  const article = `dieu ${ref.article}`;
  if (!labels.some((l) => startsWithRef(l, article))) return 0;
  if (!ref.clause) return 1;
  const clause = `${article}, khoan ${ref.clause}`;
  if (!labels.some((l) => startsWithRef(l, clause))) return 1;
  return ref.point && labels.some((l) => startsWithRef(l, `${clause}, diem ${ref.point}`)) ? 3 : 2;
}

/**
 * Chunk index → weight in (0, 1] for the chunks holding an article the question names.
 * Empty when it names none (the usual case: nothing is scanned).
 */
export function articleFocus(question: string, refs: ArticleRef[], chunks: readonly Chunk[], meta: (docId: string) => DocumentMeta, accept: (i: number) => boolean): Map<number, number> {
  const focus = new Map<number, number>();
  if (!refs.length) return focus;
  const folded = fold(question);
  const named = new Map<string, boolean>();
  const namesDocument = (docId: string) => {
    let yes = named.get(docId);
    if (yes === undefined) {
      // "Luật Viên chức" in the question names the law titled so.
      const title = fold(meta(docId).title).split(' – ')[0]!;
      named.set(docId, (yes = title.length > 4 && folded.includes(title)));
    }
    return yes;
  };
  chunks.forEach((chunk, i) => {
    if (!chunk.sectionLabel?.startsWith('Điều') || !accept(i)) return;
    const best = Math.max(...refs.map((ref) => closeness(chunk, ref)));
    if (best > 0) focus.set(i, (best / 3) * (namesDocument(chunk.docId) ? 1 : 0.5));
  });
  return focus;
}
