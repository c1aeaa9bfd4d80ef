/**
 * The cheapest path through a lattice of options (one list per position): each
 * option's own cost plus the cost of linking it to the option before it.
 */
export function cheapestPath<T>(lattice: T[][], own: (option: T, i: number) => number, link: (previous: T | undefined, option: T, i: number) => number): T[] {
  if (!lattice.length) return [];
  let totals = lattice[0]!.map((option) => own(option, 0) + link(undefined, option, 0));
  const backs: number[][] = [[]];
  for (let i = 1; i < lattice.length; i++) {
    const previous = lattice[i - 1]!;
    const back: number[] = [];
    totals = lattice[i]!.map((option, k) => {
      const cost = own(option, i);
      let best = Infinity;
      previous.forEach((prev, j) => {
        const total = totals[j]! + cost + link(prev, option, i);
        if (total < best) {
          best = total;
          back[k] = j;
        }
      });
      return best;
    });
    backs.push(back);
  }
  const path: T[] = [];
  let index = totals.reduce((bi, t, i, all) => (t < all[bi]! ? i : bi), 0);
  for (let i = lattice.length - 1; i >= 0; i--) {
    path.unshift(lattice[i]![index]!);
    index = backs[i]![index]!;
  }
  return path;
}
