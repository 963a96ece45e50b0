// The CLV run on a hand-made dataset (tinyOlistWithRepeaters): the (x, t_x, T) triples DuckDB groups, by hand; the
// per-customer Parquet file and the lookup pack, person by person; segments equal to the Segments page's; the
// lookup's recomputation equal to the batch; the same output whatever the chunk size.
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {personForecast} from "../lib/clv/report-view.js";
import {CLV_LOOKUP_COLUMNS, type ClvCustomerRow, type ClvLookupRow, type ClvReport} from "../lib/contracts/clv.js";
import {loadPurchases, triplesAt} from "../loaders/clv/fits.js";
import {computeClv} from "../loaders/clv/run.js";
import {CLV_SETTINGS} from "../loaders/clv/settings.js";
import {openLookupFile} from "../loaders/lookup.js";
import {rfmSnapshot} from "../loaders/segments.js";
import {dayNumber} from "../lib/num.js";
import {tinyOlistWithRepeaters, writeDataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

beforeAll(() => {
  useTempCache();
});

async function readParquet(file: string): Promise<ClvCustomerRow[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const sql = `SELECT * EXCLUDE (first_purchase, last_purchase), strftime(first_purchase, '%Y-%m-%d') AS first_purchase,
      strftime(last_purchase, '%Y-%m-%d') AS last_purchase FROM read_parquet('${file.replace(/'/g, "''")}')`;
    return (await db.runAndReadAll(sql)).getRowObjectsJS() as unknown as ClvCustomerRow[];
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

const end = dayNumber("2018-06-30");

describe("CLV on the hand-made dataset (analysis date 2018-06-30)", () => {
  test("triples at the analysis date and at the calibration end, by hand", async () => {
    const [full, calibration] = await withDir(writeDataset(tinyOlistWithRepeaters()), async (w) => {
      await loadPurchases(w, "2018-06-30");
      return [await triplesAt(w, end, end), await triplesAt(w, end - 182, end)];
    });
    // u1: o1 2018-01-10, o2 2018-02-09 → x 1, t_x 30 days, T 171 days; u2, u3, u7 one purchase; u4 184 days
    // apart; u6 four orders on three days (two on 2018-06-01) → x 2. u5's first purchase is on the analysis date
    // (T = 0): not in the fits.
    expect(full.map((t) => [t.x, t.tx * 7, t.T * 7, t.count, t.actual])).toEqual([
      [0, 0, 302, 1, 0], // u7
      [0, 0, 545, 1, 0], // u3 (its second order is canceled)
      [0, 0, 637, 1, 0], // u2
      [1, 30, 171, 1, 0], // u1
      [1, 184, 486, 1, 0], // u4
      [2, 31, 60, 1, 0] // u6
    ]);
    // 182 days earlier (2017-12-30) only u2, u3, u4, u7 had bought; nobody of them bought in the holdout.
    expect(calibration.map((t) => [t.x, t.tx * 7, t.T * 7, t.count, t.actual])).toEqual([
      [0, 0, 120, 1, 0],
      [0, 0, 363, 1, 0],
      [0, 0, 455, 1, 0],
      [1, 184, 304, 1, 0]
    ]);
  });

  let report: ClvReport;
  let dir: string;
  let segments: Map<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "clv-run-"));
    [report, segments] = await withDir(writeDataset(tinyOlistWithRepeaters()), async (w) => [
      await computeClv(w, dir),
      new Map((await rfmSnapshot(w, "2018-06-30")).map((c) => [c.customer_unique_id, c.segment]))
    ]);
  }, 120_000);

  test("the per-customer file: every person's summary by hand, segments as on the Segments page", async () => {
    const rows = await readParquet(join(dir, "customers.parquet"));
    const byId = Object.fromEntries(rows.map((r) => [r.customer_unique_id, [r.x, r.t_x, r.T, r.m_x, r.revenue]]));
    expect(byId).toEqual({
      u1: [1, Number((30 / 7).toFixed(6)), Number((171 / 7).toFixed(6)), 90, 200],
      u2: [0, 0, 91, 0, 220],
      u3: [0, 0, Number((545 / 7).toFixed(6)), 0, 88],
      u4: [1, Number((184 / 7).toFixed(6)), Number((486 / 7).toFixed(6)), 77, 121],
      u5: [0, 0, 0, 0, 99],
      // m_x = (70 + 100) / 2: the two orders of 2018-06-01 are one purchase of 100
      u6: [2, Number((31 / 7).toFixed(6)), Number((60 / 7).toFixed(6)), 85, 240],
      u7: [0, 0, Number((302 / 7).toFixed(6)), 0, 121]
    });
    for (const r of rows) expect(r.segment).toBe(segments.get(r.customer_unique_id));
    // sorted by CLV, highest first
    expect(rows.map((r) => r.clv)).toEqual([...rows.map((r) => r.clv)].sort((a, b) => b - a));
    expect(report.files.customers.rows).toBe(7);
  });

  test("clv.json: the split, the three fits, the choice by the stated rule, and the hand-made counts", () => {
    expect(report).toMatchObject({
      analysis_date: "2018-06-30",
      currency: "BRL",
      time_unit: "week",
      unit_days: 7,
      split: {
        calibration_start: "2016-10-01",
        calibration_end: "2017-12-30",
        holdout_end: "2018-06-30",
        people: 4,
        repeaters: 1,
        total_actual: 0
      },
      settings: {horizon_months: 12, monthly_discount_rate: 0.01, holdout_weeks: 26}
    });
    expect(report.models.map((m) => m.name)).toEqual(["bgnbd", "mbgnbd", "pareto_nbd"]);
    const fitted = report.models.filter((m) => m.full);
    expect(fitted.length).toBeGreaterThan(0);
    for (const m of fitted) {
      expect(m.full!.n).toBe(6); // everyone but u5
      expect(m.calibration!.n).toBe(4);
      expect(m.calibration!.aic).toBeCloseTo(8 - 2 * m.calibration!.log_likelihood, 3);
      expect(m.holdout!.buckets.map((b) => b.n)).toEqual([3, 1, 0, 0, 0, 0, 0]);
    }
    // The ranking is the rule: holdout error ascending (ties within 1% by AIC).
    const errors = report.choice.ranking.map((r) => r.holdout_error).filter(Number.isFinite);
    for (let i = 1; i < errors.length; i++) expect(errors[i]!).toBeGreaterThanOrEqual(errors[i - 1]! * 0.99);
    expect(report.choice.model).toBe(report.choice.ranking[0]!.model);
    // Period transactions: by calibration x, 3 people with 0 and u4 with 1.
    expect(report.period_transactions.actual).toEqual([3, 1, 0, 0, 0, 0, 0]);
    // Tracking: no repeat purchase of the calibration cohort after u4's 2017-09-01.
    expect(report.tracking.actual_weekly.reduce((s, v) => s + v, 0)).toBe(1);
    // Gamma-Gamma on u1, u4, u6; the correlation of (x, m_x) = (1, 90), (1, 77), (2, 85) by hand.
    const xs = [1, 1, 2];
    const ms = [90, 77, 85];
    const [mx, mm] = [4 / 3, 84];
    const cov = xs.reduce((s, x, i) => s + (x - mx) * (ms[i]! - mm), 0);
    const sd = (v: number[], m: number) => Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0));
    expect(report.spend.fitted).toBe(3);
    expect(report.spend.correlation).toBeCloseTo(cov / (sd(xs, mx) * sd(ms, mm)), 4);
    expect(report.spend.observed_mean_spend).toBeCloseTo(84, 6);
    // Groups add up to everyone; revenue to date 200 + 220 + 88 + 121 + 99 + 240 + 121 = 1089.
    expect(report.summary).toMatchObject({people: 7, repeaters: 3, historical_total: 1089, historical_mean: 155.57});
    expect(report.by_segment.reduce((s, g) => s + g.people, 0)).toBe(7);
    expect(report.by_state.map((g) => [g.group, g.people]).sort()).toEqual([
      ["MG", 1],
      ["PR", 1],
      ["RJ", 2],
      ["SP", 3]
    ]);
    expect(report.p_alive_histogram.reduce((s, b) => s + b.people, 0)).toBe(7);
  });

  test("the base total equals the sum of the people's CLV; the lookup pack holds the same rows", async () => {
    const rows = await readParquet(join(dir, "customers.parquet"));
    const sum = rows.reduce((s, r) => s + r.clv, 0);
    expect(Math.abs(report.summary.predictive_total - sum)).toBeLessThan(0.01 * rows.length); // per-person cents
    const pack = await openLookupFile(join(dir, "lookup.pack"));
    expect(pack.header.columns).toEqual(CLV_LOOKUP_COLUMNS);
    for (const row of rows) {
      const looked = (await pack.get(row.customer_unique_id)) as ClvLookupRow;
      const {first_day, repeat_days, ...rest} = looked;
      expect(rest).toEqual(row);
      expect(first_day).toBe(dayNumber(row.first_purchase));
      expect(repeat_days.length).toBe(row.x);
      // the page's recomputation at the built defaults gives the batch figures exactly
      const again = personForecast(report, looked, {horizonMonths: 12, discountRate: 0.01});
      for (const [k, v] of Object.entries(again)) expect([k, v]).toEqual([k, row[k as keyof ClvCustomerRow]]);
    }

    // u6: first purchase 2018-05-01, repeat purchases 2018-05-15 and 2018-06-01 (two orders that day)
    const u6 = (await pack.get("u6")) as ClvLookupRow;
    expect(u6.repeat_days.map((d) => d - u6.first_day)).toEqual([14, 31]);
    expect(await pack.get("nobody")).toBeNull();
  });

  test("the same files whatever the chunk size", async () => {
    const small = mkdtempSync(join(tmpdir(), "clv-run-small-"));
    const saved = CLV_SETTINGS.chunkRows;
    CLV_SETTINGS.chunkRows = 2;
    try {
      const again = await withDir(writeDataset(tinyOlistWithRepeaters()), (w) => computeClv(w, small));
      const strip = (r: ClvReport) => ({...r, fit_seconds: {}, data_source: "", fingerprint: ""}); // the folder differs
      expect(strip(again)).toEqual(strip(report));
      expect(await readParquet(join(small, "customers.parquet"))).toEqual(
        await readParquet(join(dir, "customers.parquet"))
      );
      expect(readFileSync(join(small, "lookup.pack")).equals(readFileSync(join(dir, "lookup.pack")))).toBe(true);
    } finally {
      CLV_SETTINGS.chunkRows = saved;
    }
  }, 120_000);
});
