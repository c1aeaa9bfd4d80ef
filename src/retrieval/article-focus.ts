/**
 * A question that names an article ("Điều 29 Luật Viên chức quy định gì?", "khoản 2 Điều 5
 * nói gì?") is answered from that article: its chunks join the candidates, ranked by how
 * closely their labels match (article, then clause and point) and whether the question
 * names their document ("… Luật Viên chức").
 */
import { fold } from '../text/fold.js';
import { findDocRefs, type ArticleRef } from '../text/doc-refs.js';
import { typeByFoldedName } from '../text/document-types.js';
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

/** The question names the document: a law by its name ("Luật Viên chức"), any document by its number ("Quy chế 01-QC/ĐU"). */
function questionNames(doc: DocumentMeta, foldedQuestion: string, asked: Set<string | undefined>): boolean {
  if (doc.docType && doc.summary && typeByFoldedName(fold(doc.docType))?.named && foldedQuestion.includes(fold(`${doc.docType} ${doc.summary}`))) return true;
  const own = doc.docNumber ? findDocRefs(doc.docNumber)[0] : undefined;
  return own !== undefined && (asked.has(own.full) || asked.has(own.short));
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

export interface ArticleFocus {
  /** Chunk index → weight in (0, 1]: how closely it holds an article the question names. */
  lead: Map<number, number>;
  /** The chunks of an article named together with its document ("Điều 29 Luật Viên chức"): the answer is there. */
  only: Set<number>;
}

/** The chunks holding an article the question names. Empty when it names none (the usual case: nothing is scanned). */
export function articleFocus(question: string, refs: ArticleRef[], chunks: readonly Chunk[], meta: (docId: string) => DocumentMeta, accept: (i: number) => boolean): ArticleFocus {
  const focus: ArticleFocus = { lead: new Map(), only: new Set() };
  if (!refs.length) return focus;
  const folded = fold(question);
  const asked = new Set(findDocRefs(question).flatMap((r) => [r.full, r.short]));
  const named = new Map<string, boolean>();
  const namesDocument = (docId: string) => {
    let yes = named.get(docId);
    if (yes === undefined) named.set(docId, (yes = questionNames(meta(docId), folded, asked)));
    return yes;
  };
  chunks.forEach((chunk, i) => {
    if (!chunk.sectionLabel?.startsWith('Điều') || !accept(i)) return;
    const best = Math.max(...refs.map((ref) => closeness(chunk, ref)));
    if (best === 0) return;
    const inNamed = namesDocument(chunk.docId);
    focus.lead.set(i, (best / 3) * (inNamed ? 1 : 0.5));
    if (inNamed) focus.only.add(i);
  });
  return focus;
}
