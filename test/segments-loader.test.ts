// The segments loader on a hand-made dataset: every person's RFM inputs, scores and segment computed by hand,
// the segment summary, the six-month movement, the per-person Parquet list, and clustering on planted groups.
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {customerFeatures} from "../loaders/features/customer-features.js";
import {
  clusterCustomers,
  monthsBefore,
  rfmSnapshot,
  segmentCustomersParquet,
  segmentsReport,
  segmentTopCustomers,
  scoreRanges,
  summariseSegments,
  type SegmentedCustomer
} from "../loaders/segments.js";
import {tinyOlistWithRepeaters, writeDataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

beforeAll(() => {
  useTempCache();
});
// The data: tiny-olist plus the repeat buyers u6 and u7 (tinyOlistWithRepeaters in test/fixtures/tiny-olist.ts).

// By hand, at the cutoff 2018-06-30 (valid orders only; u3's canceled o5 does not count):
//   person  last order   recency  orders  spend        R  F  M  segment
//   u1      2018-02-09   141      2       110+90=200   3  2  3  Need Attention   (R = 3, F = 2)
//   u2      2016-10-01   637      1       220          1  1  4  Hibernating      (Lost needs M ≤ 2)
//   u3      2017-01-01   545      1       88           1  1  1  Lost
//   u4      2017-09-01   302      2       44+77=121    2  2  2  At Risk          (F ≥ 2, R ≤ 2)
//   u5      2018-06-30   0        1       99           5  1  1  New Customers
//   u6      2018-06-01   29       4       240          4  4  5  Champions
//   u7      2017-09-01   302      1       121          2  1  2  Hibernating
// R = 1 + ⌊5 · (people with a strictly larger recency) / 7⌋: u5 6 → 5, u6 5 → 4, u1 4 → 3, u4 and u7 2 → 2, u3 1 → 1, u2 0 → 1.
// M = 1 + ⌊5 · (people with strictly less spend) / 7⌋: u3 0 → 1, u5 1 → 1, u4 and u7 2 → 2, u1 4 → 3, u2 5 → 4, u6 6 → 5.
const HAND = {
  u1: {recency_days: 141, orders: 2, monetary: 200, R: 3, F: 2, M: 3, segment: "Need Attention", state: "SP"},
  u2: {recency_days: 637, orders: 1, monetary: 220, R: 1, F: 1, M: 4, segment: "Hibernating", state: "RJ"},
  u3: {recency_days: 545, orders: 1, monetary: 88, R: 1, F: 1, M: 1, segment: "Lost", state: "MG"},
  u4: {recency_days: 302, orders: 2, monetary: 121, R: 2, F: 2, M: 2, segment: "At Risk", state: "SP"},
  u5: {recency_days: 0, orders: 1, monetary: 99, R: 5, F: 1, M: 1, segment: "New Customers", state: "PR"},
  u6: {recency_days: 29, orders: 4, monetary: 240, R: 4, F: 4, M: 5, segment: "Champions", state: "SP"},
  u7: {recency_days: 302, orders: 1, monetary: 121, R: 2, F: 1, M: 2, segment: "Hibernating", state: "RJ"}
};

describe("RFM segments on the hand-made dataset", () => {
  test("every person's RFM inputs, scores and segment, by hand", async () => {
    const rows = await withDir(writeDataset(tinyOlistWithRepeaters()), (w) => rfmSnapshot(w, "2018-06-30"));
    expect(Object.fromEntries(rows.map(({customer_unique_id, ...rest}) => [customer_unique_id, rest]))).toEqual(HAND);
  });

  test("the RFM inputs agree with the customer feature table (recency_days, frequency, monetary_total)", async () => {
    const [rfm, features] = await withDir(
      writeDataset(tinyOlistWithRepeaters()),
      async (w) => [await rfmSnapshot(w, "2018-06-30"), await customerFeatures(w, "2018-06-30")] as const
    );
    expect(rfm.map((r) => [r.customer_unique_id, r.recency_days, r.orders, r.monetary])).toEqual(
      features.map((f) => [f.customer_unique_id, f.recency_days, f.frequency, f.monetary_total])
    );
  });

  test("segment summary: sizes, revenue shares and averages", async () => {
    const rows = await withDir(writeDataset(tinyOlistWithRepeaters()), (w) => rfmSnapshot(w, "2018-06-30"));
    const summary = summariseSegments(rows);
    const total = 200 + 220 + 88 + 121 + 99 + 240 + 121;
    const hibernating = summary.find((s) => s.segment === "Hibernating")!;
    expect(hibernating).toMatchObject({
      people: 2,
      share: Number((2 / 7).toFixed(6)),
      revenue: 341,
      revenue_share: Number((341 / total).toFixed(6)),
      avg_recency_days: 469.5,
      avg_orders: 1,
      avg_monetary: 170.5
    });
    expect(summary.map((s) => [s.segment, s.people])).toEqual([
      ["Champions", 1],
      ["Loyal Customers", 0],
      ["Can't Lose Them", 0],
      ["At Risk", 1],
      ["Potential Loyalist", 0],
      ["Need Attention", 1],
      ["New Customers", 1],
      ["Promising", 0],
      ["About To Sleep", 0],
      ["Lost", 1],
      ["Hibernating", 2],
      ["Other", 0]
    ]);
    expect(summary.find((s) => s.segment === "Champions")).toMatchObject({
      avg_orders: 4,
      avg_monetary: 240,
      avg_recency_days: 29
    });
  });

  test("six months earlier and the movement between the snapshots, by hand", async () => {
    const report = await withDir(writeDataset(tinyOlistWithRepeaters()), segmentsReport);
    // On 2017-12-30 only u2, u3, u4 and u7 had bought: recency 455, 363, 120, 120 days; spend 220, 88, 121, 121.
    // R: u4, u7 → 3, u3 → 2, u2 → 1. M: u3 → 1, u4, u7 → 2, u2 → 4. F: u4 2, the others 1.
    // So u4 Need Attention, u7 About To Sleep, u3 and u2 Hibernating; u1, u5 and u6 bought first after that day.
    expect(report.analysis_date).toBe("2018-06-30");
    expect(report.movement).toMatchObject({from_date: "2017-12-30", to_date: "2018-06-30", months: 6});
    const links = Object.fromEntries(report.movement.links.map((l) => [`${l.source} → ${l.target}`, l.value]));
    expect(links).toEqual({
      "Need Attention → At Risk": 1, // u4
      "About To Sleep → Hibernating": 1, // u7
      "Hibernating → Lost": 1, // u3
      "Hibernating → Hibernating": 1, // u2
      "First order since → Champions": 1, // u6
      "First order since → Need Attention": 1, // u1
      "First order since → New Customers": 1 // u5
    });
    expect(report.movement.sources).toEqual(["Need Attention", "About To Sleep", "Hibernating", "First order since"]);
    expect(report.people).toBe(7);
    expect(report.f_counts).toEqual([
      {score: 1, people: 4},
      {score: 2, people: 2},
      {score: 3, people: 0},
      {score: 4, people: 1},
      {score: 5, people: 0}
    ]);
    expect(report.score_ranges.R.find((r) => r.score === 2)).toEqual({score: 2, people: 2, min: 302, max: 302});
    expect(report.rules[0]).toMatchObject({name: "Champions", R: [4, 5], F: [3, 5], M: [3, 5]});
    expect(report.clustering).toBeNull(); // 7 people are too few to cluster
  });

  test("the Parquet list holds every person, in segment-table order and by spend", async () => {
    const bytes = await withDir(writeDataset(tinyOlistWithRepeaters()), segmentCustomersParquet);
    const file = join(mkdtempSync(join(tmpdir(), "segment-parquet-")), "list.parquet");
    writeFileSync(file, bytes);
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    const rows = (await db.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowObjectsJS();
    db.closeSync();
    instance.closeSync();
    expect(rows.map((r) => r.customer_unique_id)).toEqual(["u6", "u4", "u1", "u5", "u3", "u2", "u7"]);
    expect(rows.find((r) => r.customer_unique_id === "u2")).toEqual({customer_unique_id: "u2", ...HAND.u2});
  });

  test("the page's list: each segment's size and its top spenders, in segment-table order", async () => {
    const top = await withDir(writeDataset(tinyOlistWithRepeaters()), segmentTopCustomers);
    expect(top.people).toBe(7);
    // Hibernating holds u2 (spend 220) before u7 (121); under the cut of 100 everyone is listed.
    expect(top.segments.map((s) => [s.segment, s.people, s.top.map((c) => c.customer_unique_id)])).toEqual([
      ["Champions", 1, ["u6"]],
      ["At Risk", 1, ["u4"]],
      ["Need Attention", 1, ["u1"]],
      ["New Customers", 1, ["u5"]],
      ["Lost", 1, ["u3"]],
      ["Hibernating", 2, ["u2", "u7"]]
    ]);
    expect(top.segments.at(-1)!.top[1]).toEqual({customer_unique_id: "u7", ...HAND.u7});
  });

  test("score ranges of a million people (Math.min over a spread of them overflows the call stack)", () => {
    // Person i has recency i and R = 1 + (i mod 5): score s holds i = s − 1, s + 4, …, so its range is s − 1 to
    // 999,995 + s − 1, with 200,000 people (scale 10 had 190,000 per score).
    const people = Array.from({length: 1_000_000}, (_, i) => ({R: 1 + (i % 5), recency_days: i}) as SegmentedCustomer);
    expect(scoreRanges(people, "R", "recency_days")).toEqual(
      [1, 2, 3, 4, 5].map((s) => ({score: s, people: 200_000, min: s - 1, max: 999_995 + s - 1}))
    );
  });

  test("monthsBefore clamps to the end of a shorter month", () => {
    expect(monthsBefore("2018-06-30", 6)).toBe("2017-12-30");
    expect(monthsBefore("2018-08-31", 6)).toBe("2018-02-28");
    expect(monthsBefore("2016-08-31", 6)).toBe("2016-02-29");
    expect(monthsBefore("2018-03-15", 3)).toBe("2017-12-15");
  });
});

describe("behavioural clustering", () => {
  test("finds three planted groups, picks k by silhouette and names them", () => {
    // 40 recent one-time buyers, 40 lapsed one-time buyers with late deliveries and low scores, 20 repeat buyers.
    const rows = [
      ...Array.from({length: 40}, (_, i) => ({
        recency_days: 20 + (i % 10),
        frequency: 1,
        monetary_avg_order: 100 + i,
        max_installments: 1,
        late_share: 0,
        avg_review_score: 5,
        freight_share: 0.2
      })),
      ...Array.from({length: 40}, (_, i) => ({
        recency_days: 500 + (i % 10),
        frequency: 1,
        monetary_avg_order: 100 + i,
        max_installments: 1,
        late_share: 1,
        avg_review_score: 1,
        freight_share: 0.2
      })),
      ...Array.from({length: 20}, (_, i) => ({
        recency_days: 200 + (i % 10),
        frequency: 4,
        monetary_avg_order: 100 + i,
        max_installments: 1,
        late_share: 0,
        avg_review_score: null,
        freight_share: 0.2
      }))
    ];
    const c = clusterCustomers(rows);
    const best = c.ks.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(c.k).toBe(best.k);
    expect(c.k).toBe(3);
    expect(c.clusters.map((x) => x.people)).toEqual([40, 40, 20]);
    const repeat = c.clusters.find((x) => x.people === 20)!;
    expect(repeat.description).toContain("repeat buyers");
    expect(repeat.means.frequency).toBe(4);
    expect(Number.isNaN(repeat.means.avg_review_score)).toBe(true); // nobody in it has a review: no mean
    const lapsed = c.clusters.find((x) => x.means.recency_days > 400)!;
    // z of the lapsed centroid: late share (1 − 0.4)/0.49 = 1.22, recency (504.5 − 252.5)/216 = 1.17, review
    // (1 − 3)/1.79 = −1.12, orders (ln 2 − 0.876)/0.366 = −0.50: the three largest are named, in that order.
    expect(lapsed.description).toBe("long-lapsed, unhappy customers with late deliveries");
    expect(c.features.find((f) => f.feature === "avg_review_score")!.missing).toBe(20);
  });
});
