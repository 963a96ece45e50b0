// What the KPI cards compare (kpis.json, states.json, categories.json): which months, and each KPI's change. The
// windows come from comparisonWindow() (lib/comparison-window.ts), the changes from kpiChange() (lib/kpi-change.ts).

/** A calendar month and whether it can be compared, from the warehouse's month calendar. */
export interface MonthDensity {
  /** YYYY-MM */
  month: string;
  /** The month ended on or before the analysis date. */
  complete: boolean;
  /** The data are sparse in it (the data-quality page's rule). */
  sparse: boolean;
}

/** The months of one side of a comparison. */
export interface PeriodWindow {
  /** YYYY-MM, oldest first. */
  months: string[];
  /** "Jun–Aug 2018"; "Mar, May–Jun 2018" when a sparse month is skipped. */
  label: string;
  /** The last day of the last month (YYYY-MM-DD): the date "as of" figures are taken at. */
  as_of: string;
}

export type LeftOutReason = "incomplete" | "sparse" | "incomplete and sparse";

export interface Comparison {
  /** The rule, in one sentence, for pages and the README. */
  rule: string;
  /** The last complete months (null when the data have fewer than `length` of them). */
  recent: PeriodWindow | null;
  /** The complete months before them. */
  previous: PeriodWindow | null;
  /** The same calendar months a year earlier, when the data reach them and all of them are complete. */
  year_ago: PeriodWindow | null;
  /** Why a side is missing, in words ("the data start in Jan 2017"). */
  missing: {recent?: string; previous?: string; year_ago?: string};
  /** Months from the first sparkline month (or the earliest compared one) to the end of the data that are never
   * compared, and why: the sparklines leave them blank. */
  left_out: {month: string; reason: LeftOutReason}[];
  /** The months of the sparklines, oldest first, ending with the last recent month (at most 24). */
  sparkline_months: string[];
}

/** How a change is given: relative for amounts and counts, a difference for rates (in points) and scores. */
export type ChangeMeasure = "relative" | "points" | "difference";

/**
 * How a change reads: `better` or `worse` for the business (churn up is worse), `flat` when it rounds to zero as
 * shown, `few_orders` when either side has fewer than MIN_ORDERS_TO_COMPARE orders (shown, never coloured).
 */
export type ChangeTone = "better" | "worse" | "flat" | "few_orders";

export interface KpiChange {
  /** "months": the figure over the window's orders; "month_end": the figure as of the window's last day. */
  basis: "months" | "month_end";
  measure: ChangeMeasure;
  /** Which way is good news. */
  better: "up" | "down";
  recent: number | null;
  previous: number | null;
  year_ago: number | null;
  /** relative: recent / previous − 1; points and difference: recent − previous (0.012 = 1.2 points). */
  vs_previous: number | null;
  vs_year_ago: number | null;
  tone_vs_previous: ChangeTone | null;
  tone_vs_year_ago: ChangeTone | null;
  /** One value per Comparison.sparkline_months; null for a month that is not compared (incomplete or sparse). */
  monthly: (number | null)[];
}

/** Below this many orders on either side a change is shown but not coloured, and the sentences say so. */
export const MIN_ORDERS_TO_COMPARE = 30;
