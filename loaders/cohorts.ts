// Monthly acquisition cohorts: the compact cube the Cohorts page filters in the browser, and the public,
// unfiltered cohorts.json (computed from the orders directly, not from the cube). Definitions: lib/cohorts.ts.
import {
  COHORT_DEFINITIONS,
  MIN_COHORT_SIZE,
  shapeCohorts,
  type CalendarMonth,
  type Cohort,
  type CohortActivity,
  type CohortCube
} from "../lib/cohorts.js";
import {sql} from "./sql.js";
import type {Warehouse} from "./warehouse/warehouse.js";

export interface CohortsReport {
  data_source: string;
  analysis_date: string;
  currency: "BRL";
  min_cohort_size: number;
  definitions: typeof COHORT_DEFINITIONS;
  /** Calendar months that are not observable because the data is sparse in them. */
  sparse_months: string[];
  cohorts: Cohort[];
  fingerprint: string;
}

interface CubeRow extends CohortActivity {
  state: string;
  category: string;
  payment_type: string;
}

export async function cohortCalendar(warehouse: Warehouse, analysisDate: string): Promise<CalendarMonth[]> {
  return warehouse.query<CalendarMonth>(sql("cohort-months"), {analysis_date: analysisDate});
}

export async function cohortCube(warehouse: Warehouse): Promise<CohortCube> {
  const analysis_date = await warehouse.analysisDate();
  const rows = await warehouse.query<CubeRow>(sql("cohort-cube"), {analysis_date});
  // Dimension values become indexes into sorted lists: the cube is ~20k cells on the real data.
  const dictionary = (pick: (r: CubeRow) => string) => [...new Set(rows.map(pick))].sort();
  const cohorts = dictionary((r) => r.cohort);
  const states = dictionary((r) => r.state);
  const categories = dictionary((r) => r.category);
  const payment_types = dictionary((r) => r.payment_type);
  const index = (list: string[]) => new Map(list.map((v, i) => [v, i]));
  const [ci, si, ki, pi] = [index(cohorts), index(states), index(categories), index(payment_types)];
  const hasProducts = await warehouse.hasInput("products");
  return {
    analysis_date,
    min_cohort_size: MIN_COHORT_SIZE,
    calendar: await cohortCalendar(warehouse, analysis_date),
    cohorts,
    states,
    categories,
    payment_types,
    ...(hasProducts
      ? {}
      : {categories_missing: "olist_products_dataset.csv is absent, so first orders have no category"}),
    cells: {
      cohort: rows.map((r) => ci.get(r.cohort)!),
      state: rows.map((r) => si.get(r.state)!),
      category: rows.map((r) => ki.get(r.category)!),
      payment_type: rows.map((r) => pi.get(r.payment_type)!),
      month_offset: rows.map((r) => r.month_offset),
      buyers: rows.map((r) => r.buyers),
      revenue: rows.map((r) => r.revenue)
    }
  };
}

/** The public artifact: every cohort, every month offset up to the analysis date, flagged. */
export async function cohortsReport(warehouse: Warehouse): Promise<CohortsReport> {
  const analysis_date = await warehouse.analysisDate();
  const calendar = await cohortCalendar(warehouse, analysis_date);
  const rows = await warehouse.query<CohortActivity>(sql("cohort-summary"), {analysis_date});
  return {
    data_source: warehouse.source.name,
    analysis_date,
    currency: "BRL",
    min_cohort_size: MIN_COHORT_SIZE,
    definitions: COHORT_DEFINITIONS,
    sparse_months: calendar.filter((m) => m.sparse).map((m) => m.month),
    cohorts: shapeCohorts(rows, calendar, analysis_date, MIN_COHORT_SIZE),
    fingerprint: warehouse.fingerprint
  };
}
