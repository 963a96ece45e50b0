// The CLV loader on a hand-made dataset: per-person summaries (x, t_x, T in weeks, m_x) by hand, the calibration
// split, and every field of clv.json.
import {beforeAll, describe, expect, test} from "vitest";
import {clvReport, clvTransactions, summariesAt, HOLDOUT_WEEKS} from "../loaders/clv.js";
import {tinyOlistWithRepeaters, writeDataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

beforeAll(() => {
  useTempCache();
});
// The data: tiny-olist plus the repeat buyers u6 and u7 (tinyOlistWithRepeaters in test/fixtures/tiny-olist.ts).

const day = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

describe("CLV summaries on the hand-made dataset", () => {
  test("x, t_x, T (weeks), m_x and revenue of every person at the analysis date, by hand", async () => {
    const transactions = await withDir(writeDataset(tinyOlistWithRepeaters()), (w) => clvTransactions(w, "2018-06-30"));
    const rows = summariesAt(transactions, day("2018-06-30"));
    const byId = Object.fromEntries(rows.map(({id, ...rest}) => [id, rest]));
    expect(byId).toEqual({
      // o1 2018-01-10 (110), o2 2018-02-09 (20 + 70): one repeat purchase 30 days later; age 171 days.
      u1: {x: 1, tx: 30 / 7, T: 171 / 7, mx: 90, revenue: 200},
      u2: {x: 0, tx: 0, T: 637 / 7, mx: 0, revenue: 220},
      // u3's second order (o5) is canceled: not a purchase.
      u3: {x: 0, tx: 0, T: 545 / 7, mx: 0, revenue: 88},
      // o6 2017-03-01 (44), o7 2017-09-01 (77): 184 days apart; age 486 days.
      u4: {x: 1, tx: 184 / 7, T: 486 / 7, mx: 77, revenue: 121},
      // First purchase on the analysis date: T = 0 (left out of the fits).
      u5: {x: 0, tx: 0, T: 0, mx: 0, revenue: 99},
      // Four orders on three days: the two orders of 2018-06-01 are one purchase of 100, so x = 2, m_x = (70 + 100) / 2.
      u6: {x: 2, tx: 31 / 7, T: 60 / 7, mx: 85, revenue: 240},
      u7: {x: 0, tx: 0, T: 302 / 7, mx: 0, revenue: 121}
    });
  });

  test("calibration until 26 weeks before the analysis date", async () => {
    const transactions = await withDir(writeDataset(tinyOlistWithRepeaters()), (w) => clvTransactions(w, "2018-06-30"));
    // 2018-06-30 − 182 days = 2017-12-30: only u2, u3, u4 and u7 had bought; u4's two purchases are both before it.
    const calibration = summariesAt(transactions, day("2018-06-30") - HOLDOUT_WEEKS * 7);
    expect(Object.fromEntries(calibration.map((s) => [s.id, [s.x, s.tx, s.T]]))).toEqual({
      u2: [0, 0, 455 / 7],
      u3: [0, 0, 363 / 7],
      u4: [1, 184 / 7, 304 / 7],
      u7: [0, 0, 120 / 7]
    });
  });

  test("clv.json has every field, with the hand-made figures where they are known", async () => {
    const report = await withDir(writeDataset(tinyOlistWithRepeaters()), clvReport);
    expect(Object.keys(report).sort()).toEqual([
      "analysis_date",
      "by_segment",
      "by_state",
      "calibration",
      "currency",
      "data_source",
      "definitions",
      "expected_purchases_histogram",
      "fingerprint",
      "fits",
      "historical_distribution",
      "horizon",
      "independence",
      "p_alive_histogram",
      "params",
      "predictive_distribution",
      "se",
      "summary",
      "time_unit",
      "unit_days"
    ]);
    expect(Object.keys(report.params)).toEqual(["r", "alpha", "a", "b", "p", "q", "v"]);
    for (const v of Object.values(report.params)) expect(v).toBeGreaterThan(0);
    expect(Object.keys(report.se)).toEqual(["r", "alpha", "a", "b", "p", "q", "v"]);
    expect(report).toMatchObject({
      analysis_date: "2018-06-30",
      currency: "BRL",
      time_unit: "week",
      unit_days: 7,
      horizon: {months: 12, monthly_discount_rate: 0.01, margin: 1}
    });
    expect(report.calibration).toMatchObject({
      calibration_start: "2016-10-01",
      calibration_end: "2017-12-30",
      holdout_end: "2018-06-30",
      holdout_weeks: 26,
      people: 4,
      repeaters: 1,
      total_actual: 0
    });
    // x in the calibration period: u2, u3, u7 have 0, u4 has 1; nobody bought in the holdout.
    expect(report.calibration.buckets.map((b) => [b.label, b.n, b.sumActual])).toEqual([
      ["0", 3, 0],
      ["1", 1, 0],
      ["2", 0, 0],
      ["3", 0, 0],
      ["4+", 0, 0]
    ]);
    // The BG/NBD is fitted on the 6 people with T > 0 (u5 bought first on the analysis date); Gamma-Gamma on u1, u4, u6.
    expect(report.fits.bgnbd.n).toBe(6);
    expect(report.fits.gamma_gamma.n).toBe(3);
    expect(report.summary).toMatchObject({
      people: 7,
      repeaters: 3,
      historical_total: 1089,
      historical_mean: Number((1089 / 7).toFixed(2))
    });
    // Frequency–spend correlation over (x, m_x) = (1, 90), (1, 77), (2, 85), computed by hand.
    const xs = [1, 1, 2],
      ms = [90, 77, 85];
    const mx = 4 / 3,
      mm = 84;
    const cov = xs.reduce((s, x, i) => s + (x - mx) * (ms[i]! - mm), 0);
    const sx = Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0));
    const sm = Math.sqrt(ms.reduce((s, m) => s + (m - mm) ** 2, 0));
    expect(report.independence.n).toBe(3);
    expect(report.independence.correlation).toBeCloseTo(cov / (sx * sm), 4);
    // Groups add up to everyone; u6 (Champions) and u1 (Need Attention) are the segments of the hand-made list.
    expect(report.by_segment.reduce((s, g) => s + g.people, 0)).toBe(7);
    expect(report.by_state.reduce((s, g) => s + g.people, 0)).toBe(7);
    expect(report.by_segment.find((g) => g.group === "Champions")).toMatchObject({
      people: 1,
      repeaters: 1,
      historical_total: 240
    });
    expect(report.by_state.map((g) => [g.group, g.people]).sort()).toEqual([
      ["MG", 1],
      ["PR", 1],
      ["RJ", 2],
      ["SP", 3]
    ]);
    expect(report.p_alive_histogram.reduce((s, b) => s + b.people, 0)).toBe(3);
    expect(report.expected_purchases_histogram.reduce((s, b) => s + b.people, 0)).toBe(7);
  });
});
