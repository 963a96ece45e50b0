// The checks an analyst runs on a buy-till-you-die fit (the plots of lifetimes' `plotting` module), for any of the
// three purchase models, on grouped rows so that their cost does not grow with the number of people:
// - calibration vs holdout: people grouped by calibration-period repeat purchases x, mean E[Y(t*) | x, t_x, T]
//   against the mean actual holdout purchases (FHL 2005, Fig. 4; plot_calibration_purchases_vs_holdout_purchases);
// - period transactions: people by x in the calibration period against Σ_i P(X(T_i) = x) (plot_period_transactions);
// - tracking: repeat purchases per week over calendar time against Σ_cohorts n · ΔE[X(t)] (plot_cumulative_ and
//   plot_incremental_transactions);
// - P(alive) and expected purchases over frequency × recency (plot_probability_alive_matrix,
//   plot_frequency_recency_matrix).
import {conditionalExpected, type ModelParams, type PurchaseModel} from "./models.js";

export interface CalibrationRow {
  x: number;
  tx: number;
  T: number;
  /** People with this (x, t_x, T) (default 1). */
  count?: number;
  /** Their actual repeat purchases in the holdout period, summed. */
  actual: number;
}

export interface CalibrationBucket {
  /** "0", "1", …, and e.g. "6+" for the last bucket. */
  label: string;
  n: number;
  meanActual: number;
  meanExpected: number;
  sumActual: number;
  sumExpected: number;
}

/** Buckets x = 0, 1, …, maxBucket−1 and "maxBucket+" (empty buckets kept with n = 0 and NaN means). */
export function calibrationByFrequency(
  model: PurchaseModel,
  params: ModelParams,
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
    const count = row.count ?? 1;
    const bucket = buckets[Math.min(row.x, maxBucket)]!;
    bucket.n += count;
    bucket.sumActual += row.actual;
    bucket.sumExpected += count * conditionalExpected(model, params, holdoutLength, row.x, row.tx, row.T);
  }
  for (const b of buckets) {
    if (b.n > 0) {
      b.meanActual = b.sumActual / b.n;
      b.meanExpected = b.sumExpected / b.n;
    }
  }
  return buckets;
}

/**
 * The holdout error used to choose between models: Σ_buckets |actual − expected| / people, i.e. the people-weighted
 * mean absolute difference between the bucket means. It rewards a model that is right for one-time buyers and for
 * frequent buyers alike, not only in total.
 */
export function holdoutError(buckets: readonly CalibrationBucket[]): number {
  const n = buckets.reduce((s, b) => s + b.n, 0);
  return buckets.reduce((s, b) => s + Math.abs(b.sumActual - b.sumExpected), 0) / n;
}

/**
 * Expected people by repeat purchases in the calibration period: Σ over ages T of n_T · P(X(T) = x), for
 * x = 0 … maxX−1 and the rest as "maxX+" (1 − the others, per person).
 */
export function periodTransactions(
  model: PurchaseModel,
  params: ModelParams,
  ages: readonly {T: number; count: number}[],
  maxX: number
): number[] {
  const expected = new Array<number>(maxX + 1).fill(0);
  for (const {T, count} of ages) {
    let below = 0;
    for (let x = 0; x < maxX; x++) {
      const p = model.probabilityOfPurchases(params, x, T);
      below += p;
      expected[x]! += count * p;
    }
    expected[maxX]! += count * Math.max(0, 1 - below);
  }
  return expected;
}

/**
 * Cumulative expected repeat purchases of the people who had made their first purchase by day `cohortEnd`, at
 * each of `days`: Σ_cohorts n_f · E[X((day − f) / unitDays)] (a cohort counts from its first purchase day f).
 */
export function trackingExpected(
  model: PurchaseModel,
  params: ModelParams,
  cohorts: readonly {firstDay: number; people: number}[],
  days: readonly number[],
  unitDays = 7
): number[] {
  const memo = new Map<number, number>();
  const expectedAt = (age: number) => {
    let v = memo.get(age);
    if (v === undefined) memo.set(age, (v = model.expectedPurchases(params, age / unitDays)));
    return v;
  };
  return days.map((day) =>
    cohorts.reduce((s, c) => (day > c.firstDay ? s + c.people * expectedAt(day - c.firstDay) : s), 0)
  );
}

/**
 * P(alive) and E[Y(horizon) | x, t_x, T] for a hypothetical customer of age T, over x = 0 … maxX (rows) and
 * recency t_x in `recencies` (columns; a cell with t_x > T, or t_x > 0 when x = 0, is null).
 */
export function frequencyRecencyMatrices(
  model: PurchaseModel,
  params: ModelParams,
  {maxX, T, recencies, horizon}: {maxX: number; T: number; recencies: readonly number[]; horizon: number}
): {pAlive: (number | null)[][]; expected: (number | null)[][]} {
  const pAlive: (number | null)[][] = [];
  const expected: (number | null)[][] = [];
  for (let x = 0; x <= maxX; x++) {
    const ifAlive = model.expectedIfAlive(params, horizon, x, T);
    const valid = (tx: number) => tx <= T && (x > 0 || tx === 0);
    const row = recencies.map((tx) => (valid(tx) ? model.probabilityAlive(params, x, tx, T) : null));
    pAlive.push(row);
    expected.push(row.map((p) => (p === null ? null : p * ifAlive)));
  }
  return {pAlive, expected};
}
