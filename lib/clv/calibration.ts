// Calibration vs holdout check (FHL 2005, Fig. 4 style): group customers by their calibration-period
// repeat frequency and compare the model's mean E[Y(t*) | x, t_x, T] with the mean actual holdout count.

import {conditionalExpectedPurchases, type BgNbdParams} from "./bgnbd.js";

export interface CalibrationRow {
  x: number;
  tx: number;
  T: number;
  /** Actual repeat purchases in the holdout period. */
  actual: number;
}

export interface CalibrationBucket {
  /** "0", "1", …, and e.g. "4+" for the last bucket. */
  label: string;
  n: number;
  meanActual: number;
  meanExpected: number;
  sumActual: number;
  sumExpected: number;
}

/** Buckets x = 0, 1, …, maxBucket−1 and "maxBucket+" (default 4 → 0, 1, 2, 3, 4+); empty buckets are kept with n = 0. */
export function calibrationByFrequency(
  params: BgNbdParams,
  rows: readonly CalibrationRow[],
  holdoutLength: number,
  maxBucket = 4
): CalibrationBucket[] {
  const buckets: CalibrationBucket[] = Array.from({length: maxBucket + 1}, (_, i) => ({
    label: i === maxBucket ? `${i}+` : String(i),
    n: 0,
    meanActual: NaN,
    meanExpected: NaN,
    sumActual: 0,
    sumExpected: 0
  }));
  for (const row of rows) {
    const bucket = buckets[Math.min(row.x, maxBucket)]!;
    bucket.n++;
    bucket.sumActual += row.actual;
    bucket.sumExpected += conditionalExpectedPurchases(params, holdoutLength, row.x, row.tx, row.T);
  }
  for (const b of buckets) {
    if (b.n > 0) {
      b.meanActual = b.sumActual / b.n;
      b.meanExpected = b.sumExpected / b.n;
    }
  }
  return buckets;
}
