/** What the fitting scripts (fit-answer-scorer.ts, fit-selection.ts) share: fold hashing and feature standardising. */

/** FNV-1a of a text: puts a group of questions in a fold, the same one on every run. */
export function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/** Mean and spread of each column: the fits run on standardised features, the weights are mapped back. */
export function standardiser(xs: number[][]): { mean: number[]; std: number[] } {
  const dims = xs[0]?.length ?? 0;
  const mean = new Array<number>(dims).fill(0);
  const std = new Array<number>(dims).fill(0);
  for (const x of xs) x.forEach((v, i) => (mean[i]! += v / xs.length));
  for (const x of xs) x.forEach((v, i) => (std[i]! += (v - mean[i]!) ** 2 / xs.length));
  for (let i = 0; i < dims; i++) std[i] = Math.sqrt(std[i]!) || 1;
  return { mean, std };
}
