// The months the KPI cards compare (lib/comparison-window.ts), from the warehouse's month calendar, and the
// periods a query sums over: each month it needs, and each side of the comparison.
import {listValue, type DuckDBValue} from "@duckdb/node-api";
import {comparisonWindow, lastDay} from "../lib/comparison-window.js";
import type {Comparison, MonthDensity} from "../lib/contracts/changes.js";
import {cohortCalendar} from "./cohorts.js";
import type {Warehouse} from "./warehouse/warehouse.js";

/**
 * The calendar months of the data up to the analysis date, and the months the cards compare. Which months are
 * complete and which are sparse comes from the month calendar the cohorts use.
 */
export async function kpiComparison(
  warehouse: Warehouse,
  analysisDate: string
): Promise<{months: string[]; comparison: Comparison}> {
  const calendar: MonthDensity[] = await cohortCalendar(warehouse, analysisDate);
  return {months: calendar.map((m) => m.month), comparison: comparisonWindow(calendar)};
}

export const SIDES = ["recent", "previous", "year_ago"] as const;

/** $period_months / $period_names for a query: every month as a period of its own, and each side's months. */
export function periodParams(comparison: Comparison, months: string[]): Record<string, DuckDBValue> {
  const pairs: [string, string][] = months.map((m) => [m, m]);
  for (const side of SIDES) for (const m of comparison[side]?.months ?? []) pairs.push([m, side]);
  // Never an empty list (DuckDB cannot type one): a month before any data matches no order.
  if (pairs.length === 0) pairs.push(["0000-01", "none"]);
  return {period_months: listValue(pairs.map((p) => p[0])), period_names: listValue(pairs.map((p) => p[1]))};
}

/** The dates "as of" figures are taken at: the last day of each sparkline month and each side's last day. */
export function monthEnds(comparison: Comparison): string[] {
  const dates = comparison.sparkline_months.map(lastDay);
  for (const side of SIDES) if (comparison[side]) dates.push(comparison[side]!.as_of);
  return [...new Set(dates)].sort();
}

/** The month-end date a period's "as of" figure is taken at: a side's last day, or a month's. */
export function asOfDate(comparison: Comparison, period: string): string | null {
  if ((SIDES as readonly string[]).includes(period)) return comparison[period as (typeof SIDES)[number]]?.as_of ?? null;
  return /^\d{4}-\d{2}$/.test(period) ? lastDay(period) : null;
}
