// KPIs of the hand-made dataset, computed by hand (see the comments) and compared field by field.
import {afterEach, beforeAll, describe, expect, test} from "vitest";
import {kpis} from "../loaders/kpis.js";
import {overview} from "../loaders/overview.js";
import {tinyOlist, writeDataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

let dir: string;
beforeAll(() => {
  useTempCache();
  dir = writeDataset(tinyOlist());
});
afterEach(() => {
  delete process.env.ANALYSIS_DATE;
});

describe("kpis on the hand-made dataset", () => {
  test("default analysis date: the last purchase date", async () => {
    const k = await withDir(dir, kpis);
    expect(k).toMatchObject({
      analysis_date: "2018-06-30",
      analysis_date_rule: "the last purchase date in the data",
      first_purchase: "2016-10-01 08:30:00",
      last_purchase: "2018-06-30 20:00:00",
      customers: 5, // u1…u5
      orders: 8,
      orders_delivered: 7, // o5 is canceled
      revenue_payments: 794, // 110 + 20 + 70 + 220 + 88 + 66 + 44 + 77 + 99
      revenue_items: 794, // (100+10) + (50+5) + (30+5) + (200+20) + (80+8) + (60+6) + (40+4) + (70+7) + (90+9)
      aov: 99.25, // 794 / 8 paid orders
      repeat_customer_rate: 0.4, // u1 and u4 have 2 valid orders; u3's second order is canceled
      avg_revenue_per_customer: 158.8, // 794 / 5
      // u2: one order 637 days ago (> 540) → churned; u3: one valid order 545 days ago → churned;
      // u1: frequent (gap 30 d), 141 days → active; u4: repeat (gap 184 d), 302 days → active; u5: 0 days.
      churn_rate: 0.4,
      active_customers: 3,
      churned_customers: 2
    });
  });

  test("ANALYSIS_DATE ignores later orders", async () => {
    process.env.ANALYSIS_DATE = "2018-01-31";
    const k = await withDir(dir, kpis);
    expect(k).toMatchObject({
      analysis_date: "2018-01-31",
      analysis_date_rule: "set by ANALYSIS_DATE",
      last_purchase: "2018-01-10 10:00:00",
      customers: 4, // u5 buys later
      orders: 6, // o2 and 9o8 are later
      revenue_payments: 605, // 110 + 220 + 88 + 66 + 44 + 77
      repeat_customer_rate: 0.25, // only u4 (u1's second order is later)
      // u2: 487 days (≤ 540), u3: 395 days, u4: 152 days, u1: 21 days → nobody churned
      churn_rate: 0,
      active_customers: 4
    });
  });

  test("ANALYSIS_DATE before the data is an error", async () => {
    process.env.ANALYSIS_DATE = "2015-01-01";
    await expect(withDir(dir, kpis)).rejects.toThrow(
      "ANALYSIS_DATE=2015-01-01 is before the first purchase in the data (2016-10-01)"
    );
  });

  test("malformed ANALYSIS_DATE is an error", async () => {
    process.env.ANALYSIS_DATE = "31/01/2018";
    await expect(withDir(dir, kpis)).rejects.toThrow("ANALYSIS_DATE=31/01/2018: expected a date as YYYY-MM-DD");
  });
});

describe("overview on the hand-made dataset", () => {
  test("monthly totals, categories with English names, states and churn groups", async () => {
    const o = await withDir(dir, overview);
    expect(o.monthly.find((m) => m.month === "2018-02")).toEqual({
      month: "2018-02",
      orders: 1,
      orders_valid: 1,
      revenue: 90,
      revenue_valid: 90,
      new_customers: 0
    });
    expect(o.monthly.find((m) => m.month === "2017-06")).toMatchObject({
      orders: 1,
      orders_valid: 0,
      revenue: 66,
      revenue_valid: 0
    });
    expect(o.categories).toEqual([
      // p1: 100 + 200 + 40; p2: 50 + 80 + 70; p3 (pc_gamer has no translation): 30 + 60 + 90
      {category: "cama_mesa_banho", category_english: "bed_bath_table", items: 3, orders: 3, revenue: 340},
      {category: "beleza_saude", category_english: "health_beauty", items: 3, orders: 3, revenue: 200},
      {category: "pc_gamer", category_english: "pc_gamer", items: 3, orders: 3, revenue: 180}
    ]);
    expect(o.states).toEqual([
      {state: "SP", customers: 2, orders: 4, revenue: 321}, // 110 + 90 + 44 + 77
      {state: "RJ", customers: 1, orders: 1, revenue: 220},
      {state: "MG", customers: 1, orders: 2, revenue: 154},
      {state: "PR", customers: 1, orders: 1, revenue: 99}
    ]);
    expect(o.churn.map((g) => [g.group, g.customers, g.churned])).toEqual([
      ["frequent", 1, 0],
      ["repeat", 1, 0],
      ["one-time", 3, 2]
    ]);
    expect(o.orders_per_customer).toEqual([
      {orders: 1, customers: 3, share: 0.6}, // u2, u3, u5 of 5 buyers
      {orders: 2, customers: 2, share: 0.4} // u1, u4
    ]);
    expect(o.findings).toEqual({
      repeat_purchases: "60.0% of 5 buyers placed a single order; 40.0% came back at least once.",
      // u2 and u3 churned (see kpis above)
      churn_status: "By this rule 40.0% of 5 buyers are churned and 3 are active."
    });
  });
});
