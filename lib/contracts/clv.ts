// The CLV page's published files, written by loaders/clv/ and read by src/clv.md and its components:
//   clv.json               ClvReport: every fit, the model choice, diagnostics, base totals, top list, aggregates
//   clv-customers.parquet  ClvCustomerRow per person (a download the page links, never loads)
//   clv-lookup.pack        ClvLookupRow per person, sharded (lib/lookup/pack.ts): the customer lookup reads one shard
import {roundSignificant, round} from "../num.js";
import type {CustomerForecast} from "../clv/forecast.js";
import type {PurchaseModelName} from "../clv/models.js";

/** The per-customer figures, rounded as published (the lookup recomputes them the same way). */
export type ClvForecastFields = {
  spend: number | null;
  p_alive: number;
  p_alive_lo: number | null;
  p_alive_hi: number | null;
  purchases_3m: number;
  purchases_3m_lo: number | null;
  purchases_3m_hi: number | null;
  purchases_6m: number;
  purchases_6m_lo: number | null;
  purchases_6m_hi: number | null;
  purchases_12m: number;
  purchases_12m_lo: number | null;
  purchases_12m_hi: number | null;
  clv: number;
  clv_lo: number | null;
  clv_hi: number | null;
};

/** The expected-purchase horizons of the per-customer figures, in months. */
export const PURCHASE_MONTHS = [3, 6, 12] as const;

const sig = (v: number | null) => (v === null || !Number.isFinite(v) ? null : roundSignificant(v, 5));
const money = (v: number | null) => (v === null || !Number.isFinite(v) ? null : round(v, 2));

/** A forecast as published: probabilities and purchases to 5 significant digits, money to cents. */
export function forecastFields(f: CustomerForecast): ClvForecastFields {
  const [m3, m6, m12] = f.purchases as [CustomerForecast["clv"], CustomerForecast["clv"], CustomerForecast["clv"]];
  return {
    spend: money(f.spend),
    p_alive: sig(f.pAlive.value)!,
    p_alive_lo: sig(f.pAlive.lo),
    p_alive_hi: sig(f.pAlive.hi),
    purchases_3m: sig(m3.value)!,
    purchases_3m_lo: sig(m3.lo),
    purchases_3m_hi: sig(m3.hi),
    purchases_6m: sig(m6.value)!,
    purchases_6m_lo: sig(m6.lo),
    purchases_6m_hi: sig(m6.hi),
    purchases_12m: sig(m12.value)!,
    purchases_12m_lo: sig(m12.lo),
    purchases_12m_hi: sig(m12.hi),
    clv: money(f.clv.value) ?? 0,
    clv_lo: money(f.clv.lo),
    clv_hi: money(f.clv.hi)
  };
}

export type ClvCustomerRow = ClvForecastFields & {
  customer_unique_id: string;
  segment: string;
  state: string | null;
  /** Repeat purchases (purchase days after the first), t_x and T in weeks, mean repeat spend m_x. */
  x: number;
  t_x: number;
  T: number;
  m_x: number;
  /** Revenue to date (historical CLV). */
  revenue: number;
  first_purchase: string;
  last_purchase: string;
};

/** clv-customers.parquet's columns and DuckDB types, in file order (sorted by clv descending, then id). */
export const CLV_CUSTOMER_COLUMNS = {
  customer_unique_id: "VARCHAR",
  segment: "VARCHAR",
  state: "VARCHAR",
  x: "INTEGER",
  t_x: "DOUBLE",
  T: "DOUBLE",
  m_x: "DOUBLE",
  revenue: "DOUBLE",
  first_purchase: "DATE",
  last_purchase: "DATE",
  spend: "DOUBLE",
  p_alive: "DOUBLE",
  p_alive_lo: "DOUBLE",
  p_alive_hi: "DOUBLE",
  purchases_3m: "DOUBLE",
  purchases_3m_lo: "DOUBLE",
  purchases_3m_hi: "DOUBLE",
  purchases_6m: "DOUBLE",
  purchases_6m_lo: "DOUBLE",
  purchases_6m_hi: "DOUBLE",
  purchases_12m: "DOUBLE",
  purchases_12m_lo: "DOUBLE",
  purchases_12m_hi: "DOUBLE",
  clv: "DOUBLE",
  clv_lo: "DOUBLE",
  clv_hi: "DOUBLE"
} as const satisfies Record<keyof ClvCustomerRow, string>;

/** One person in the lookup pack: the customer row plus what the page needs to redraw and recompute. */
export type ClvLookupRow = ClvCustomerRow & {
  /** Day numbers (days since 1970-01-01) of the first purchase and of the latest repeat purchases, ascending. */
  first_day: number;
  repeat_days: number[];
};

export const CLV_LOOKUP_COLUMNS = [
  ...Object.keys(CLV_CUSTOMER_COLUMNS),
  "first_day",
  "repeat_days"
] as (keyof ClvLookupRow)[];

export interface FitSummary {
  params: Record<string, number>;
  /** Standard errors; null where not identified. */
  se: Record<string, number | null>;
  log_likelihood: number;
  /** 2k − 2 ln L. */
  aic: number;
  n: number;
  converged: boolean;
  warnings: string[];
}

export interface CalibrationBucketRow {
  label: string;
  n: number;
  mean_actual: number | null;
  mean_expected: number | null;
  sum_actual: number;
  sum_expected: number;
}

export interface ModelReport {
  name: PurchaseModelName;
  label: string;
  param_names: string[];
  /** What each parameter means. */
  describe: Record<string, string>;
  /** Fitted on the calibration period (the holdout comparison) and on all the data (the published forecasts). */
  calibration: FitSummary | null;
  full: FitSummary | null;
  /** Why a fit failed, when it did. */
  error: string | null;
  holdout: {buckets: CalibrationBucketRow[]; total_expected: number; error: number} | null;
  /** Expected people by calibration repeat purchases, in period_transactions.labels order. */
  period_transactions: number[] | null;
  /** Expected cumulative repeat purchases of the calibration cohort at the end of each tracking week. */
  tracking_cumulative: number[] | null;
  /** Over x = 0 … matrices.max_x (rows) × matrices.recency_weeks (columns); null cells are impossible. */
  p_alive_matrix: (number | null)[][] | null;
  expected_matrix: (number | null)[][] | null;
}

export interface Group {
  group: string;
  people: number;
  repeaters: number;
  historical_total: number;
  historical_mean: number;
  predictive_total: number;
  predictive_mean: number;
  expected_purchases_mean: number;
  p_alive_mean: number;
}

export interface Distribution {
  mean: number | null;
  p10: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
  top_decile_share: number | null;
}

export interface Bin {
  lo: number;
  hi: number | null;
  people: number;
}

export interface ClvReport {
  data_source: string;
  analysis_date: string;
  currency: "BRL";
  time_unit: "week";
  unit_days: number;
  month_weeks: number;
  definitions: Record<string, string>;
  settings: {
    holdout_weeks: number;
    horizon_months: number;
    monthly_discount_rate: number;
    margin: number;
    purchase_months: number[];
    total_months: number;
    interval_level: number;
    draws: number;
    calibration_buckets: number;
    history_purchases: number;
    top_n: number;
    spend_sample_cap: number;
  };
  split: {
    calibration_start: string;
    calibration_end: string;
    holdout_end: string;
    holdout_weeks: number;
    people: number;
    repeaters: number;
    total_actual: number;
  };
  models: ModelReport[];
  choice: {
    model: PurchaseModelName;
    label: string;
    rule: string;
    /** Best first. */
    ranking: {model: PurchaseModelName; holdout_error: number; aic: number | null}[];
    sentence: string;
  };
  period_transactions: {labels: string[]; actual: number[]};
  tracking: {
    /** Monday-free week starts: week k covers days start + 7k … start + 7k + 6. */
    week_starts: string[];
    actual_weekly: number[];
    calibration_end_week: number;
  };
  matrices: {max_x: number; T_weeks: number; recency_weeks: number[]; horizon_months: number};
  spend: {
    fit: FitSummary;
    /** Repeat buyers fitted (a stratified sample above the cap) of all with m_x > 0; those with m_x = 0 are left out. */
    fitted: number;
    repeaters_with_spend: number;
    excluded_zero_spend: number;
    population_mean_spend: number | null;
    observed_mean_spend: number | null;
    correlation: number | null;
    by_frequency: {label: string; people: number; mean_spend: number | null}[];
    sentence: string;
  };
  /** Parameter draws of the chosen model and of Gamma-Gamma (paired by index); empty when not identified. */
  draws: {purchase: Record<string, number>[]; spend: {p: number; q: number; v: number}[]};
  base: {
    /** Expected revenue in each month m = 1 … total_months (undiscounted), at the point estimate and per draw. */
    revenue_by_month: number[];
    revenue_by_month_draws: number[][];
    /** Cumulative expected repeat purchases by month, point estimate. */
    purchases_by_month: number[];
    expected_alive: number;
  };
  summary: {
    people: number;
    repeaters: number;
    repeat_share: number | null;
    historical_total: number;
    historical_mean: number | null;
    expected_purchases_12m: number;
    predictive_total: number;
    predictive_total_lo: number | null;
    predictive_total_hi: number | null;
    predictive_mean: number | null;
    p_alive_mean: number | null;
    sentence: string;
  };
  historical_distribution: Distribution;
  predictive_distribution: Distribution;
  p_alive_histogram: Bin[];
  expected_purchases_histogram: Bin[];
  by_segment: Group[];
  by_state: Group[];
  top: ClvCustomerRow[];
  files: {
    customers: {rows: number};
    lookup: {rows: number; shards: number; bytes: number; largest_shard_bytes: number};
  };
  fit_seconds: Record<string, number>;
  fingerprint: string;
}
