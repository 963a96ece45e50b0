// The recommendation loaders on a hand-made dataset: the purchases they read, the cutoff, the evaluation's test
// people and metrics, and the published lists in recommendations.parquet and their lookup pack, all worked out by hand.
import {DuckDBInstance} from "@duckdb/node-api";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeAll, describe, expect, test} from "vitest";
import type {RecommendationRow} from "../lib/contracts/recommendations.js";
import {openLookupFile} from "../loaders/lookup.js";
import {recommendationMetrics} from "../loaders/recommendations/evaluate.js";
import {
  recommendationAffinity,
  recommendationLists,
  recommendationsFile,
  writeRecommendationLookupPack
} from "../loaders/recommendations/publish.js";
import {loadPurchases} from "../loaders/recommendations/purchases.js";
import {recsWindow} from "../loaders/recommendations/window.js";
import {tinyOlist, writeDataset, type Dataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

beforeAll(() => {
  useTempCache();
});
afterEach(() => {
  delete process.env.ANALYSIS_DATE;
});

/**
 * tiny-olist plus two returning people: u6 (SP) buys p1 on 2017-05-01 and p2 on 2018-03-01; u7 (RJ) buys p1 on
 * 2017-04-01, p2 on 2017-08-01 and p1 again on 2018-04-01. Categories: p1 bed_bath_table, p2 health_beauty,
 * p3 pc_gamer (no English name).
 */
function recsOlist(): Dataset {
  const d = tinyOlist();
  const order = (id: string, customer: string, when: string) => [
    id,
    customer,
    "delivered",
    `${when} 10:00:00`,
    `${when} 11:00:00`,
    `${when} 12:00:00`,
    `${when} 18:00:00`,
    `${when} 20:00:00`
  ];
  d.customers.rows.push(
    ["c20", "u6", "01001", "sao paulo", "SP"],
    ["c21", "u6", "01001", "sao paulo", "SP"],
    ["c22", "u7", "20040", "rio de janeiro", "RJ"],
    ["c23", "u7", "20040", "rio de janeiro", "RJ"],
    ["c24", "u7", "20040", "rio de janeiro", "RJ"]
  );
  d.orders.rows.push(
    order("o10", "c20", "2017-05-01"),
    order("o11", "c21", "2018-03-01"),
    order("o12", "c22", "2017-04-01"),
    order("o13", "c23", "2017-08-01"),
    order("o14", "c24", "2018-04-01")
  );
  for (const [o, product, price] of [
    ["o10", "p1", "70.00"],
    ["o11", "p2", "60.00"],
    ["o12", "p1", "30.00"],
    ["o13", "p2", "50.00"],
    ["o14", "p1", "20.00"]
  ]) {
    d.order_items.rows.push([o!, "1", product!, "s1", "2018-06-10 10:00:00", price!, "0.00"]);
    d.order_payments.rows.push([o!, "1", "credit_card", "1", price!]);
  }
  return d;
}

// Valid orders with items, by hand (o5 is canceled):
//   u1 SP  o1 2018-01-10 p1 100 · o2 2018-02-09 p2 50 + p3 30     u2 RJ  o3 2016-10-01 p1 200
//   u3 MG  o4 2017-01-01 p2 80                                    u4 SP  o6 2017-03-01 p1 40 · o7 2017-09-01 p2 70
//   u5 PR  9o8 2018-06-30 p3 90                                   u6 SP  o10 2017-05-01 p1 70 · o11 2018-03-01 p2 60
//   u7 RJ  o12 2017-04-01 p1 30 · o13 2017-08-01 p2 50 · o14 2018-04-01 p1 20
// Analysis date and last reliable date 2018-06-30; cutoff T = 180 days earlier, 2018-01-01.
describe("the recommendation loaders on the hand-made dataset", () => {
  test("purchases: baskets, codes and the average spend per category in an order", async () => {
    const p = await withDir(writeDataset(recsOlist()), (w) => loadPurchases(w, "2018-06-30"));
    expect(p.people).toEqual(["u1", "u2", "u3", "u4", "u5", "u6", "u7"]);
    expect(p.categories).toEqual(["bed_bath_table", "health_beauty", "pc_gamer"]);
    expect(p.states).toEqual(["MG", "PR", "RJ", "SP"]);
    expect(p.baskets.length).toBe(12);
    const u1 = p.baskets.filter((b) => b.person === 0);
    expect(
      u1.map((b) => [b.products.map((i) => p.products[i]), b.categories.map((c) => p.categories[c]), p.states[b.state]])
    ).toEqual([
      [["p1"], ["bed_bath_table"], "SP"],
      [["p2", "p3"], ["health_beauty", "pc_gamer"], "SP"]
    ]);
    // bed_bath_table: (100 + 200 + 40 + 70 + 30 + 20) / 6; health_beauty: (50 + 80 + 70 + 60 + 50) / 5; pc_gamer: (30 + 90) / 2.
    expect(Array.from(p.categoryValue)).toEqual([
      expect.closeTo(460 / 6, 10),
      expect.closeTo(62, 10),
      expect.closeTo(60, 10)
    ]);
    // Until a date: later orders are not read.
    const early = await withDir(writeDataset(recsOlist()), (w) => loadPurchases(w, "2017-06-30"));
    expect(early.baskets.length).toBe(5); // o3, o4, o6, o12, o10
  });

  test("the cutoff is 180 days before the last reliable date, and too little history is an error", async () => {
    const dir = writeDataset(recsOlist());
    expect(await withDir(dir, recsWindow)).toMatchObject({
      analysisDate: "2018-06-30",
      lastReliableDate: "2018-06-30",
      cutoff: "2018-01-01",
      testDays: 180
    });
    process.env.ANALYSIS_DATE = "2017-01-31";
    await expect(withDir(dir, recsWindow)).rejects.toThrow(
      /data run from 2016-10-01 to 2017-01-31, too short to train before a 180-day test window/
    );
  });

  test("evaluation: the test people, what training holds, and the best-seller list's metrics by hand", async () => {
    const m = await withDir(writeDataset(recsOlist()), recommendationMetrics);
    // Training: o3, o4, o6, o7, o10, o12, o13 (up to 2018-01-01) from u2, u3, u4, u6, u7; nothing later.
    expect(m.training).toMatchObject({
      to: "2018-01-01",
      last_purchase: "2017-09-01",
      orders: 7,
      people: 5,
      products: 2,
      categories: 2
    });
    // u6 (one order before T, next p2) and u7 (two orders before T, next p1); u1 and u5 have no history before T.
    expect(m.test).toMatchObject({from: "2018-01-02", to: "2018-06-30", people: 2, one_order: 1, several_orders: 1});
    // u7's next order repeats a product (and category) bought before; u6's does not.
    expect(m.repeat_rates).toEqual({product: 0.5, category: 0.5});
    // Best sellers before T: p1 (o3, o6, o10, o12) then p2 (o4, o7, o13). u6's p2 is 2nd, u7's p1 is 1st.
    const popular = m.results.find((r) => r.candidate === "popular" && r.level === "product" && r.segment === "all")!;
    expect(popular).toMatchObject({
      people: 2,
      hit_at_5: 1,
      hit_at_10: 1,
      recall_at_10: 1,
      items_recommended: 2,
      catalog_items: 2,
      catalog_coverage: 1
    });
    expect(popular.ndcg_at_10).toBeCloseTo((1 / Math.log2(3) + 1) / 2, 6);
    const several = m.results.find(
      (r) => r.candidate === "popular" && r.level === "category" && r.segment === "several orders"
    )!;
    expect(several).toMatchObject({people: 1, hit_at_10: 1, ndcg_at_10: 1});
    // Every candidate is reported at both levels; the latent model only for people with several orders.
    expect(m.results.filter((r) => r.candidate === "latent").map((r) => r.segment)).toEqual([
      "several orders",
      "several orders"
    ]);
    expect(m.results.length).toBe(5 * 2 * 3 + 2);
  });

  test("published lists: one row per person, readable, equal to the lists worked out by hand; the pack holds the same rows", async () => {
    const dir = writeDataset(recsOlist());
    const packFile = join(mkdtempSync(join(tmpdir(), "olist-recs-")), "recs.pack");
    const [file, lists, affinity] = await withDir(dir, async (w) => {
      const out = [
        await recommendationsFile(w),
        await recommendationLists(w),
        await recommendationAffinity(w)
      ] as const;
      await writeRecommendationLookupPack(w, packFile);
      return out;
    });
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    const rows = (
      await db.runAndReadAll(`SELECT * FROM read_parquet('${file.replace(/'/g, "''")}')`)
    ).getRowObjectsJS() as RecommendationRow[];
    db.closeSync();
    instance.closeSync();
    expect(rows.map((r) => [r.customer_unique_id, r.orders, r.state, r.basis])).toEqual([
      ["u1", 2, "SP", "history"],
      ["u2", 1, "RJ", "first order"],
      ["u3", 1, "MG", "first order"],
      ["u4", 2, "SP", "history"],
      ["u5", 1, "PR", "first order"],
      ["u6", 2, "SP", "history"],
      ["u7", 3, "RJ", "history"]
    ]);
    expect(lists).toMatchObject({
      recent: {from: "2018-05-06", to: "2018-06-30", weeks: 8},
      trained: {people: 7},
      one_order_people: 3, // u2, u3, u5
      examples: {history: "u1", first_order: "u2"}
    });
    // u2 (RJ) bought p1 once. No two categories share 5 buyers (bed & health: u1, u4, u6, u7), so u2's categories
    // are what is popular in RJ: no RJ order in the last 8 weeks; all time bed_bath_table 3 orders (o3, o12, o14),
    // health_beauty 1 (< 3); then the national last 8 weeks: pc_gamer (9o8); then all time: health_beauty 5 orders.
    const u2 = rows[1]!;
    const list = (level: "product" | "category") =>
      u2[level].map((item, i) => [
        item,
        u2[`${level}_reason`][i],
        u2[`${level}_because`][i],
        u2[`${level}_support`][i]
      ]);
    expect(list("category")).toEqual([
      ["bed_bath_table", "popular_state", "RJ", 3],
      ["pc_gamer", "popular_recent", null, 1],
      ["health_beauty", "popular", null, 5]
    ]);
    // Products: p2 was bought by 4 buyers of p1 (u1, u4, u6, u7; never in the same order), then the best sellers of
    // those categories: p1 (6 orders), p3 (2); p2 is listed already.
    expect(list("product")).toEqual([
      ["p2", "co_buyers", "p1", 4],
      ["p1", "best_seller_in", "bed_bath_table", 6],
      ["p3", "best_seller_in", "pc_gamer", 2]
    ]);
    expect(u2.product_category).toEqual(["health_beauty", "bed_bath_table", "pc_gamer"]);
    expect(u2.product_because_category).toEqual(["bed_bath_table", null, null]);
    // The lookup pack gives each person's row as the Parquet file has it, and nothing for an unknown id.
    const pack = await openLookupFile(packFile);
    expect(pack.header.rows).toBe(7);
    for (const row of rows) expect(await pack.get(row.customer_unique_id)).toEqual(row);
    expect(await pack.get("no-such-person")).toBeNull();
    // Affinity: the only pair of categories with buyers in common has 4 of them, under the minimum of 5.
    expect(affinity.pairs).toEqual([]);
    expect(affinity.categories.map((c) => [c.name, c.buyers, c.again])).toEqual([
      ["bed_bath_table", 5, 1],
      ["health_beauty", 5, 0],
      ["pc_gamer", 2, 0]
    ]);
  });
});
