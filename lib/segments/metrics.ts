// Clustering quality: silhouette (Rousseeuw 1987), adjusted Rand index (Hubert & Arabie 1985), and chooseK.

import {rng as makeRng} from "../random.js";
import {kMeans, sqDist, standardise} from "./kmeans.js";

/**
 * Mean silhouette: s(i) = (b − a) / max(a, b), a = mean distance to the other members of i's cluster,
 * b = smallest mean distance to another cluster; s(i) = 0 for singletons. Euclidean, O(n²).
 */
export function silhouette(points: readonly (readonly number[])[], labels: readonly number[]): number {
  const n = points.length;
  const k = labels.reduce((m, l) => Math.max(m, l), -1) + 1; // not Math.max(...labels): the stack ends at ~100k
  if (k < 2) return NaN;
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l]!++;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sums = new Array<number>(k).fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]!]! += Math.sqrt(sqDist(points[i]!, points[j]!));
    const own = labels[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

/** Adjusted Rand index between two labelings (1 = identical up to relabelling, ≈0 = chance). */
export function adjustedRandIndex(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${x[i]}|${y[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(x[i]!, (rows.get(x[i]!) ?? 0) + 1);
    cols.set(y[i]!, (cols.get(y[i]!) ?? 0) + 1);
  }
  const c2 = (m: number) => (m * (m - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += c2(v);
  let sa = 0;
  let sb = 0;
  for (const v of rows.values()) sa += c2(v);
  for (const v of cols.values()) sb += c2(v);
  const expected = (sa * sb) / c2(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

export interface ChooseKResult {
  perK: {k: number; inertia: number; silhouette: number}[];
  /** Criterion: highest mean silhouette (on the sample); ties go to the smaller k. */
  best: number;
}

/**
 * Fit k-means for each k and score it by inertia (all rows) and silhouette (on a seeded random sample of
 * at most `sampleSize` rows, for speed). Pick the k with the highest silhouette.
 */
export function chooseK(
  rows: readonly (readonly number[])[],
  ks: readonly number[] = [3, 4, 5, 6, 7, 8],
  options: {seed?: number | string; sampleSize?: number; nInit?: number} = {}
): ChooseKResult {
  const {seed = 1, sampleSize = 2000, nInit = 5} = options;
  const {z} = standardise(rows);
  const g = makeRng(seed).fork("silhouette-sample");
  const idx = z.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = g.int(0, i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  const sample = idx.slice(0, Math.min(sampleSize, idx.length)).sort((a, b) => a - b);
  const perK = ks.map((k) => {
    const res = kMeans(rows, k, {seed, nInit});
    return {
      k,
      inertia: res.inertia,
      silhouette: silhouette(
        sample.map((i) => z[i]!),
        sample.map((i) => res.labels[i]!)
      )
    };
  });
  let best = perK[0]!;
  for (const r of perK) if (r.silhouette > best.silhouette) best = r;
  return {perK, best: best.k};
}
