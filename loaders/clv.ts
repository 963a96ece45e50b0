// Customer lifetime value for the CLV page (clv.json): historical CLV (revenue to date) and predictive CLV from
// BG/NBD (repeat purchases, P(alive)) × Gamma-Gamma (spend per purchase), fitted on per-person summaries in
// weeks. A calibration/holdout split checks the purchase model; the published parameters are refitted on all data.
import {
  calibrationByFrequency,
  conditionalExpectedSpend,
  expectedPurchasesByPeriod,
  fitBgNbd,
  fitGammaGamma,
  frequencySpendCorrelation,
  groupSummaries,
  holdoutCounts,
  populationMeanSpend,
  probabilityAlive,
  summarise,
  type BgNbdFit,
  type BgNbdParams,
  type CustomerSummary,
  type GammaGammaFit,
  type Transaction
} from "../lib/clv/index.js";
import {SEGMENT_NAMES} from "../lib/segments/index.js";
import {rfmSnapshot} from "./segments.js";
import {progress} from "./progress.js";
import {sql} from "./sql.js";
import type {Warehouse} from "./warehouse/warehouse.js";

/** The model's time unit: weeks (7 days). */
export const UNIT_DAYS = 7;
/** The holdout is the last 26 weeks before the analysis date; calibration is everything before it. */
export const HOLDOUT_WEEKS = 26;
/** Predictive CLV: the next 12 months, each month's expected revenue discounted at 1% per month, no margin. */
export const HORIZON_MONTHS = 12;
export const MONTHLY_DISCOUNT_RATE = 0.01;
const MONTH_WEEKS = 30.4375 / UNIT_DAYS;

const round = (v: number, digits: number) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Purchases (one per person and day) up to the analysis date. */
export async function clvTransactions(warehouse: Warehouse, analysisDate: string): Promise<Transaction[]> {
  const rows = await warehouse.query<{customer_unique_id: string; day: number; amount: number}>(
    sql("clv-transactions"),
    {analysis_date: analysisDate}
  );
  return rows.map((r) => ({id: r.customer_unique_id, day: r.day, amount: r.amount}));
}

/**
 * Per-person summaries at `end` (a day number): x = repeat purchases on distinct days, t_x and T in weeks.
 * People whose first purchase is on `end` have T = 0: their likelihood is 1 whatever the parameters, so they are
 * left out of the fits (and only them).
 */
export function summariesAt(transactions: readonly Transaction[], end: number): CustomerSummary[] {
  return summarise(transactions, {observationEnd: end, unitDays: UNIT_DAYS});
}

const fitted = (s: CustomerSummary) => s.T > 0;

function fitSummary(fit: BgNbdFit | GammaGammaFit) {
  return {log_likelihood: round(fit.logLikelihood, 3), n: fit.n, converged: fit.converged, warnings: fit.warnings};
}

export interface ClvGroup {
  group: string;
  people: number;
  repeaters: number;
  historical_total: number;
  historical_mean: number;
  predictive_total: number;
  predictive_mean: number;
  expected_purchases_mean: number;
  p_alive_mean_repeaters: number | null;
}

interface PersonValue {
  summary: CustomerSummary;
  pAlive: number;
  expected: number;
  clv: number;
}

function groupValues(
  people: readonly PersonValue[],
  key: (p: PersonValue) => string,
  order?: readonly string[]
): ClvGroup[] {
  const groups = new Map<string, PersonValue[]>();
  for (const p of people) {
    const k = key(p);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(p);
  }
  const keys = order ? order.filter((k) => groups.has(k)) : [...groups.keys()];
  return keys.map((group) => {
    const g = groups.get(group)!;
    const repeaters = g.filter((p) => p.summary.x > 0);
    const sum = (f: (p: PersonValue) => number, of = g) => of.reduce((s, p) => s + f(p), 0);
    return {
      group,
      people: g.length,
      repeaters: repeaters.length,
      historical_total: round(
        sum((p) => p.summary.revenue),
        2
      )!,
      historical_mean: round(sum((p) => p.summary.revenue) / g.length, 2)!,
      predictive_total: round(
        sum((p) => p.clv),
        2
      )!,
      predictive_mean: round(sum((p) => p.clv) / g.length, 2)!,
      expected_purchases_mean: round(sum((p) => p.expected) / g.length, 5)!,
      p_alive_mean_repeaters: repeaters.length ? round(sum((p) => p.pAlive, repeaters) / repeaters.length, 4) : null
    };
  });
}

/** Quantiles (type 7, as d3.quantile) of an ascending array. */
function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (i - lo);
}

function distribution(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((s, v) => s + v, 0);
  const top = sorted.slice(Math.floor(sorted.length * 0.9)).reduce((s, v) => s + v, 0);
  return {
    mean: round(total / sorted.length, 2),
    p10: round(quantile(sorted, 0.1), 2),
    p25: round(quantile(sorted, 0.25), 2),
    median: round(quantile(sorted, 0.5), 2),
    p75: round(quantile(sorted, 0.75), 2),
    p90: round(quantile(sorted, 0.9), 2),
    p99: round(quantile(sorted, 0.99), 2),
    max: round(sorted[sorted.length - 1] ?? NaN, 2),
    top_decile_share: round(total > 0 ? top / total : NaN, 4)
  };
}

/** Counts of values in [edges[i], edges[i+1]) (the last bin is closed; hi = null when it is open-ended). */
function histogram(
  values: readonly number[],
  edges: readonly number[]
): {lo: number; hi: number | null; people: number}[] {
  const bins = edges.slice(0, -1).map((lo, i) => ({lo, hi: edges[i + 1]!, people: 0}));
  for (const v of values) {
    let i = bins.findIndex((b) => v < b.hi);
    if (i < 0) i = bins.length - 1;
    if (v >= bins[0]!.lo) bins[i]!.people++;
  }
  return bins.map((b) => ({...b, hi: Number.isFinite(b.hi) ? b.hi : null}));
}

export interface ClvReport {
  data_source: string;
  analysis_date: string;
  currency: "BRL";
  time_unit: "week";
  unit_days: number;
  definitions: Record<string, string>;
  params: BgNbdParams & {p: number; q: number; v: number};
  se: Record<"r" | "alpha" | "a" | "b" | "p" | "q" | "v", number | null>;
  fits: {
    bgnbd: ReturnType<typeof fitSummary>;
    gamma_gamma: ReturnType<typeof fitSummary> & {excluded_zero_spend: number};
  };
  calibration: {
    calibration_start: string;
    calibration_end: string;
    holdout_end: string;
    holdout_weeks: number;
    people: number;
    repeaters: number;
    params: BgNbdParams;
    /** Means are null for an empty bucket. */
    buckets: {
      label: string;
      n: number;
      meanActual: number | null;
      meanExpected: number | null;
      sumActual: number;
      sumExpected: number;
    }[];
    total_actual: number;
    total_expected: number;
  };
  horizon: {months: number; monthly_discount_rate: number; margin: number};
  summary: {
    people: number;
    repeaters: number;
    repeat_share: number;
    historical_total: number;
    historical_mean: number;
    expected_purchases_total: number;
    predictive_total: number;
    predictive_mean: number;
    p_alive_mean_repeaters: number | null;
    population_mean_spend: number | null;
  };
  independence: {correlation: number | null; n: number};
  historical_distribution: ReturnType<typeof distribution>;
  predictive_distribution: ReturnType<typeof distribution>;
  p_alive_histogram: ReturnType<typeof histogram>;
  expected_purchases_histogram: ReturnType<typeof histogram>;
  by_segment: ClvGroup[];
  by_state: ClvGroup[];
  fingerprint: string;
}

export const CLV_DEFINITIONS = {
  purchase:
    "a day with at least one order that is not canceled or unavailable; its value is the payments of those orders",
  x: "repeat purchases: purchase days after the first",
  t_x: "weeks from the first to the last purchase day (0 when x = 0)",
  T: "weeks from the first purchase day to the end of the period",
  m_x: "mean value of the repeat purchases (the first purchase is left out)",
  historical_clv: "revenue to date: payments of all valid orders up to the analysis date",
  predictive_clv:
    "expected purchases in each of the next 12 months (BG/NBD) × expected spend per purchase (Gamma-Gamma), discounted at 1% per month, as revenue (no margin)"
};

export async function clvReport(warehouse: Warehouse): Promise<ClvReport> {
  const analysis_date = await warehouse.analysisDate();
  const end = dayOf(analysis_date);
  const step = progress("clv");
  const transactions = await clvTransactions(warehouse, analysis_date);
  step("transactions", transactions.length);

  // Calibration / holdout: fit on purchases up to end − 26 weeks, compare with the repeat purchases of the last 26.
  const calibrationEnd = end - HOLDOUT_WEEKS * UNIT_DAYS;
  const calibration = summariesAt(transactions, calibrationEnd).filter(fitted);
  const calibrationFit = fitBgNbd(groupSummaries(calibration));
  const holdout = holdoutCounts(transactions, calibrationEnd, end);
  const buckets = calibrationByFrequency(
    calibrationFit.params,
    calibration.map((s) => ({...s, actual: holdout.get(s.id) ?? 0})),
    HOLDOUT_WEEKS
  );
  step(`BG/NBD calibration fit and ${HOLDOUT_WEEKS}-week holdout`, calibration.length);

  // Published parameters: refitted on all the data.
  const all = summariesAt(transactions, end);
  const bgnbd = fitBgNbd(groupSummaries(all.filter(fitted)));
  const spendRows = all.filter((s) => s.x > 0 && s.mx > 0);
  const gg = fitGammaGamma(spendRows.map((s) => ({x: s.x, mx: s.mx})));
  step("BG/NBD and Gamma-Gamma fits on all the data", all.length);
  const params = {...bgnbd.params, ...gg.params};

  // Per person: P(alive), expected purchases and discounted revenue over the horizon. People with the same
  // (x, t_x, T) share the purchase forecast, so it is computed once per distinct triple.
  const forecasts = new Map<string, {expected: number; discounted: number}>();
  const values: PersonValue[] = all.map((summary) => {
    const key = `${summary.x}|${summary.tx}|${summary.T}`;
    let f = forecasts.get(key);
    if (!f) {
      const byMonth = expectedPurchasesByPeriod(bgnbd.params, summary, HORIZON_MONTHS, MONTH_WEEKS);
      f = {
        expected: byMonth.reduce((s, y) => s + y, 0),
        discounted: byMonth.reduce((s, y, i) => s + y / (1 + MONTHLY_DISCOUNT_RATE) ** (i + 1), 0)
      };
      forecasts.set(key, f);
    }
    const spend = conditionalExpectedSpend(gg.params, summary.mx > 0 ? summary.x : 0, summary.mx);
    return {
      summary,
      pAlive: probabilityAlive(bgnbd.params, summary.x, summary.tx, summary.T),
      expected: f.expected,
      clv: f.discounted * spend
    };
  });

  const snapshot = await rfmSnapshot(warehouse, analysis_date);
  const place = new Map(snapshot.map((c) => [c.customer_unique_id, {segment: c.segment, state: c.state ?? "unknown"}]));
  const repeaters = values.filter((v) => v.summary.x > 0);
  const sum = (f: (p: PersonValue) => number, of = values) => of.reduce((s, p) => s + f(p), 0);
  const se = (v: number) => round(v, 6);
  const byState = groupValues(values, (p) => place.get(p.summary.id)?.state ?? "unknown").sort(
    (a, b) => b.predictive_total - a.predictive_total
  );

  return {
    data_source: warehouse.source.name,
    analysis_date,
    currency: "BRL",
    time_unit: "week",
    unit_days: UNIT_DAYS,
    definitions: CLV_DEFINITIONS,
    params: {
      r: round(params.r, 6)!,
      alpha: round(params.alpha, 6)!,
      a: round(params.a, 6)!,
      b: round(params.b, 6)!,
      p: round(params.p, 6)!,
      q: round(params.q, 6)!,
      v: round(params.v, 6)!
    },
    se: {
      r: se(bgnbd.se.r),
      alpha: se(bgnbd.se.alpha),
      a: se(bgnbd.se.a),
      b: se(bgnbd.se.b),
      p: se(gg.se.p),
      q: se(gg.se.q),
      v: se(gg.se.v)
    },
    fits: {
      bgnbd: fitSummary(bgnbd),
      gamma_gamma: {...fitSummary(gg), excluded_zero_spend: all.filter((s) => s.x > 0 && !(s.mx > 0)).length}
    },
    calibration: {
      calibration_start: dateOf(transactions.reduce((m, t) => Math.min(m, t.day), Infinity)),
      calibration_end: dateOf(calibrationEnd),
      holdout_end: analysis_date,
      holdout_weeks: HOLDOUT_WEEKS,
      people: calibration.length,
      repeaters: calibration.filter((s) => s.x > 0).length,
      params: calibrationFit.params,
      buckets: buckets.map((b) => ({
        label: b.label,
        n: b.n,
        meanActual: round(b.meanActual, 5),
        meanExpected: round(b.meanExpected, 5),
        sumActual: b.sumActual,
        sumExpected: round(b.sumExpected, 3)!
      })),
      total_actual: buckets.reduce((s, b) => s + b.sumActual, 0),
      total_expected: round(
        buckets.reduce((s, b) => s + b.sumExpected, 0),
        3
      )!
    },
    horizon: {months: HORIZON_MONTHS, monthly_discount_rate: MONTHLY_DISCOUNT_RATE, margin: 1},
    summary: {
      people: values.length,
      repeaters: repeaters.length,
      repeat_share: round(repeaters.length / values.length, 6)!,
      historical_total: round(
        sum((p) => p.summary.revenue),
        2
      )!,
      historical_mean: round(sum((p) => p.summary.revenue) / values.length, 2)!,
      expected_purchases_total: round(
        sum((p) => p.expected),
        2
      )!,
      predictive_total: round(
        sum((p) => p.clv),
        2
      )!,
      predictive_mean: round(sum((p) => p.clv) / values.length, 2)!,
      p_alive_mean_repeaters: repeaters.length ? round(sum((p) => p.pAlive, repeaters) / repeaters.length, 4) : null,
      population_mean_spend: round(populationMeanSpend(gg.params), 2)
    },
    independence: (({correlation, n}) => ({correlation: round(correlation, 4), n}))(
      frequencySpendCorrelation(spendRows)
    ),
    historical_distribution: distribution(values.map((p) => p.summary.revenue)),
    predictive_distribution: distribution(values.map((p) => p.clv)),
    p_alive_histogram: histogram(
      repeaters.map((p) => p.pAlive),
      [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]
    ),
    expected_purchases_histogram: histogram(
      values.map((p) => p.expected),
      [0, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5, 1, Infinity]
    ),
    by_segment: groupValues(values, (p) => place.get(p.summary.id)?.segment ?? "unknown", SEGMENT_NAMES),
    by_state: byState,
    fingerprint: warehouse.fingerprint
  };
}
