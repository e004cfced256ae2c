// Counts of people shown beyond a person and their manager: none from 1 to threshold-1, and none that
// the figures beside it would give away by subtraction.

/** A count as it may be shown: the number, or null where it is hidden. */
export type Shown = number | null;

/**
 * Hides counts from 1 to t-1 in a set of cells that add up to a total shown alongside. One hidden
 * cell could be worked out from the total and the rest, and hidden cells that add up to less than t
 * would still point at fewer than t people, so more cells are hidden (smallest first) until neither
 * is true — or all are hidden.
 */
export function suppressCells(counts: readonly number[], t: number): Shown[] {
  const hidden = new Set(counts.map((n, i) => (n > 0 && n < t ? i : -1)).filter((i) => i >= 0));
  const hiddenSum = () => [...hidden].reduce((s, i) => s + counts[i]!, 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenSum() < t)) {
    const next = counts.map((n, i) => [n, i] as const).filter(([n, i]) => n > 0 && !hidden.has(i)).sort((a, b) => a[0] - b[0])[0];
    if (!next) break;
    hidden.add(next[1]);
  }
  return counts.map((n, i) => (hidden.has(i) ? null : n));
}

/** "fewer than 3" for a hidden count. */
export const shownText = (n: Shown, t: number) => (n === null ? `fewer than ${t}` : String(n));
