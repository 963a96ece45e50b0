// What every templated page (a state, a category) shows: the overview's KPIs computed over the slice's orders,
// its monthly trend and its top lists. states.ts and categories.ts fill these in, one file per dimension.
import {uniqueSlugs} from "./slug.js";

/** One row of a slice query before the ratios: the same sums as loaders/sql/kpis.sql, per slice. */
export interface SliceTotals {
  key: string;
  name: string;
  customers: number;
  orders: number;
  /** Orders the average order value divides by. */
  orders_paid: number;
  revenue: number;
  /** People with a valid order in the slice, and those with two or more. */
  buyers: number;
  repeat_buyers: number;
  on_time_rate: number | null;
  review_score: number | null;
}

export interface SliceKpis {
  /** The value in the data (a state code, a Portuguese category name). */
  key: string;
  /** What the page calls it (the state code, the English category name). */
  name: string;
  /** The page's URL segment: /states/SLUG, /categories/SLUG. */
  slug: string;
  customers: number;
  orders: number;
  revenue: number;
  aov: number;
  repeat_customer_rate: number;
  /** Share of delivered, valid orders delivered by the estimated date; null when none was delivered. */
  on_time_rate: number | null;
  /** Mean review score (1–5) of valid orders with a review; null when none has one. */
  review_score: number | null;
}

export interface MonthPoint {
  month: string;
  orders: number;
  revenue: number;
}

export interface SliceFile<T extends SliceKpis> {
  analysis_date: string;
  /** What `revenue` sums: payments (states, as the overview's revenue) or item prices (categories). */
  revenue_basis: "payments" | "items";
  slices: T[];
  /** Why there are no slices, when an optional input file is missing. */
  missing?: string;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** The KPIs of each slice, with a unique slug per slice (slugs are given in name order, so they are stable). */
export function sliceKpis(rows: SliceTotals[]): SliceKpis[] {
  const byName = [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : 1));
  const names = uniqueSlugs(byName.map((r) => r.name));
  const slugs = new Map(byName.map((r, i) => [r, names[i]]));
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    slug: slugs.get(r)!,
    customers: r.customers,
    orders: r.orders,
    revenue: round(r.revenue ?? 0, 2),
    aov: round(ratio(r.revenue ?? 0, r.orders_paid), 2),
    repeat_customer_rate: round(ratio(r.repeat_buyers, r.buyers), 6),
    on_time_rate: r.on_time_rate == null ? null : round(r.on_time_rate, 6),
    review_score: r.review_score == null ? null : round(r.review_score, 4)
  }));
}

/** Rows of a per-slice query, grouped by their `key` column (which is dropped). */
export function byKey<T extends {key: string}>(rows: T[]): Map<string, Omit<T, "key">[]> {
  const groups = new Map<string, Omit<T, "key">[]>();
  for (const {key, ...rest} of rows) {
    const group = groups.get(key) ?? [];
    group.push(rest);
    groups.set(key, group);
  }
  return groups;
}
