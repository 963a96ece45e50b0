// What the CLV page computes from clv.json and one lookup row, for the reader's horizon and discount rate: the
// base's CLV with its interval, and one person's forecast and P(alive) history. The same lib code as the loader,
// fed the same published parameters, so that at the built defaults the page shows exactly the batch figures.
import {
  forecastFields,
  type ClvForecastFields,
  type ClvLookupRow,
  type ClvReport,
  PURCHASE_MONTHS
} from "../contracts/clv.js";
import {dayNumber} from "../num.js";
import {discountedTotal, ForecastEngine, type ParameterSet} from "./forecast.js";
import type {GammaGammaParams} from "./gammagamma.js";
import {aliveHistory, type HistoryPoint} from "./history.js";
import {PURCHASE_MODELS} from "./models.js";
import {intervalOf, type Interval} from "./uncertainty.js";

export interface Horizon {
  horizonMonths: number;
  discountRate: number;
}

/** The chosen model's all-data parameters and Gamma-Gamma's, then the paired draws (as the loader scored). */
export function parameterSets(report: ClvReport): ParameterSet[] {
  const chosen = report.models.find((m) => m.name === report.choice.model)!;
  const spend = report.spend.fit.params as unknown as GammaGammaParams;
  return [
    {purchase: chosen.full!.params, spend},
    ...report.draws.purchase.map((purchase, i) => ({purchase, spend: report.draws.spend[i]!}))
  ];
}

/** One person's figures at the given horizon and discount rate, rounded as published. */
export function personForecast(report: ClvReport, row: ClvLookupRow, horizon: Horizon): ClvForecastFields {
  const engine = new ForecastEngine(PURCHASE_MODELS[report.choice.model], parameterSets(report), {
    monthWeeks: report.month_weeks,
    horizonMonths: horizon.horizonMonths,
    discountRate: horizon.discountRate,
    purchaseMonths: PURCHASE_MONTHS,
    totalMonths: Math.max(horizon.horizonMonths, ...PURCHASE_MONTHS)
  });
  return forecastFields(engine.forecast(modelInput(report, row)));
}

/** (x, t_x, T, m_x) as the loader computed them: from whole days, not from the rounded t_x and T of the row. */
export function modelInput(report: ClvReport, row: ClvLookupRow) {
  const unit = report.unit_days;
  const first = row.first_day;
  return {
    x: row.x,
    tx: (dayNumber(row.last_purchase) - first) / unit,
    T: (dayNumber(report.analysis_date) - first) / unit,
    mx: row.m_x
  };
}

export interface BaseForecast {
  total: Interval;
  /** Discounted expected revenue of month m = 1 … H, at the point estimate and its 90% band over the draws. */
  months: {month: number; value: number; lo: number | null; hi: number | null}[];
}

/** The base's CLV over H months at rate d: Σ_m revenue_m / (1+d)^m, for the point estimate and every draw. */
export function baseForecast(report: ClvReport, {horizonMonths, discountRate}: Horizon): BaseForecast {
  const H = Math.min(horizonMonths, report.settings.total_months);
  const rows = [report.base.revenue_by_month, ...report.base.revenue_by_month_draws];
  const total = intervalOf(Float64Array.from(rows, (r) => discountedTotal(r, H, discountRate)));
  const months = Array.from({length: H}, (_, i) => {
    const m = intervalOf(Float64Array.from(rows, (r) => r[i]! / (1 + discountRate) ** (i + 1)));
    return {month: i + 1, value: m.value, lo: m.lo, hi: m.hi};
  });
  return {total, months};
}

/** One person's P(alive) from the first known purchase to the analysis date, at the chosen model's parameters. */
export function personHistory(report: ClvReport, row: ClvLookupRow): HistoryPoint[] {
  const chosen = report.models.find((m) => m.name === report.choice.model)!;
  return aliveHistory(PURCHASE_MODELS[report.choice.model], chosen.full!.params, {
    firstDay: row.first_day,
    repeatDays: row.repeat_days,
    x: row.x,
    endDay: dayNumber(report.analysis_date)
  });
}
