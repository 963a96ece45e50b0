// The templated pages' data (/states/[state], /categories/[category]) on the hand-made dataset: every KPI
// computed by hand from test/fixtures/tiny-olist.ts (see the comments), and the slices checked against the
// overview's own totals.
import {afterEach, beforeAll, describe, expect, test} from "vitest";
import {kpis} from "../loaders/kpis.js";
import {overview} from "../loaders/overview.js";
import {categorySlices, CATEGORIES_MISSING} from "../loaders/slices/categories.js";
import {slicePagePaths, slicePathsFile} from "../loaders/slices/paths.js";
import {stateSlices} from "../loaders/slices/states.js";
import {writeSlicePaths} from "../loaders/slices/write-paths.js";
import {tinyOlist, writeDataset, type Dataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

let dir: string;
beforeAll(() => {
  useTempCache();
  dir = writeDataset(tinyOlist());
});
afterEach(() => {
  delete process.env.ANALYSIS_DATE;
});

function mutated(change: (d: Dataset) => void, omit: string[] = []): string {
  const dataset = tinyOlist();
  change(dataset);
  return writeDataset(dataset, omit);
}

/** The KPIs alone: without the trend, the top lists and the changes (test/kpi-changes.test.ts checks those). */
const kpisOf = <T extends {monthly: unknown; changes: unknown; what_changed: unknown; summary: unknown}>(slices: T[]) =>
  slices.map(({monthly, changes, what_changed, summary, ...rest}) =>
    Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith("top_")))
  );

describe("state pages", () => {
  test("KPIs per state, computed by hand", async () => {
    const s = await withDir(dir, stateSlices);
    expect(s.analysis_date).toBe("2018-06-30");
    expect(s.revenue_basis).toBe("payments");
    expect(kpisOf(s.slices)).toEqual([
      // SP: u1 (o1, o2) and u4 (o6, o7); payments 110 + 90 + 44 + 77; both people have 2 valid orders;
      // delivered: o2 late (02-25 after 02-20), the other three on time; reviews o1 5 and o2 2.
      {
        key: "SP",
        name: "SP",
        slug: "SP",
        customers: 2,
        orders: 4,
        revenue: 321,
        aov: 80.25,
        repeat_customer_rate: 1,
        on_time_rate: 0.75,
        review_score: 3.5
      },
      {
        key: "RJ",
        name: "RJ",
        slug: "RJ",
        customers: 1,
        orders: 1,
        revenue: 220,
        aov: 220,
        repeat_customer_rate: 0,
        on_time_rate: 1,
        review_score: 4
      },
      // MG: u3's second order (o5) is canceled: it counts as an order and in revenue, not for repeats or delivery.
      {
        key: "MG",
        name: "MG",
        slug: "MG",
        customers: 1,
        orders: 2,
        revenue: 154,
        aov: 77,
        repeat_customer_rate: 0,
        on_time_rate: 1,
        review_score: null
      },
      {
        key: "PR",
        name: "PR",
        slug: "PR",
        customers: 1,
        orders: 1,
        revenue: 99,
        aov: 99,
        repeat_customer_rate: 0,
        on_time_rate: 1,
        review_score: null
      }
    ]);
  });

  test("monthly trend and top lists of a state", async () => {
    const sp = (await withDir(dir, stateSlices)).slices.find((x) => x.key === "SP")!;
    expect(sp.monthly).toEqual([
      {month: "2017-03", orders: 1, revenue: 44},
      {month: "2017-09", orders: 1, revenue: 77},
      {month: "2018-01", orders: 1, revenue: 110},
      {month: "2018-02", orders: 1, revenue: 90}
    ]);
    // Items of SP's orders: p1 (cama_mesa_banho) 100 + 40, p2 (beleza_saude) 50 + 70, p3 (pc_gamer) 30.
    expect(sp.top_categories).toEqual([
      {category: "bed_bath_table", orders: 2, revenue: 140},
      {category: "health_beauty", orders: 2, revenue: 120},
      {category: "pc_gamer", orders: 1, revenue: 30}
    ]);
    expect(sp.top_cities).toEqual([{city: "sao paulo", customers: 2, orders: 4, revenue: 321}]);
  });

  test("ANALYSIS_DATE leaves later orders out, and a state with none has no page", async () => {
    process.env.ANALYSIS_DATE = "2018-01-31";
    const s = await withDir(dir, stateSlices);
    expect(s.slices.map((x) => x.key)).toEqual(["SP", "RJ", "MG"]); // PR's only order is 2018-06-30
    // SP: o1, o6, o7 (o2 is later); only u4 has two orders.
    expect(kpisOf(s.slices)[0]).toMatchObject({
      orders: 3,
      revenue: 231,
      aov: 77,
      repeat_customer_rate: 0.5,
      on_time_rate: 1,
      review_score: 5
    });
  });

  test("each page opens with the state's size and rank, in words", async () => {
    const s = await withDir(dir, stateSlices);
    // SP: 4 of the 8 orders, R$321 of the R$794 paid (40.4%), the largest; PR: 99 / 794 = 12.5%, fourth of four.
    expect(s.slices.map((x) => x.summary)).toEqual([
      "Customers in SP placed 4 orders up to 2018-06-30, 50.0% of the orders whose customer's state is known, and paid R$321 (40.4% of the payments; the largest state by revenue).",
      "Customers in RJ placed 1 order up to 2018-06-30, 12.5% of the orders whose customer's state is known, and paid R$220 (27.7% of the payments; number 2 of 4 states by revenue).",
      "Customers in MG placed 2 orders up to 2018-06-30, 25.0% of the orders whose customer's state is known, and paid R$154 (19.4% of the payments; number 3 of 4 states by revenue).",
      "Customers in PR placed 1 order up to 2018-06-30, 12.5% of the orders whose customer's state is known, and paid R$99 (12.5% of the payments; number 4 of 4 states by revenue)."
    ]);
  });

  test("states add up to the overview's totals", async () => {
    const [s, k, o] = [await withDir(dir, stateSlices), await withDir(dir, kpis), await withDir(dir, overview)];
    expect(s.slices.reduce((sum, x) => sum + x.orders, 0)).toBe(k.orders);
    expect(s.slices.reduce((sum, x) => sum + x.revenue, 0)).toBeCloseTo(k.revenue_payments, 2);
    expect(s.slices.map((x) => [x.key, x.customers, x.orders, x.revenue])).toEqual(
      o.states.map((x) => [x.state, x.customers, x.orders, x.revenue])
    );
  });

  test("a state name from the data becomes a URL-safe slug, and stays as written", async () => {
    const weird = mutated((d) => {
      d.customers.rows[7][4] = "p r/<b>"; // 8c, the PR customer
    });
    const s = await withDir(weird, stateSlices);
    const state = s.slices.find((x) => x.orders === 1 && x.revenue === 99)!;
    expect(state.name).toBe("P R/<B>"); // ingest upper-cases states
    expect(state.slug).toBe("P-R-B");
  });
});

describe("category pages", () => {
  test("KPIs per category, computed by hand", async () => {
    const c = await withDir(dir, categorySlices);
    expect(c.revenue_basis).toBe("items");
    expect(c.missing).toBeUndefined();
    expect(kpisOf(c.slices)).toEqual([
      // p1 in o1 (u1, SP) 100, o3 (u2, RJ) 200, o6 (u4, SP) 40: all delivered on time; reviews o1 5 and o3 4.
      {
        key: "cama_mesa_banho",
        name: "bed_bath_table",
        slug: "bed_bath_table",
        customers: 3,
        orders: 3,
        revenue: 340,
        aov: 113.33,
        repeat_customer_rate: 0,
        on_time_rate: 1,
        review_score: 4.5
      },
      // p2 in o2 (late, review 2), o4 and o7 (on time, no review).
      {
        key: "beleza_saude",
        name: "health_beauty",
        slug: "health_beauty",
        customers: 3,
        orders: 3,
        revenue: 200,
        aov: 66.67,
        repeat_customer_rate: 0,
        on_time_rate: 0.666667,
        review_score: 2
      },
      // p3 (no translation) in o2 (late), o5 (canceled: not delivered, not a buyer) and 9o8 (on time).
      {
        key: "pc_gamer",
        name: "pc_gamer",
        slug: "pc_gamer",
        customers: 3,
        orders: 3,
        revenue: 180,
        aov: 60,
        repeat_customer_rate: 0,
        on_time_rate: 0.5,
        review_score: 2
      }
    ]);
  });

  test("monthly trend and top lists of a category", async () => {
    const c = await withDir(dir, categorySlices);
    const bed = c.slices.find((x) => x.key === "cama_mesa_banho")!;
    expect(bed.monthly).toEqual([
      {month: "2016-10", orders: 1, revenue: 200},
      {month: "2017-03", orders: 1, revenue: 40},
      {month: "2018-01", orders: 1, revenue: 100}
    ]);
    expect(bed.top_states).toEqual([
      {state: "RJ", customers: 1, orders: 1, revenue: 200},
      {state: "SP", customers: 2, orders: 2, revenue: 140}
    ]);
    expect(bed.top_products).toEqual([{product_id: "p1", items: 3, orders: 3, revenue: 340}]);
    expect(bed.top_sellers).toEqual([
      {seller_id: "s1", seller_city: "campinas", seller_state: "SP", items: 3, orders: 3, revenue: 340}
    ]);
    const gamer = c.slices.find((x) => x.key === "pc_gamer")!;
    expect(gamer.top_sellers).toEqual([
      {seller_id: "s2", seller_city: "florianopolis", seller_state: "SC", items: 3, orders: 3, revenue: 180}
    ]);
  });

  test("a person who buys a category in two orders is a repeat buyer of it", async () => {
    const more = mutated((d) => {
      d.order_items.rows.push(["o7", "2", "p1", "s1", "2017-09-06 10:00:00", "10.00", "1.00"]); // u4 buys p1 again
    });
    const bed = (await withDir(more, categorySlices)).slices.find((x) => x.key === "cama_mesa_banho")!;
    // o1, o3, o6, o7; people u1, u2, u4, of whom u4 has two orders with the category.
    expect(kpisOf([bed])[0]).toMatchObject({
      customers: 3,
      orders: 4,
      revenue: 350,
      aov: 87.5,
      repeat_customer_rate: 0.333333
    });
  });

  test("each page opens with the category's item revenue and rank, in words", async () => {
    const c = await withDir(dir, categorySlices);
    // 340 + 200 + 180 = 720 of item revenue: 47.2%, 27.8%, 25.0%.
    expect(c.slices.map((x) => x.summary)).toEqual([
      "Its items sold for R$340 in 3 orders up to 2018-06-30, 47.2% of all item revenue (the largest category).",
      "Its items sold for R$200 in 3 orders up to 2018-06-30, 27.8% of all item revenue (number 2 of 3 categories).",
      "Its items sold for R$180 in 3 orders up to 2018-06-30, 25.0% of all item revenue (number 3 of 3 categories)."
    ]);
  });

  test("categories match the overview's top categories", async () => {
    const [c, o] = [await withDir(dir, categorySlices), await withDir(dir, overview)];
    expect(c.slices.map((x) => [x.key, x.name, x.orders, x.revenue])).toEqual(
      o.categories!.map((x) => [x.category, x.category_english, x.orders, x.revenue])
    );
  });

  test("without the products file there are no category pages, and the file says why", async () => {
    const c = await withDir(writeDataset(tinyOlist(), ["products"]), categorySlices);
    expect(c.slices).toEqual([]);
    expect(c.missing).toBe(CATEGORIES_MISSING);
  });
});

describe("the paths Framework builds", () => {
  test("prepare's slug list gives one page per slice in the loaders' output", async () => {
    const slugs = await withDir(dir, async (w) => writeSlicePaths(w, await w.analysisDate()));
    expect(slugs).toEqual({
      states: ["SP", "RJ", "MG", "PR"],
      categories: ["bed_bath_table", "health_beauty", "pc_gamer"]
    });
    expect(slicePathsFile().startsWith(process.env.OLIST_CACHE_DIR!)).toBe(true);
    expect(slicePagePaths()).toEqual([
      "/states/SP",
      "/states/RJ",
      "/states/MG",
      "/states/PR",
      "/categories/bed_bath_table",
      "/categories/health_beauty",
      "/categories/pc_gamer"
    ]);
  });
});
