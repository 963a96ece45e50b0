// RFM scores 1–5 per customer.
//   R: quintiles of recency (days since last order), 5 = most recent.
//   M: quintiles of monetary value (total spend), 5 = highest.
//   F: FIXED bins on the number of orders: 1, 2, 3, 4, 5+ → 1..5. On Olist ≈97% of customers order once,
//      so quintiles of F would put almost everyone in one tied bin and the score would carry no meaning;
//      fixed bins keep "bought twice" and "bought five times" distinguishable.
// Quintiles are rank-based: score = 1 + floor(5 · (number of customers strictly worse) / n). Ties get the
// same score (that of the lowest position of the tied block, like SQL RANK()), so a large tied block can
// make a score level be skipped (e.g. if 40% share the lowest spend, the next value scores 3).

export interface RfmInput {
  id: string;
  /** Days since the customer's last order (as of the analysis date). */
  recencyDays: number;
  /** Number of orders (≥ 1). */
  orders: number;
  /** Total spend. */
  monetary: number;
}

export interface RfmScore {
  id: string;
  R: number;
  F: number;
  M: number;
}

/** Count of elements of the ascending array `sorted` that are < v (binary search). */
function countBelow(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Count of elements of the ascending array `sorted` that are > v. */
function countAbove(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/**
 * Rank-based quintile scores 1..5: 1 + floor(5 · worse / n), where `worse` counts values strictly below v
 * (higherIsBetter) or strictly above v (lower is better, as for recency). Ties share a score.
 */
export function quintileScores(values: readonly number[], higherIsBetter = true): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((v) => {
    const worse = higherIsBetter ? countBelow(sorted, v) : countAbove(sorted, v);
    return 1 + Math.floor((5 * worse) / n);
  });
}

/** F score from fixed bins: 1, 2, 3, 4, 5+ orders → 1..5 (orders below 1 are treated as 1). */
export function frequencyScore(orders: number): number {
  return Math.max(1, Math.min(5, Math.floor(orders)));
}

export function rfmScores(rows: readonly RfmInput[]): RfmScore[] {
  const R = quintileScores(
    rows.map((r) => r.recencyDays),
    false
  );
  const M = quintileScores(
    rows.map((r) => r.monetary),
    true
  );
  return rows.map((row, i) => ({id: row.id, R: R[i]!, F: frequencyScore(row.orders), M: M[i]!}));
}
