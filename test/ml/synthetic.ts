// Seeded synthetic binary-classification data for the ML tests (and the timing script in the report).
import {Rng} from "../../lib/random.js";
import type {ColumnTable} from "../../lib/ml/bins.js";

export interface Synthetic {
  table: ColumnTable;
  labels: Float64Array;
  /** True log-odds used to draw the labels. */
  logit: Float64Array;
}

/**
 * nRows × nFeatures (nFeatures ≥ 6) standard-normal features; the signal uses features 0–5 nonlinearly
 * (a sine, an interaction, a step and an XOR); the rest are noise. `missingRate` of feature 1 is NaN
 * (then treated as "high risk" by the signal so that missingness carries information).
 */
export function nonlinear(nRows: number, nFeatures: number, seed: number, missingRate = 0.05): Synthetic {
  const r = new Rng(seed);
  const cols = Array.from({length: nFeatures}, () => new Float64Array(nRows));
  const labels = new Float64Array(nRows);
  const logit = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    for (let f = 0; f < nFeatures; f++) cols[f]![i] = r.normal();
    const x = (f: number) => cols[f]![i]!;
    const missing = r.next() < missingRate;
    let z =
      1.5 * Math.sin(2 * x(0)) +
      (missing ? 1 : x(1) * x(2)) +
      (x(3) > 0.5 ? 1.2 : -0.6) +
      1.5 * (x(4) > 0 !== x(5) > 0 ? 1 : -1) -
      0.3;
    if (missing) cols[1]![i] = NaN;
    logit[i] = z;
    labels[i] = r.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return {table: {nRows, columns: cols}, labels, logit};
}

/** Pure XOR of the signs of features 0 and 1 (plus noise features): invisible to a linear model. */
export function xor(nRows: number, nFeatures: number, seed: number): Synthetic {
  const r = new Rng(seed);
  const cols = Array.from({length: nFeatures}, () => new Float64Array(nRows));
  const labels = new Float64Array(nRows);
  const logit = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    for (let f = 0; f < nFeatures; f++) cols[f]![i] = r.normal();
    const z = 3 * (cols[0]![i]! > 0 !== cols[1]![i]! > 0 ? 1 : -1);
    logit[i] = z;
    labels[i] = r.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return {table: {nRows, columns: cols}, labels, logit};
}

/** Rows [start, end) of a synthetic set. */
export function slice(s: Synthetic, start: number, end: number): Synthetic {
  return {
    table: {nRows: end - start, columns: s.table.columns.map((c) => (c as Float64Array).subarray(start, end))},
    labels: s.labels.subarray(start, end),
    logit: s.logit.subarray(start, end)
  };
}
