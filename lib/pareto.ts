// Concentration of revenue: the share held by the top fraction of customers (or sellers), the Lorenz curve and
// the Gini coefficient. Negative values are not revenue and are rejected.

function sortedDescending(values: readonly number[]): number[] {
  for (const v of values) if (!(v >= 0)) throw new RangeError(`revenue values must be non-negative numbers, got ${v}`);
  return [...values].sort((a, b) => b - a);
}

/** Share of the total held by the top `fraction` of units (the ⌈fraction·n⌉ largest values). */
export function topShare(values: readonly number[], fraction: number): number {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction must be in (0, 1], got ${fraction}`);
  const sorted = sortedDescending(values);
  const total = sorted.reduce((s, v) => s + v, 0);
  if (!(total > 0)) return 0;
  const k = Math.ceil(fraction * sorted.length);
  return sorted.slice(0, k).reduce((s, v) => s + v, 0) / total;
}

export interface LorenzPoint {
  /** Cumulative share of units, from the smallest. */
  population: number;
  /** Their cumulative share of the total. */
  share: number;
}

/** The Lorenz curve at `points` + 1 evenly spaced population shares (0 and 1 included). */
export function lorenzCurve(values: readonly number[], points = 100): LorenzPoint[] {
  const ascending = sortedDescending(values).reverse();
  const n = ascending.length;
  const total = ascending.reduce((s, v) => s + v, 0);
  const cumulative = [0];
  for (const v of ascending) cumulative.push(cumulative[cumulative.length - 1] + v);
  return Array.from({length: points + 1}, (_, i) => {
    const population = i / points;
    const position = population * n; // interpolate between whole units
    const below = Math.floor(position);
    const part = below < n ? (position - below) * ascending[below] : 0;
    return {population, share: total > 0 ? (cumulative[below] + part) / total : population};
  });
}

/** Gini coefficient: 0 when everyone holds the same, → 1 when one unit holds everything. */
export function gini(values: readonly number[]): number {
  const ascending = sortedDescending(values).reverse();
  const n = ascending.length;
  const total = ascending.reduce((s, v) => s + v, 0);
  if (n === 0 || !(total > 0)) return 0;
  let weighted = 0;
  ascending.forEach((v, i) => (weighted += (i + 1) * v));
  return (2 * weighted) / (n * total) - (n + 1) / n;
}
