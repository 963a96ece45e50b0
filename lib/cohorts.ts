// Monthly acquisition cohorts from the cohort cube: retention, cumulative revenue per customer (LTV progression)
// and months to payback. Pure: the cohorts loader (Node) and the Cohorts page (browser) share it.
//
// Definitions (loaders/sql/cohort-cube.sql builds the cube with them):
// - a person is a customer_unique_id; only valid orders (not canceled/unavailable) of known customers purchased
//   on or before the analysis date count;
// - the cohort is the calendar month of the person's first such order;
// - month k (k ≥ 0) of a cohort is the calendar month cohort + k; a person is retained in month k ≥ 1 when they
//   placed at least one order in that calendar month (calendar months, not 30-day windows, so that every cell
//   of a cohort row lines up with a real month of the data and can be checked against it);
// - revenue is payment_value, and it includes the first order: month 0 holds the acquisition month's revenue;
// - month k is observable when its calendar month ended on or before the analysis date and is not sparse in
//   the data (fewer than 5% of the median month's orders); otherwise it is shipped but flagged;
// - a cohort with fewer than `min_cohort_size` people is small: its shares are shipped but flagged.
import {round} from "./num.js";

/** The default minimum cohort size below which shares are greyed out. */
export const MIN_COHORT_SIZE = 30;

/** The definitions in words, for the page and the public cohorts.json. */
export const COHORT_DEFINITIONS = {
  person:
    "a customer_unique_id; only orders that are not canceled or unavailable, of known customers, purchased on or before the analysis date, count",
  cohort: "the calendar month (YYYY-MM) of the person's first such order",
  month_offset:
    "k = calendar months since the cohort month: month k is the calendar month cohort + k (0 = the cohort month)",
  retained:
    "people of the cohort with at least one order in calendar month cohort + k; at k = 0, every person of the cohort",
  revenue:
    "payment_value of the cohort's orders in that month, in BRL; the first order is included (month 0 holds it), so cumulative revenue is revenue to date",
  observable:
    "month k's calendar month ended on or before the analysis date and is not sparse (at least 5% of the median month's orders); other months are shipped but flagged false",
  small: `the cohort has fewer than ${MIN_COHORT_SIZE} people: its shares are too noisy to read and are greyed out on the page`,
  payback:
    "the first observable month k at which gross margin × cumulative revenue per customer reaches the acquisition cost per customer (0 = within the acquisition month)"
} as const;

export interface CalendarMonth {
  month: string; // YYYY-MM
  orders: number;
  /** The month ended on or before the analysis date. */
  complete: boolean;
  /** Fewer than 5% of the median month's orders (no order at all included). */
  sparse: boolean;
}

/** The compact cube the page filters: columnar cells, dimensions as indexes into the lists. */
export interface CohortCube {
  analysis_date: string;
  min_cohort_size: number;
  calendar: CalendarMonth[];
  cohorts: string[];
  states: string[];
  categories: string[];
  payment_types: string[];
  /** Set when a missing optional file makes a dimension meaningless. */
  categories_missing?: string;
  cells: {
    cohort: number[];
    state: number[];
    category: number[];
    payment_type: number[];
    month_offset: number[];
    /** People of the cell with an order in month k; at k = 0, every person of the cell. */
    buyers: number[];
    revenue: number[];
  };
}

/** One cube row once dimensions are resolved, or one row of the unfiltered cohort summary. */
export interface CohortActivity {
  cohort: string;
  month_offset: number;
  buyers: number;
  revenue: number;
}

export interface CohortMonth {
  month_offset: number;
  month: string;
  /** People who bought in month k (k = 0: the whole cohort). */
  retained: number;
  retention: number;
  revenue: number;
  cumulative_revenue: number;
  cumulative_revenue_per_customer: number;
  observable: boolean;
}

export interface Cohort {
  cohort: string;
  people: number;
  small: boolean;
  /** Month offsets 0 … (analysis month − cohort month), flagged when not observable. */
  months: CohortMonth[];
}

export interface CohortFilter {
  state?: string | null;
  category?: string | null;
  payment_type?: string | null;
}

export interface PooledMonth {
  month_offset: number;
  /** Cohorts (not small) whose month k is observable, and their people. */
  cohorts: number;
  people: number;
  retained: number;
  retention: number;
  revenue_per_customer: number;
  cumulative_revenue_per_customer: number;
}

export interface PaybackInputs {
  /** Acquisition cost per customer, in BRL. */
  acquisitionCost: number;
  /** Gross margin as a share of revenue, 0–1. */
  grossMargin: number;
}

/** "2017-11" + 3 → "2018-02". */
export function addMonths(month: string, k: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Calendar months from `a` to `b` ("2017-11" → "2018-02" is 3). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split("-").map(Number);
  const [yb, mb] = b.split("-").map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

/** The last day of a month, YYYY-MM-DD. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Whether the calendar month ended on or before the analysis date (its last day included). */
export function monthComplete(month: string, analysisDate: string): boolean {
  return lastDayOfMonth(month) <= analysisDate;
}

export function monthObservable(month: CalendarMonth | undefined): boolean {
  return month !== undefined && month.complete && !month.sparse;
}

/**
 * Cohorts from activity rows (summed per cohort and month offset, in any order): every month offset from 0 to
 * the analysis month, cumulative revenue, observable and small flags. Cohorts with no people are left out.
 */
export function shapeCohorts(
  rows: CohortActivity[],
  calendar: CalendarMonth[],
  analysisDate: string,
  minCohortSize = MIN_COHORT_SIZE
): Cohort[] {
  const byCohort = new Map<string, Map<number, {buyers: number; revenue: number}>>();
  for (const row of rows) {
    let months = byCohort.get(row.cohort);
    if (!months) byCohort.set(row.cohort, (months = new Map()));
    const cell = months.get(row.month_offset) ?? {buyers: 0, revenue: 0};
    cell.buyers += row.buyers;
    cell.revenue += row.revenue;
    months.set(row.month_offset, cell);
  }
  const calendarByMonth = new Map(calendar.map((c) => [c.month, c]));
  const analysisMonth = analysisDate.slice(0, 7);
  const cohorts: Cohort[] = [];
  for (const cohort of [...byCohort.keys()].sort()) {
    const cells = byCohort.get(cohort)!;
    const people = cells.get(0)?.buyers ?? 0;
    if (people === 0) continue;
    const months: CohortMonth[] = [];
    let cumulative = 0;
    for (let k = 0; k <= monthsBetween(cohort, analysisMonth); k++) {
      const cell = cells.get(k) ?? {buyers: 0, revenue: 0};
      cumulative += cell.revenue;
      const month = addMonths(cohort, k);
      months.push({
        month_offset: k,
        month,
        retained: cell.buyers,
        retention: round(cell.buyers / people, 6),
        revenue: round(cell.revenue, 2),
        cumulative_revenue: round(cumulative, 2),
        cumulative_revenue_per_customer: round(cumulative / people, 4),
        observable: monthObservable(calendarByMonth.get(month))
      });
    }
    cohorts.push({cohort, people, small: people < minCohortSize, months});
  }
  return cohorts;
}

/** Sums the cube's cells that match the filter (null or absent: every value) into cohorts. */
export function filterCube(cube: CohortCube, filter: CohortFilter = {}): CohortActivity[] {
  const wanted = (list: string[], value: string | null | undefined) => (value == null ? -1 : list.indexOf(value));
  const state = wanted(cube.states, filter.state);
  const category = wanted(cube.categories, filter.category);
  const payment = wanted(cube.payment_types, filter.payment_type);
  // A value the cube does not know matches nothing (indexOf gives -1 only for "every value" above).
  if (
    (filter.state != null && state < 0) ||
    (filter.category != null && category < 0) ||
    (filter.payment_type != null && payment < 0)
  )
    return [];
  const c = cube.cells;
  const rows: CohortActivity[] = [];
  for (let i = 0; i < c.cohort.length; i++) {
    if (state >= 0 && c.state[i] !== state) continue;
    if (category >= 0 && c.category[i] !== category) continue;
    if (payment >= 0 && c.payment_type[i] !== payment) continue;
    rows.push({
      cohort: cube.cohorts[c.cohort[i]],
      month_offset: c.month_offset[i],
      buyers: c.buyers[i],
      revenue: c.revenue[i]
    });
  }
  return rows;
}

/** The cohorts of the people who match the filter. */
export function cohortsFromCube(
  cube: CohortCube,
  filter: CohortFilter = {},
  minCohortSize = cube.min_cohort_size
): Cohort[] {
  return shapeCohorts(filterCube(cube, filter), cube.calendar, cube.analysis_date, minCohortSize);
}

/**
 * One curve for a set of cohorts: at each month k, the cohorts that are not small and whose month k is
 * observable, weighted by their people. Cumulative revenue per customer chains the monthly increments, so a
 * later month, seen by fewer (older) cohorts, still adds to the same curve.
 */
export function pooledCurve(cohorts: Cohort[]): PooledMonth[] {
  const maxOffset = Math.max(-1, ...cohorts.map((c) => c.months.length - 1));
  const curve: PooledMonth[] = [];
  let cumulative = 0;
  for (let k = 0; k <= maxOffset; k++) {
    let people = 0;
    let retained = 0;
    let revenue = 0;
    let n = 0;
    for (const cohort of cohorts) {
      const month = cohort.months[k];
      if (cohort.small || !month?.observable) continue;
      n++;
      people += cohort.people;
      retained += month.retained;
      revenue += month.revenue;
    }
    if (people === 0) continue;
    cumulative += revenue / people;
    curve.push({
      month_offset: k,
      cohorts: n,
      people,
      retained,
      retention: round(retained / people, 6),
      revenue_per_customer: round(revenue / people, 4),
      cumulative_revenue_per_customer: round(cumulative, 4)
    });
  }
  return curve;
}

/**
 * Months to payback: the first observable month k at which gross margin on cumulative revenue per customer
 * (the first order included) covers the acquisition cost; 0 means within the acquisition month. null when it
 * is not reached in the months observed so far.
 */
export function paybackMonth(
  months: Array<{month_offset: number; cumulative_revenue_per_customer: number; observable?: boolean}>,
  {acquisitionCost, grossMargin}: PaybackInputs
): number | null {
  for (const month of months) {
    if (month.observable === false) continue;
    // A tolerance of a thousandth of a cent, so that an exact payback is not missed to floating point.
    if (grossMargin * month.cumulative_revenue_per_customer >= acquisitionCost - 1e-5) return month.month_offset;
  }
  return null;
}

export interface CohortPayback {
  cohort: string;
  people: number;
  small: boolean;
  /** Months to payback, or null when not reached by `last_observed_offset`. */
  payback_month: number | null;
  /** The last observable month offset (−1 when none is). */
  last_observed_offset: number;
}

export function cohortPaybacks(cohorts: Cohort[], inputs: PaybackInputs): CohortPayback[] {
  return cohorts.map((c) => ({
    cohort: c.cohort,
    people: c.people,
    small: c.small,
    payback_month: paybackMonth(c.months, inputs),
    last_observed_offset: Math.max(-1, ...c.months.filter((m) => m.observable).map((m) => m.month_offset))
  }));
}
