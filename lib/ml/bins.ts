// Quantile binning of numeric features for the histogram tree learner.
//
// Data layout (input): a column-major table. One typed array (Float64Array or Float32Array; plain number[] also
// works) per feature, all of length nRows. Column-major keeps each feature contiguous, which is what both the
// binning pass and the per-feature histogram loops want. Missing values are NaN (null in JSON-derived arrays is
// treated the same). Categorical features must be pre-encoded as numbers by the caller (treated as ordinal).
//
// Binned layout (output): one Uint8Array per feature. For feature f with k = nBins[f] non-missing bins
// (1 ≤ k ≤ 255), value v goes to the smallest b with v <= edges[f][b], or to k-1 if v is above every edge;
// NaN goes to the missing bin, index k (so at most 256 distinct codes, which fits in a byte).
// Consequence used everywhere: "bin <= b goes left" is exactly "v <= edges[f][b]" in original units, so trees can
// store thresholds in original units and need no bin tables at scoring time. Edges are chosen as the shortest
// decimal in [a, b) between two consecutive distinct sample values, so thresholds are short in JSON and binning
// with the rounded edge is exact by construction.

import {Rng} from "../random.js";

/** A column-major numeric table: columns[f][i] is feature f of row i. */
export interface ColumnTable {
  nRows: number;
  columns: ArrayLike<number>[];
}

export interface BinMapper {
  /** edges[f] has nBins[f]-1 increasing thresholds (original units). */
  edges: Float64Array[];
  /** Number of non-missing bins per feature; the missing bin of feature f is nBins[f]. */
  nBins: Int32Array;
}

export interface BinnedData {
  nRows: number;
  nFeatures: number;
  /** bins[f][i] = bin code of row i for feature f (missing = mapper.nBins[f]). */
  bins: Uint8Array[];
  mapper: BinMapper;
}

export interface BinningOptions {
  /** Maximum number of non-missing bins per feature (2..255), default 255. */
  maxBins?: number;
  /** Rows sampled (without replacement, seeded) to find edges; default 200,000. */
  sampleSize?: number;
  seed?: number;
}

/** Shortest decimal t with a <= t < b (a < b), so that "v <= t" separates a from b. */
export function shortestSplitValue(a: number, b: number): number {
  const mid = a + (b - a) / 2;
  for (let d = 1; d <= 17; d++) {
    const t = Number(mid.toPrecision(d));
    if (t >= a && t < b) return t === 0 ? 0 : t; // no -0
  }
  return a;
}

/** Sample row indices without replacement (partial Fisher–Yates), sorted ascending; all rows if n <= k. */
export function sampleRows(n: number, k: number, rng: Rng): Uint32Array {
  if (n <= k) {
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (n - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.slice(0, k).sort();
}

/** Edges for one feature from its (sampled) values. */
export function featureEdges(values: Float64Array, maxBins: number): Float64Array {
  // non-missing values, sorted (typed arrays sort numerically)
  const v = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x === x) v[n++] = x;
  }
  if (n === 0) return new Float64Array(0);
  const sorted = v.subarray(0, n).sort();
  // distinct values with counts, compacted in place at the front of `sorted`
  const counts = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!;
    if (m > 0 && sorted[m - 1] === x) counts[m - 1]!++;
    else {
      sorted[m] = x;
      counts[m++] = 1;
    }
  }
  const edges: number[] = [];
  if (m <= maxBins) {
    for (let j = 0; j + 1 < m; j++) edges.push(shortestSplitValue(sorted[j]!, sorted[j + 1]!));
  } else {
    // greedy equal-frequency: cut after distinct value j once the cumulative count reaches the next quantile target
    let cum = 0;
    let next = 1;
    for (let j = 0; j + 1 < m && edges.length < maxBins - 1; j++) {
      cum += counts[j]!;
      if (cum >= (next * n) / maxBins) {
        edges.push(shortestSplitValue(sorted[j]!, sorted[j + 1]!));
        while (next * n <= cum * maxBins) next++;
      }
    }
  }
  return Float64Array.from(edges);
}

/** Fit per-feature quantile edges on a seeded row sample. */
export function fitBins(table: ColumnTable, opts: BinningOptions = {}): BinMapper {
  const maxBins = Math.max(2, Math.min(255, opts.maxBins ?? 255));
  const rows = sampleRows(table.nRows, opts.sampleSize ?? 200_000, new Rng(opts.seed ?? 0).fork("bins"));
  const edges: Float64Array[] = [];
  const nBins = new Int32Array(table.columns.length);
  const buf = new Float64Array(rows.length);
  table.columns.forEach((col, f) => {
    for (let i = 0; i < rows.length; i++) {
      const x = col[rows[i]!];
      buf[i] = x == null ? NaN : x;
    }
    const e = featureEdges(buf, maxBins);
    edges.push(e);
    nBins[f] = e.length + 1;
  });
  return {edges, nBins};
}

/** Bin code of one value (binary search over the edges). */
export function binValue(edges: Float64Array, v: number | null | undefined): number {
  if (v == null || v !== v) return edges.length + 1;
  let lo = 0;
  let hi = edges.length; // answer in [0, edges.length]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Apply a mapper to a table (training, validation or any other data with the same columns). */
export function applyBins(table: ColumnTable, mapper: BinMapper): BinnedData {
  const bins = mapper.edges.map((e, f) => {
    const col = table.columns[f]!;
    const out = new Uint8Array(table.nRows);
    for (let i = 0; i < table.nRows; i++) out[i] = binValue(e, col[i]);
    return out;
  });
  return {nRows: table.nRows, nFeatures: bins.length, bins, mapper};
}
