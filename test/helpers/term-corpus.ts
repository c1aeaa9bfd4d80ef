/**
 * `n` chunks as term lists with a few terms of different spreads and frequencies: "common" and "half"
 * make lists longer than a BM25 head on a large `n`, "mid" and "rare" do not.
 */
export function termCorpus(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const terms = Array.from({ length: 1 + (i % 5) }, () => 'common');
    for (let k = 0; k < 3 + ((i * 7) % 11); k++) terms.push(`filler${k}`);
    if (i % 97 === 0) terms.push('rare');
    if (i % 13 === 5) terms.push('mid', 'mid');
    if (i % 2 === 0) terms.push('half');
    return terms;
  });
}

/** A query over termCorpus mixing short lists ("mid", "rare") and lists longer than a head ("common", "half"). */
export const termQuery = [
  { term: 'mid', weight: 1 },
  { term: 'rare', weight: 1 },
  { term: 'common', weight: 0.5 },
  { term: 'filler3', weight: 0.5 },
  { term: 'half', weight: 0.7 },
];
