// The churn model's pieces: labels and windows on the hand-made dataset by hand, the encoder round trip, the
// decision arithmetic, the curves against lib/ml's metrics, and the oracle formula's limiting cases.
import {beforeAll, describe, expect, test} from "vitest";
import {decodeValue, encodeRow, encodeRows, encodeValue, fitEncoder} from "../lib/churn/encode.js";
import {costThreshold, probabilityBuckets, targetingOutcome} from "../lib/churn/decision.js";
import {prPoints, rocPoints, trapezoid} from "../lib/churn/curves.js";
import {averagePrecision, rocAuc} from "../lib/ml/metrics.js";
import {Rng} from "../lib/random.js";
import {bgnbdChurnProbability, seedRuleChurned} from "../loaders/churn/baselines.js";
import {oracleChurnProbability} from "../loaders/churn/oracle.js";
import {churnLabels, labelledSnapshot} from "../loaders/churn/snapshot.js";
import {addDays, churnWindow, horizonDays} from "../loaders/churn/window.js";
import {stratifiedFolds, balancedLogOddsShift} from "../loaders/churn/train.js";
import {tinyOlist, writeDataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

beforeAll(() => {
  useTempCache();
});

describe("churn labels on the hand-made dataset", () => {
  // Valid orders: u1 2018-01-10, 2018-02-09 · u2 2016-10-01 · u3 2017-01-01 (and a canceled one on 2017-06-30)
  // · u4 2017-03-01, 2017-09-01 · u5 2018-06-30.
  const labelsAt = (cutoff: string, h: number) => withDir(writeDataset(tinyOlist()), (w) => churnLabels(w, cutoff, h));

  test("at 2017-06-30, 180 days: u2 and u3 churned (a canceled order is no return), u4 came back", async () => {
    expect(await labelsAt("2017-06-30", 180)).toEqual([
      {customer_unique_id: "u2", churned: 1, next_purchase: null},
      {customer_unique_id: "u3", churned: 1, next_purchase: null},
      {customer_unique_id: "u4", churned: 0, next_purchase: "2017-09-01"}
    ]);
  });

  test("the horizon's last day counts: 2017-03-05 + 180 days is 2017-09-01, + 179 days is not", async () => {
    expect((await labelsAt("2017-03-05", 180)).find((l) => l.customer_unique_id === "u4")?.churned).toBe(0);
    expect((await labelsAt("2017-03-05", 179)).find((l) => l.customer_unique_id === "u4")?.churned).toBe(1);
  });

  test("people whose first order is after the cutoff are not labelled; the snapshot aligns labels with features", async () => {
    const snapshot = await withDir(writeDataset(tinyOlist()), (w) => labelledSnapshot(w, "2018-01-31", 60));
    expect(snapshot.rows.map((r) => r.customer_unique_id)).toEqual(["u1", "u2", "u3", "u4"]);
    // u1 bought again on 2018-02-09, within 60 days of 2018-01-31; the others never again
    expect([...snapshot.labels]).toEqual([0, 1, 1, 1]);
  });

  test("the window: last reliable date, evaluation cutoff = that − H, training cutoff = that − 2H", async () => {
    const w = await withDir(writeDataset(tinyOlist()), (wh) => churnWindow(wh, 180));
    expect(w).toMatchObject({
      analysisDate: "2018-06-30",
      lastReliableDate: "2018-06-30",
      evaluationCutoff: "2018-01-01",
      trainingCutoff: "2017-07-05"
    });
    await expect(withDir(writeDataset(tinyOlist()), (wh) => churnWindow(wh, 400))).rejects.toThrow(/too short/);
    expect(addDays("2018-03-01", -1)).toBe("2018-02-28");
    expect(horizonDays({})).toBe(180);
    expect(horizonDays({CHURN_HORIZON_DAYS: "90"})).toBe(90);
    expect(() => horizonDays({CHURN_HORIZON_DAYS: "abc"})).toThrow(/CHURN_HORIZON_DAYS/);
  });

  test("a sparse last month moves the analysis date and the last reliable date back to the month before", async () => {
    const data = tinyOlist();
    // 25 orders in each month from 2017-10 to 2018-05 raise the median month to 25 orders, so the single June
    // order is a sparse month (< 5% of the median): months 1, 1, 1, 1, 1, 1, 25, 25, 25, 25, 25, 26, 26, 25.
    for (const month of ["2017-10", "2017-11", "2017-12", "2018-01", "2018-02", "2018-03", "2018-04", "2018-05"]) {
      for (let i = 0; i < 25; i++) {
        const id = `x${month}-${i}`;
        data.customers.rows.push([`c${id}`, `u${id}`, "01001", "sao paulo", "SP"]);
        data.orders.rows.push([
          `o${id}`,
          `c${id}`,
          "delivered",
          `${month}-${String(i + 1).padStart(2, "0")} 10:00:00`,
          "",
          "",
          "",
          "2018-07-01 00:00:00"
        ]);
      }
    }
    // The analysis date ignores purchases after the last dense month (loaders/analysis-date.ts): the last May
    // purchase is on the 25th (i = 24), and the evaluation cutoff is 100 days before it: 25 + 30 + 31 + 14 = 100.
    const w = await withDir(writeDataset(data), (wh) => churnWindow(wh, 100));
    expect(w).toMatchObject({
      analysisDate: "2018-05-25",
      lastDenseMonth: "2018-05",
      lastReliableDate: "2018-05-25",
      evaluationCutoff: "2018-02-14"
    });
  });
});

describe("the feature encoder", () => {
  const rows = [
    {a: 1, b: "x", c: 5n, d: true},
    {a: null, b: "y", c: 2n, d: false},
    {a: 2.5, b: "y", c: null, d: null},
    {a: 3, b: "z", c: 1n, d: true},
    {a: 4, b: "x", c: 0n, d: false},
    {a: 5, b: null, c: 7n, d: true}
  ];
  const defs = [
    {name: "a", kind: "numeric" as const},
    {name: "b", kind: "categorical" as const},
    {name: "c", kind: "numeric" as const},
    {name: "d", kind: "flag" as const}
  ];

  test("categories by training frequency, ties by name; unseen and missing → NaN", () => {
    const enc = fitEncoder(rows, defs);
    expect(enc.features[1]).toEqual({name: "b", kind: "categorical", categories: ["x", "y", "z"]});
    expect(encodeRow(enc, rows[0]!)).toEqual([1, 0, 5, 1]);
    expect(encodeRow(enc, rows[1]!)).toEqual([NaN, 1, 2, 0]);
    expect(encodeRow(enc, {a: "7", b: "never seen", c: undefined, d: 1})).toEqual([7, NaN, NaN, 1]);
  });

  test("round trip: decode(encode(v)) = v, row and column encodings agree, and the JSON copy encodes the same", () => {
    const enc = fitEncoder(rows, defs);
    const copy = JSON.parse(JSON.stringify(enc));
    const table = encodeRows(copy, rows);
    rows.forEach((row, i) => {
      const x = encodeRow(enc, row);
      expect(table.columns.map((c) => c[i])).toEqual(x);
      expect(decodeValue(enc.features[1]!, x[1]!)).toBe(row.b);
      expect(decodeValue(enc.features[0]!, x[0]!)).toBe(row.a);
    });
    expect(encodeValue(enc.features[2]!, 2n ** 40n)).toBe(2 ** 40);
  });
});

describe("retention decisions", () => {
  const buckets = [
    {p: 0.5, churned: 1, returned: 3},
    {p: 0.9, churned: 6, returned: 2},
    {p: 0.99, churned: 20, returned: 1}
  ];
  test("threshold = cost / (success × value), and the matrix and value at it, by hand", () => {
    const costs = {offerCost: 9, savedValue: 100, successRate: 0.1};
    expect(costThreshold(costs)).toBeCloseTo(0.9, 12);
    const o = targetingOutcome(buckets, costThreshold(costs) - 1e-12, costs);
    expect(o).toMatchObject({tp: 26, fp: 3, fn: 1, tn: 3, offered: 29});
    expect(o.netValue).toBeCloseTo(26 * 0.1 * 100 - 29 * 9, 9);
    expect(costThreshold({offerCost: 1, savedValue: 0, successRate: 0.5})).toBe(Infinity);
    expect(targetingOutcome(buckets, Infinity, costs)).toMatchObject({offered: 0, netValue: 0});
  });

  test("buckets round the return probability 1 − p to three significant digits", () => {
    // 1 − 0.99912 and 1 − 0.9991201 both round to 0.000880: one bucket
    const b = probabilityBuckets([1, 0, 1, 1, 0], [0.99912, 0.9991201, 0.5, 1, 0.99908]);
    expect(b).toEqual([
      {p: 0.5, churned: 1, returned: 0},
      {p: 1 - 0.00092, churned: 0, returned: 1},
      {p: 1 - 0.00088, churned: 1, returned: 1},
      {p: 1, churned: 1, returned: 0}
    ]);
  });
});

describe("curves and folds", () => {
  const rng = new Rng(3);
  const n = 500;
  const labels = Float64Array.from({length: n}, () => (rng.next() < 0.3 ? 1 : 0));
  // rounded scores so that ties occur
  const scores = Float64Array.from(labels, (y) => Math.round((rng.next() + 0.4 * y) * 20) / 20);

  test("the area under the ROC points is lib/ml's ROC-AUC; the PR points end at recall 1", () => {
    const roc = rocPoints(labels, scores);
    expect(trapezoid(roc.map((p) => ({x: p.fpr, y: p.tpr})))).toBeCloseTo(rocAuc(labels, scores), 12);
    const pr = prPoints(labels, scores);
    expect(pr.at(-1)).toEqual({recall: 1, precision: labels.reduce((s, v) => s + v, 0) / n});
    // average precision is the step-wise sum over these points
    let ap = 0;
    pr.forEach((p, i) => (ap += (p.recall - (i ? pr[i - 1]!.recall : 0)) * p.precision));
    expect(ap).toBeCloseTo(averagePrecision(labels, scores), 12);
    expect(rocPoints(labels, scores, 20).length).toBeLessThanOrEqual(20);
  });

  test("stratified folds split each class evenly; balanced weights shift the log-odds by ln(c₁/c₀)", () => {
    const y = Uint8Array.from({length: 100}, (_, i) => (i < 10 ? 0 : 1));
    const folds = stratifiedFolds(y, 3, 1);
    for (let k = 0; k < 3; k++) {
      const zeros = [...folds.keys()].filter((i) => folds[i] === k && y[i] === 0).length;
      expect(zeros === 3 || zeros === 4).toBe(true);
      const ones = [...folds.keys()].filter((i) => folds[i] === k && y[i] === 1).length;
      expect(ones === 30).toBe(true);
    }
    // balanced weights: churners weigh 100/(2·90), returners 100/(2·10) → shift ln(10/90)
    expect(balancedLogOddsShift(y)).toBeCloseTo(Math.log(10 / 90), 12);
  });
});

describe("probability formulas", () => {
  test("oracle: with no dropout and no time since the last order, P(churn) = e^(−λH); certain dropout → 1", () => {
    expect(oracleChurnProbability(0.01, 0, 0, 180)).toBeCloseTo(Math.exp(-1.8), 14);
    expect(oracleChurnProbability(0.01, 1, 10, 180)).toBe(1);
    // p = 0.5, elapsed so long that the person is almost surely gone
    expect(oracleChurnProbability(0.05, 0.5, 1000, 180)).toBeCloseTo(1, 12);
  });

  test("BG/NBD: for x = 0 it is the NBD probability of no purchase, ((α+T)/(α+T+h))^r", () => {
    const params = {r: 0.5, alpha: 10, a: 1, b: 3};
    expect(bgnbdChurnProbability(params, 0, 0, 20, 26)).toBeCloseTo(Math.pow(30 / 56, 0.5), 14);
    // a repeat buyer long gone is more likely churned than a recent one
    expect(bgnbdChurnProbability(params, 3, 2, 60, 26)).toBeGreaterThan(bgnbdChurnProbability(params, 3, 58, 60, 26));
  });

  test("the seed rule from feature rows", () => {
    expect(seedRuleChurned({frequency: 1, avg_gap_days: null, recency_days: 541})).toBe(true);
    expect(seedRuleChurned({frequency: 1, avg_gap_days: null, recency_days: 540})).toBe(false);
    expect(seedRuleChurned({frequency: 3, avg_gap_days: 30, recency_days: 181})).toBe(true);
    expect(seedRuleChurned({frequency: 2, avg_gap_days: 120, recency_days: 300})).toBe(false);
  });
});
