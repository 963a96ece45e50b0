// The KPI cards' changes on the hand-made dataset, extended so that it spans enough months: the windows, every
// card's figures and changes (computed by hand in the comments, and the monthly series by an independent loop over
// the fixture's rows), the sparse-month and no-year-earlier rules, the sentences, and the same for a state and a
// category.
import {afterEach, beforeAll, describe, expect, test} from "vitest";
import {kpis} from "../loaders/kpis.js";
import {categorySlices} from "../loaders/slices/categories.js";
import {stateSlices} from "../loaders/slices/states.js";
import {tinyOlist, writeDataset, type Dataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

/**
 * tiny-olist plus seven orders (10:00, delivered at 18:00 the same day, before the estimate at 20:00), one item
 * and one payment each:
 *   a7 2017-02-10 u8 (PR)  40 (p1 35 + 5)      a3 2018-03-10 u7 (RJ) 100 (p3 90 + 10)
 *   a1 2017-04-10 u6 (SP)  50 (p1 45 + 5)      a4 2018-04-10 u6 (SP)  80 (p1 70 + 10)
 *   a2 2017-05-10 u6 (SP)  60 (p2 55 + 5)      a5 2018-05-10 u7 (RJ) 120 (p2 110 + 10)
 *                                              a6 2018-05-20 u1 (SP)  30 (p3 25 + 5)
 * With tiny-olist's o3 2016-10 (220), o4 2017-01 (88), o6 2017-03 (44), o5 2017-06 (66, canceled), o7 2017-09
 * (77), o1 2018-01 (110), o2 2018-02 (90), 9o8 2018-06 (99), every month from 2016-10 to 2018-06 has one order or
 * more except 2016-11, 2016-12, 2017-07, 2017-08 and 2017-10 … 2017-12, which are sparse (no order).
 */
function spanning(change: (d: Dataset) => void = () => {}): Dataset {
  const d = tinyOlist();
  const added: [string, string, string, string, string, string, string][] = [
    // order, customer, person, state, day, product, price (+ freight = payment)
    ["a7", "c15", "u8", "PR", "2017-02-10", "p1", "35"],
    ["a1", "c9", "u6", "SP", "2017-04-10", "p1", "45"],
    ["a2", "c10", "u6", "SP", "2017-05-10", "p2", "55"],
    ["a3", "c11", "u7", "RJ", "2018-03-10", "p3", "90"],
    ["a4", "c12", "u6", "SP", "2018-04-10", "p1", "70"],
    ["a5", "c13", "u7", "RJ", "2018-05-10", "p2", "110"],
    ["a6", "c14", "u1", "SP", "2018-05-20", "p3", "25"]
  ];
  const freight: Record<string, string> = {a7: "5", a1: "5", a2: "5", a3: "10", a4: "10", a5: "10", a6: "5"};
  for (const [order, customer, person, state, day, product, price] of added) {
    d.customers.rows.push([customer, person, "01001", "city", state]);
    d.orders.rows.push([
      order,
      customer,
      "delivered",
      `${day} 10:00:00`,
      `${day} 11:00:00`,
      `${day} 12:00:00`,
      `${day} 18:00:00`,
      `${day} 20:00:00`
    ]);
    d.order_items.rows.push([order, "1", product, "s1", `${day} 12:00:00`, `${price}.00`, `${freight[order]}.00`]);
    d.order_payments.rows.push([order, "1", "credit_card", "1", `${Number(price) + Number(freight[order])}.00`]);
  }
  change(d);
  return d;
}

/**
 * The flow figures of a set of months straight from the fixture's rows (no SQL): orders of every status,
 * payments, paid orders and distinct people.
 */
function fromRows(d: Dataset, months: string[]) {
  const person = new Map(d.customers.rows.map((r) => [r[0], r[1]]));
  const orders = d.orders.rows.filter((r) => months.includes(r[3].slice(0, 7)));
  const paid = new Map<string, number>();
  for (const [order, , , , value] of d.order_payments.rows) paid.set(order, (paid.get(order) ?? 0) + Number(value));
  const revenue = orders.reduce((sum, r) => sum + (paid.get(r[0]) ?? 0), 0);
  const paidOrders = orders.filter((r) => paid.has(r[0])).length;
  const people = new Set(orders.map((r) => person.get(r[1]))).size;
  return {orders: orders.length, revenue, aov: paidOrders ? revenue / paidOrders : null, people};
}

let dir: string;
beforeAll(() => {
  useTempCache();
  dir = writeDataset(spanning());
});
afterEach(() => {
  delete process.env.ANALYSIS_DATE;
});

describe("the overview's changes", () => {
  test("the last three complete months against the three before and a year earlier", async () => {
    const {comparison} = await withDir(dir, kpis);
    // The analysis date is 2018-06-30, so June is complete.
    expect(comparison.recent).toEqual({
      months: ["2018-04", "2018-05", "2018-06"],
      label: "Apr–Jun 2018",
      as_of: "2018-06-30"
    });
    expect(comparison.previous?.label).toBe("Jan–Mar 2018");
    expect(comparison.year_ago?.label).toBe("Apr–Jun 2017");
    expect(comparison.sparkline_months).toHaveLength(21); // 2016-10 … 2018-06
  });

  test("every card's figures and changes, by hand", async () => {
    const {changes} = await withDir(dir, kpis);
    const pick = (f: keyof typeof changes) => {
      const {recent, previous, year_ago, vs_previous, vs_year_ago} = changes[f];
      return {recent, previous, year_ago, vs_previous, vs_year_ago};
    };
    // Apr–Jun 2018: a4 80, a5 120, a6 30, 9o8 99 (u6, u7, u1, u5); Jan–Mar 2018: o1 110, o2 90, a3 100 (u1, u7);
    // Apr–Jun 2017: a1 50, a2 60, o5 66 (canceled, still an order and a payment) (u6, u3).
    expect(pick("revenue_payments")).toEqual({
      recent: 329,
      previous: 300,
      year_ago: 176,
      vs_previous: 0.096667, // 329 / 300 − 1
      vs_year_ago: 0.869318 // 329 / 176 − 1
    });
    expect(pick("orders")).toEqual({recent: 4, previous: 3, year_ago: 3, vs_previous: 0.333333, vs_year_ago: 0.333333});
    expect(pick("customers")).toEqual({recent: 4, previous: 2, year_ago: 2, vs_previous: 1, vs_year_ago: 1});
    // 329 / 4 = 82.25; 300 / 3 = 100; 176 / 3 = 58.67 (as published); 82.25 / 100 − 1; 82.25 / 58.67 − 1
    expect(pick("aov")).toEqual({
      recent: 82.25,
      previous: 100,
      year_ago: 58.67,
      vs_previous: -0.1775,
      vs_year_ago: 0.401909
    });
    // 329 / 4 people; 300 / 2; 176 / 2 = 88
    expect(pick("avg_revenue_per_customer")).toEqual({
      recent: 82.25,
      previous: 150,
      year_ago: 88,
      vs_previous: -0.451667,
      vs_year_ago: -0.065341
    });
    // As of 2018-06-30, 8 people have a valid order and u1, u4, u6, u7 two or more: 4 / 8. As of 2018-03-31: 7
    // people (u5 not yet), u1, u4, u6 repeat: 3 / 7. As of 2017-06-30: u2, u3, u4, u6, u8, u6 repeats: 1 / 5.
    expect(pick("repeat_customer_rate")).toEqual({
      recent: 0.5,
      previous: 0.428571,
      year_ago: 0.2,
      vs_previous: 0.071429, // points: 0.5 − 0.428571
      vs_year_ago: 0.3
    });
    // Churned by the seed rule as of 2018-06-30: u2 (637 days, one-time), u3 (545 days) → 2 / 8. As of 2018-03-31:
    // u2 (546 days) and u6 (two orders 30 days apart = frequent, 325 days since) → 2 / 7. As of 2017-06-30: nobody.
    expect(pick("churn_rate")).toEqual({
      recent: 0.25,
      previous: 0.285714,
      year_ago: 0,
      vs_previous: -0.035714,
      vs_year_ago: 0.25
    });
    // Active = people − churned: 8 − 2, 7 − 2, 5 − 0.
    expect(pick("active_customers")).toEqual({recent: 6, previous: 5, year_ago: 5, vs_previous: 0.2, vs_year_ago: 0.2});
    // Churn going down is good news, but four orders are too few to read: no card is coloured.
    expect(changes.churn_rate).toMatchObject({better: "down", measure: "points", basis: "month_end"});
    for (const change of Object.values(changes)) {
      expect([change.tone_vs_previous, change.tone_vs_year_ago]).toEqual(["few_orders", "few_orders"]);
    }
  });

  test("the headline churn figures are the month-end figures as of the analysis date", async () => {
    const k = await withDir(dir, kpis);
    expect([k.churn_rate, k.active_customers, k.churned_customers]).toEqual([0.25, 6, 2]);
    expect(k.repeat_customer_rate).toBe(k.changes.repeat_customer_rate.recent);
  });

  test("monthly series against an independent count of the fixture's rows; sparse months are blank", async () => {
    const {comparison, changes} = await withDir(dir, kpis);
    const d = spanning();
    comparison.sparkline_months.forEach((month, i) => {
      const sparse = ["2016-11", "2016-12", "2017-07", "2017-08", "2017-10", "2017-11", "2017-12"].includes(month);
      const expected = fromRows(d, [month]);
      expect(changes.revenue_payments.monthly[i], month).toBe(sparse ? null : expected.revenue);
      expect(changes.orders.monthly[i], month).toBe(sparse ? null : expected.orders);
      expect(changes.customers.monthly[i], month).toBe(sparse ? null : expected.people);
      expect(changes.aov.monthly[i], month).toBe(sparse ? null : Number(expected.aov!.toFixed(2)));
    });
    expect(changes.revenue_payments.monthly.slice(-3)).toEqual([80, 150, 99]); // a4; a5 + a6; 9o8
    // And the sides, the same way.
    for (const side of ["recent", "previous", "year_ago"] as const) {
      const expected = fromRows(d, comparison[side]!.months);
      expect(changes.revenue_payments[side], side).toBe(expected.revenue);
      expect(changes.customers[side], side).toBe(expected.people);
    }
  });

  test("the sentences say what changed, that the orders are too few to read, and which months are left out", async () => {
    const {what_changed} = await withDir(dir, kpis);
    expect(what_changed).toEqual([
      "Apr–Jun 2018 against Jan–Mar 2018: revenue rose 9.7% to R$329, orders rose 33% to 4 and customers rose 100% to 4.",
      "Against Apr–Jun 2017: revenue up 87%, orders up 33% and customers up 100%.",
      "With fewer than 30 orders in Apr–Jun 2018 or in the months it is compared with, the changes are too noisy to read: the cards show them without colour.",
      "Jul–Aug, Oct–Dec 2017 are left out: the data are sparse in them."
    ]);
  });

  test("a sparse month is skipped, never compared: April 2018 without its order", async () => {
    const gap = writeDataset(spanning((d) => (d.orders.rows = d.orders.rows.filter((r) => r[0] !== "a4"))));
    const {comparison, changes} = await withDir(gap, kpis);
    expect(comparison.recent?.label).toBe("Mar, May–Jun 2018");
    // Before March: Feb, Jan 2018 and then three empty months; three complete months within five cannot be found.
    expect(comparison.previous).toBeNull();
    expect(comparison.missing.previous).toBe("fewer than 3 of the 5 months up to Feb 2018 are complete");
    expect(comparison.year_ago?.months).toEqual(["2017-03", "2017-05", "2017-06"]);
    expect(comparison.left_out).toContainEqual({month: "2018-04", reason: "sparse"});
    // a3 100 + a5 120 + a6 30 + 9o8 99 = 349 against o6 44 + a2 60 + o5 66 = 170.
    expect(changes.revenue_payments).toMatchObject({recent: 349, previous: null, year_ago: 170, vs_previous: null});
    expect(changes.revenue_payments.vs_year_ago).toBe(1.052941); // 349 / 170 − 1
    const april = comparison.sparkline_months.indexOf("2018-04");
    expect(changes.revenue_payments.monthly[april]).toBeNull();
  });

  test("no year-earlier comparison when the data do not reach it", async () => {
    process.env.ANALYSIS_DATE = "2017-06-30";
    const {comparison, changes, what_changed} = await withDir(dir, kpis);
    expect(comparison.recent?.label).toBe("Apr–Jun 2017");
    expect(comparison.previous?.label).toBe("Jan–Mar 2017");
    expect(comparison.year_ago).toBeNull();
    expect(comparison.missing.year_ago).toBe("the data start in Oct 2016");
    // Apr–Jun 2017: 50 + 60 + 66 = 176; Jan–Mar 2017: o4 88 + a7 40 + o6 44 = 172.
    expect(changes.revenue_payments).toMatchObject({recent: 176, previous: 172, year_ago: null, vs_year_ago: null});
    expect(changes.revenue_payments.vs_previous).toBe(0.023256); // 176 / 172 − 1
    // Repeat customers: 1 of 5 as of 2017-06-30 (u6), 0 of 4 as of 2017-03-31 (u2, u3, u4, u8).
    expect(changes.repeat_customer_rate).toMatchObject({recent: 0.2, previous: 0, vs_previous: 0.2});
    expect(what_changed[1]).toBe("There is no comparison with a year earlier: the data start in Oct 2016.");
  });
});

describe("a state's and a category's changes", () => {
  test("SP, by hand", async () => {
    const sp = (await withDir(dir, stateSlices)).slices.find((s) => s.key === "SP")!;
    const pick = (f: keyof typeof sp.changes) => {
      const {recent, previous, year_ago, vs_previous, vs_year_ago} = sp.changes[f];
      return [recent, previous, year_ago, vs_previous, vs_year_ago];
    };
    // SP's orders: Apr–Jun 2018 a4 80 (u6), a6 30 (u1); Jan–Mar 2018 o1 110, o2 90 (u1); Apr–Jun 2017 a1 50, a2 60 (u6).
    expect(pick("revenue")).toEqual([110, 200, 110, -0.45, 0]);
    expect(pick("orders")).toEqual([2, 2, 2, 0, 0]);
    expect(pick("customers")).toEqual([2, 1, 1, 1, 1]);
    expect(pick("aov")).toEqual([55, 100, 55, -0.45, 0]);
    // On time: a4, a6 and a1, a2 on time; o2 late (02-25 after 02-20), o1 on time → 1, 0.5, 1.
    expect(pick("on_time_rate")).toEqual([1, 0.5, 1, 0.5, 0]);
    // Reviews: only o1 (5) and o2 (2) in these months.
    expect(pick("review_score")).toEqual([null, 3.5, null, null, null]);
    // Repeat buyers among SP's buyers: as of 2018-06-30 u1, u4, u6 all repeat (1); as of 2018-03-31 the same (1);
    // as of 2017-06-30 u4 has one order, u6 two (0.5).
    expect(pick("repeat_customer_rate")).toEqual([1, 1, 0.5, 0, 0.5]);
    expect(sp.what_changed[0]).toBe(
      "Apr–Jun 2018 against Jan–Mar 2018: revenue fell 45% to R$110, orders held steady at 2 and customers rose 100% to 2."
    );
  });

  test("pc_gamer, by hand: item revenue", async () => {
    const file = await withDir(dir, categorySlices);
    const gamer = file.slices.find((c) => c.key === "pc_gamer")!;
    // p3's items: Apr–Jun 2018 9o8 90, a6 25; Jan–Mar 2018 o2 30, a3 90; Apr–Jun 2017 o5 60 (canceled).
    expect(gamer.changes.revenue).toMatchObject({recent: 115, previous: 120, year_ago: 60});
    expect(gamer.changes.revenue.vs_previous).toBe(-0.041667); // 115 / 120 − 1
    expect(gamer.changes.revenue.vs_year_ago).toBe(0.916667); // 115 / 60 − 1
    expect(file.comparison.recent?.label).toBe("Apr–Jun 2018");
    // The index sentence: no category has 30 orders on both sides.
    expect(file.what_changed).toEqual([
      "No category has 30 orders in both Apr–Jun 2018 and Jan–Mar 2018: changes are not ranked."
    ]);
  });
});
