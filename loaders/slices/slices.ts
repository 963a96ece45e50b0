// What every templated page (a state, a category) shows: the overview's KPIs computed over the slice's orders,
// their changes between the last complete months and the months before / a year earlier, its "what changed"
// sentences, its monthly trend and its top lists. states.ts and categories.ts fill these in, one file per
// dimension; the published types are in lib/contracts/slices.ts.
import type {Comparison} from "../../lib/contracts/changes.js";
import {
  sliceCards,
  type MonthPoint,
  type RevenueBasis,
  type SliceCardField,
  type SliceKpis,
  type SliceWithChanges
} from "../../lib/contracts/slices.js";
import {kpiChanges} from "../../lib/kpi-change.js";
import {ratio, round} from "../../lib/num.js";
import {sliceMovers, whatChanged} from "../../lib/what-changed.js";
import {asOfDate, monthEnds, periodParams} from "../comparison.js";
import {listValue} from "@duckdb/node-api";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
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

/** A slice's sums over one period (a month YYYY-MM, or a side of the comparison). */
export interface SlicePeriod {
  key: string;
  period: string;
  orders: number;
  orders_paid: number;
  revenue: number;
  customers: number;
  on_time_rate: number | null;
  review_score: number | null;
}

const nullableRound = (value: number | null, digits: number) => (value === null ? null : round(value, digits));

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
    aov: nullableRound(ratio(r.revenue ?? 0, r.orders_paid), 2),
    repeat_customer_rate: nullableRound(ratio(r.repeat_buyers, r.buyers), 6),
    on_time_rate: nullableRound(r.on_time_rate, 6),
    review_score: nullableRound(r.review_score, 4)
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

/** The queries behind a dimension's changes (loaders/sql/slices/DIMENSION-periods.sql and -repeat-as-of.sql). */
export interface ChangeQueries {
  periods: string;
  repeatAsOf: string;
}

/**
 * Each slice with its cards' changes, its sentences and its monthly trend. `months` are the calendar months of
 * the data up to the analysis date (the trend covers them all; the sparklines the comparison's).
 */
export async function withChanges<T extends SliceKpis>(
  warehouse: Warehouse,
  slices: T[],
  {
    analysisDate,
    comparison,
    months,
    basis,
    queries
  }: {
    analysisDate: string;
    comparison: Comparison;
    months: string[];
    basis: RevenueBasis;
    queries: ChangeQueries;
  }
): Promise<(T & SliceWithChanges)[]> {
  const periods = byKey(
    await warehouse.query<SlicePeriod>(sql(queries.periods), {
      analysis_date: analysisDate,
      ...periodParams(comparison, months)
    })
  );
  // Month ends as YYYY-MM: the repeat counts are cumulative by month.
  const ends = [...new Set(monthEnds(comparison).map((d) => d.slice(0, 7)))];
  const repeats = byKey(
    ends.length
      ? await warehouse.query<{key: string; month: string; buyers: number; repeat_buyers: number}>(
          sql(queries.repeatAsOf),
          {analysis_date: analysisDate, months: listValue(ends)}
        )
      : []
  );
  const cards = sliceCards(basis);
  return slices.map((slice) => {
    const rows = new Map((periods.get(slice.key) ?? []).map((p) => [p.period, p]));
    const repeat = new Map((repeats.get(slice.key) ?? []).map((r) => [r.month, r]));
    const value = (period: string, field: SliceCardField): number | null => {
      const p = rows.get(period);
      switch (field) {
        case "revenue":
          return p?.revenue ?? 0;
        case "orders":
          return p?.orders ?? 0;
        case "customers":
          return p?.customers ?? 0;
        case "aov":
          return p ? ratio(p.revenue, p.orders_paid) : null;
        case "on_time_rate":
          return p?.on_time_rate ?? null;
        case "review_score":
          return p?.review_score ?? null;
        case "repeat_customer_rate": {
          const r = repeat.get(asOfDate(comparison, period)?.slice(0, 7) ?? "");
          return r ? ratio(r.repeat_buyers, r.buyers) : null;
        }
      }
    };
    const changes = kpiChanges(cards, comparison, {value, orders: (period) => rows.get(period)?.orders ?? 0});
    const monthly: MonthPoint[] = months
      .filter((m) => rows.has(m))
      .map((m) => ({month: m, orders: rows.get(m)!.orders, revenue: round(rows.get(m)!.revenue, 2)}));
    return {
      ...slice,
      changes,
      what_changed: whatChanged({cards, changes, comparison, headline: ["revenue", "orders", "customers"]}),
      monthly
    };
  });
}

/** The index page's sentences: the slices whose revenue grew and fell most. */
export function indexSentences(
  slices: SliceWithChanges[],
  comparison: Comparison,
  {singular, plural, basis}: {singular: string; plural: string; basis: RevenueBasis}
): string[] {
  return sliceMovers(slices, comparison, {singular, plural, card: sliceCards(basis)[0]});
}
