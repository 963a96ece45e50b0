// The diagnostics of clv.json for each model: period transactions and tracking (calibration fits, the same split
// as the holdout comparison) and the frequency × recency matrices (fits on all the data). Inputs are grouped by
// DuckDB (triples, cohorts by first day, repeats by week), so the work depends on the calendar, not on people.
import {frequencyRecencyMatrices, periodTransactions, trackingExpected} from "../../lib/clv/calibration.js";
import type {PurchaseModel, ModelParams} from "../../lib/clv/models.js";
import {addDays, dateOfDay, roundSignificant} from "../../lib/num.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import type {Triple} from "./fits.js";
import {CLV_SETTINGS} from "./settings.js";

const sig = (v: number) => roundSignificant(v, 6);

/** Actual people by calibration repeat purchases (labels 0 … B−1, "B+") and the ages the expectation needs. */
export function periodActual(calibration: readonly Triple[]): {
  labels: string[];
  actual: number[];
  ages: {T: number; count: number}[];
} {
  const B = CLV_SETTINGS.calibrationBuckets;
  const actual = new Array<number>(B + 1).fill(0);
  const ages = new Map<number, number>();
  for (const t of calibration) {
    actual[Math.min(t.x, B)]! += t.count;
    ages.set(t.T, (ages.get(t.T) ?? 0) + t.count);
  }
  return {
    labels: actual.map((_, i) => (i === B ? `${B}+` : String(i))),
    actual,
    ages: [...ages].sort((a, b) => a[0] - b[0]).map(([T, count]) => ({T, count}))
  };
}

export function periodExpected(
  model: PurchaseModel,
  params: ModelParams,
  ages: {T: number; count: number}[]
): number[] {
  return periodTransactions(model, params, ages, CLV_SETTINGS.calibrationBuckets).map(sig);
}

export interface Tracking {
  startDay: number;
  weeks: number;
  actualWeekly: number[];
  calibrationEndWeek: number;
  cohorts: {firstDay: number; people: number}[];
}

/** Repeat purchases per week of the people first seen in the calibration period, from the first purchase day on. */
export async function trackingActual(
  warehouse: Warehouse,
  startDay: number,
  calibrationEnd: number,
  end: number
): Promise<Tracking> {
  const weeks = Math.floor((end - startDay) / 7) + 1;
  const actualWeekly = new Array<number>(weeks).fill(0);
  const rows = await warehouse.query<{week: number; purchases: number}>(sql("clv/weekly-repeats"), {
    start: startDay,
    end: calibrationEnd,
    holdout_end: end
  });
  for (const r of rows) actualWeekly[r.week] = r.purchases;
  const cohorts = (
    await warehouse.query<{first_day: number; people: number}>(sql("clv/cohorts"), {end: calibrationEnd})
  ).map((c) => ({firstDay: c.first_day, people: c.people}));
  return {startDay, weeks, actualWeekly, calibrationEndWeek: Math.floor((calibrationEnd - startDay) / 7), cohorts};
}

/** Expected cumulative repeat purchases at the end of each tracking week (the last day of the week, or `end`). */
export function trackingModel(model: PurchaseModel, params: ModelParams, tracking: Tracking, end: number): number[] {
  const days = Array.from({length: tracking.weeks}, (_, k) => Math.min(tracking.startDay + 7 * k + 6, end));
  return trackingExpected(model, params, tracking.cohorts, days, CLV_SETTINGS.unitDays).map(sig);
}

export function weekStarts(tracking: Tracking): string[] {
  const first = dateOfDay(tracking.startDay);
  return Array.from({length: tracking.weeks}, (_, k) => addDays(first, 7 * k));
}

/** The grid of the matrices: x = 0 … maxX, recency 0 … T in about 30 whole-week steps, at the oldest age T. */
export function matrixGrid(full: readonly Triple[], maxX: number) {
  const T = Math.round(full.reduce((m, t) => Math.max(m, t.T), 0));
  const step = Math.max(1, Math.ceil(T / 30));
  const recency = [];
  for (let w = 0; w < T; w += step) recency.push(w);
  recency.push(T);
  return {max_x: Math.min(Math.max(maxX, 1), 15), T_weeks: T, recency_weeks: recency, horizon_months: 12};
}

export function matrices(model: PurchaseModel, params: ModelParams, grid: ReturnType<typeof matrixGrid>) {
  const {pAlive, expected} = frequencyRecencyMatrices(model, params, {
    maxX: grid.max_x,
    T: grid.T_weeks,
    recencies: grid.recency_weeks,
    horizon: grid.horizon_months * CLV_SETTINGS.monthWeeks
  });
  const r = (m: (number | null)[][]) => m.map((row) => row.map((v) => (v === null ? null : roundSignificant(v, 4))));
  return {p_alive_matrix: r(pAlive), expected_matrix: r(expected)};
}
