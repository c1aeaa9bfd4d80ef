/** Picking items: sections covered in proportion, in document order, no near-duplicates. */
import { foldedSyllables } from '../text/tokens.js';
import type { ClauseKind } from './types.js';

/** How much a clause kind is worth asking about (rules before plain content). */
export const KIND_WEIGHT: Record<ClauseKind, number> = {
  limit: 6,
  deadline: 5,
  prohibition: 4,
  responsibility: 3,
  definition: 3,
  content: 1,
};

export function syllableSet(text: string): Set<string> {
  return new Set(foldedSyllables(text));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 0;
}

export interface Candidate {
  /** Coverage group (the top-level section, per document). */
  group: string;
  order: number;
  kind: ClauseKind;
  question: string;
  answer: string;
}

/**
 * Near-duplicate: nearly the same answer, or a similar question about a similar
 * answer ("kết luận không quá 50 phút" and "tham luận không quá 10 phút" are two facts).
 */
export function isNearDuplicate(a: { q: Set<string>; a: Set<string> }, b: { q: Set<string>; a: Set<string> }): boolean {
  const answers = jaccard(a.a, b.a);
  const questions = jaccard(a.q, b.q);
  // Different figures are different facts ("không quá 50 phút" / "không quá 10 phút").
  const figures = (set: Set<string>) => [...set].filter((t) => /^\d/.test(t)).sort().join(' ');
  if (answers < 0.8 && figures(a.a) && figures(b.a) && figures(a.a) !== figures(b.a)) return questions === 1;
  // The same question twice (e.g. a template over one section) is a duplicate whatever the answers.
  return questions === 1 || answers >= 0.8 || (answers >= 0.5 && questions >= 0.6);
}

/**
 * Chooses up to `count` candidates. Every group (section) first gets one seat,
 * then seats go in proportion to the group's number of clauses (D'Hondt: the
 * next seat goes to the highest clauses / (seats + 1)); within a group the
 * best kinds (limits, deadlines, prohibitions…) go first; the result is in
 * document order.
 */
export function selectProportional<T extends Candidate>(candidates: T[], count: number): T[] {
  const groups = new Map<string, T[]>();
  for (const c of candidates) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const queues = [...groups.values()].map((list) => ({
    weight: list.length,
    order: Math.min(...list.map((c) => c.order)),
    list: [...list].sort((a, b) => KIND_WEIGHT[b.kind] - KIND_WEIGHT[a.kind] || a.order - b.order),
    seats: 0,
  }));
  const chosen: T[] = [];
  const keys: Array<{ q: Set<string>; a: Set<string> }> = [];
  while (chosen.length < count) {
    const open = queues.filter((q) => q.list.length);
    if (!open.length) break;
    // Every section gets a first seat before any gets a second; then seats follow size.
    open.sort((a, b) => Number(a.seats > 0) - Number(b.seats > 0) || b.weight / (b.seats + 1) - a.weight / (a.seats + 1) || a.order - b.order);
    const queue = open[0]!;
    const next = queue.list.shift()!;
    const key = { q: syllableSet(next.question), a: syllableSet(next.answer) };
    if (keys.some((k) => isNearDuplicate(k, key))) continue;
    keys.push(key);
    chosen.push(next);
    queue.seats++;
  }
  return chosen.sort((a, b) => a.order - b.order);
}
