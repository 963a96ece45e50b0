// The standard RFM segment table as an ordered list of rules on (R, F, M) scores; the first match wins.
// Adapted from the widely used R × F grid (Champions … Hibernating) to F being fixed order-count bins
// (F = 1 one order, 2 two orders, 3+ three or more; see rfm.ts), with M used where the grid needs a
// value split: Champions need M ≥ 3, Can't Lose Them are lapsed big spenders (M ≥ 4), and among lapsed
// one-time buyers Lost are the lowest-value ones (R = 1, M ≤ 2). Every (R, F, M) in 1..5³ matches one of
// the 11 named rules; the catch-all only catches invalid scores.

export interface ScoreRange {
  min: number;
  max: number;
}

export interface SegmentRule {
  name: string;
  /** Human-readable description (printed on the page). */
  description: string;
  R: ScoreRange;
  F: ScoreRange;
  M: ScoreRange;
}

const any: ScoreRange = {min: 1, max: 5};
const range = (min: number, max: number): ScoreRange => ({min, max});

export const SEGMENT_RULES: readonly SegmentRule[] = [
  {
    name: "Champions",
    description: "Bought recently (R ≥ 4), 3+ orders (F ≥ 3) and spend at least the median (M ≥ 3)",
    R: range(4, 5),
    F: range(3, 5),
    M: range(3, 5)
  },
  {
    name: "Loyal Customers",
    description: "3+ orders (F ≥ 3) and not lapsed (R ≥ 3)",
    R: range(3, 5),
    F: range(3, 5),
    M: any
  },
  {
    name: "Can't Lose Them",
    description: "3+ orders (F ≥ 3) and top-40% spend (M ≥ 4), but long since the last order (R ≤ 2)",
    R: range(1, 2),
    F: range(3, 5),
    M: range(4, 5)
  },
  {
    name: "At Risk",
    description: "Repeat buyers (F ≥ 2) whose last order was long ago (R ≤ 2)",
    R: range(1, 2),
    F: range(2, 5),
    M: any
  },
  {
    name: "Potential Loyalist",
    description: "Recent (R ≥ 4) second-time buyers (F = 2)",
    R: range(4, 5),
    F: range(2, 2),
    M: any
  },
  {
    name: "Need Attention",
    description: "Second-time buyers (F = 2) of middling recency (R = 3)",
    R: range(3, 3),
    F: range(2, 2),
    M: any
  },
  {
    name: "New Customers",
    description: "One order (F = 1), very recent (R = 5)",
    R: range(5, 5),
    F: range(1, 1),
    M: any
  },
  {name: "Promising", description: "One order (F = 1), recent (R = 4)", R: range(4, 4), F: range(1, 1), M: any},
  {
    name: "About To Sleep",
    description: "One order (F = 1), middling recency (R = 3)",
    R: range(3, 3),
    F: range(1, 1),
    M: any
  },
  {
    name: "Lost",
    description: "One low-value order (F = 1, M ≤ 2), least recent (R = 1)",
    R: range(1, 1),
    F: range(1, 1),
    M: range(1, 2)
  },
  {name: "Hibernating", description: "One order (F = 1), long ago (R ≤ 2)", R: range(1, 2), F: range(1, 1), M: any}
];

export const CATCH_ALL_SEGMENT = "Other";

const inRange = (v: number, r: ScoreRange) => v >= r.min && v <= r.max;

export function matchesRule(rule: SegmentRule, s: {R: number; F: number; M: number}): boolean {
  return inRange(s.R, rule.R) && inRange(s.F, rule.F) && inRange(s.M, rule.M);
}

/** The first matching rule's name, or the catch-all. */
export function assignSegment(
  s: {R: number; F: number; M: number},
  rules: readonly SegmentRule[] = SEGMENT_RULES
): string {
  for (const rule of rules) if (matchesRule(rule, s)) return rule.name;
  return CATCH_ALL_SEGMENT;
}

/** Segment names in table order, followed by the catch-all. */
export const SEGMENT_NAMES: readonly string[] = [...SEGMENT_RULES.map((r) => r.name), CATCH_ALL_SEGMENT];
