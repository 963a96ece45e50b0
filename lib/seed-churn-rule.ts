// The seed's descriptive churn rule, kept as the dashboard's churn status. It is a rule on recency and
// frequency, not a prediction (the churn model predicts future purchases instead). Per person, over orders
// that are not canceled or unavailable, as of the analysis date.

export type ChurnGroup = "frequent" | "repeat" | "one-time";

export interface ChurnGroupRule {
  group: ChurnGroup;
  label: string;
  shortLabel: string;
  /** A person is churned after more than this many days without a purchase. */
  churnAfterDays: number;
}

/** Repeat buyers whose average gap between orders is below this many days are "frequent". */
export const FREQUENT_GAP_DAYS = 90;

export const SEED_CHURN_RULE: readonly ChurnGroupRule[] = [
  {
    group: "frequent",
    shortLabel: "Frequent buyers",
    label: `Frequent buyers (average gap between orders < ${FREQUENT_GAP_DAYS} days)`,
    churnAfterDays: 180
  },
  {group: "repeat", shortLabel: "Other repeat buyers", label: "Other repeat buyers", churnAfterDays: 365},
  {group: "one-time", shortLabel: "One-time buyers", label: "One-time buyers", churnAfterDays: 540}
];

export interface PurchaseHistory {
  orders: number;
  /** Days between first and last purchase divided by (orders − 1); ignored for one-time buyers. */
  avgGapDays: number | null;
  daysSinceLastPurchase: number;
}

export function churnGroup({orders, avgGapDays}: Pick<PurchaseHistory, "orders" | "avgGapDays">): ChurnGroup {
  if (!(orders >= 1)) throw new RangeError(`orders must be at least 1, got ${orders}`);
  if (orders === 1) return "one-time";
  if (avgGapDays === null || !(avgGapDays >= 0))
    throw new RangeError(`a repeat buyer needs an average gap ≥ 0, got ${avgGapDays}`);
  return avgGapDays < FREQUENT_GAP_DAYS ? "frequent" : "repeat";
}

export function isChurned(history: PurchaseHistory): boolean {
  const rule = SEED_CHURN_RULE.find((r) => r.group === churnGroup(history))!;
  return history.daysSinceLastPurchase > rule.churnAfterDays;
}

export interface ChurnSummaryRow extends ChurnGroupRule {
  customers: number;
  churned: number;
}

/** Counts people and churned people per group. */
export function summariseChurn(people: Iterable<PurchaseHistory>): ChurnSummaryRow[] {
  const rows = SEED_CHURN_RULE.map((rule) => ({...rule, customers: 0, churned: 0}));
  for (const person of people) {
    const row = rows.find((r) => r.group === churnGroup(person))!;
    row.customers += 1;
    if (isChurned(person)) row.churned += 1;
  }
  return rows;
}
