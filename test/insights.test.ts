// Pareto shares, the Lorenz curve and Gini by hand, and the insights loader on the hand-made dataset.
import {beforeAll, describe, expect, test} from "vitest";
import {gini, lorenzCurve, topShare} from "../lib/pareto.js";
import {insights} from "../loaders/insights.js";
import {tinyOlist, writeDataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

describe("revenue concentration", () => {
  const revenue = [50, 10, 30, 10]; // total 100

  test("top shares take the ⌈fraction·n⌉ largest units", () => {
    expect(topShare(revenue, 0.25)).toBe(0.5); // the top 1 of 4
    expect(topShare(revenue, 0.5)).toBe(0.8); // 50 + 30
    expect(topShare(revenue, 0.3)).toBe(0.8); // ⌈1.2⌉ = 2 units
    expect(topShare(revenue, 1)).toBe(1);
    expect(topShare([0, 0], 0.5)).toBe(0);
  });

  test("Lorenz curve interpolates between units, smallest first", () => {
    expect(lorenzCurve(revenue, 4)).toEqual([
      {population: 0, share: 0},
      {population: 0.25, share: 0.1},
      {population: 0.5, share: 0.2},
      {population: 0.75, share: 0.5},
      {population: 1, share: 1}
    ]);
    expect(lorenzCurve(revenue, 8)[1].share).toBeCloseTo(0.05, 12); // half of the smallest unit
  });

  test("Gini by the mean-difference formula", () => {
    // G = Σ_i Σ_j |x_i − x_j| / (2 n² mean): pairs |50−10|·2, |50−30|, |30−10|·2, |10−10| → 40+40+20+20+20 = 140,
    // doubled for ordered pairs = 280; 2 · 16 · 25 = 800 → 0.35.
    expect(gini(revenue)).toBeCloseTo(0.35, 12);
    expect(gini([5, 5, 5])).toBeCloseTo(0, 12);
    expect(() => topShare([1, -1], 0.5)).toThrow("revenue values must be non-negative numbers, got -1");
  });
});

describe("insights on the hand-made dataset", () => {
  beforeAll(() => {
    useTempCache();
  });

  test("concentration, states, payments and findings by hand", async () => {
    const result = await withDir(writeDataset(tinyOlist()), insights);
    // Valid orders' payments per person: u1 200, u2 220, u3 88, u4 121, u5 99 (total 728).
    expect(result.customers.units).toBe(5);
    expect(result.customers.top20).toBeCloseTo(220 / 728, 5);
    expect(result.customers.top10).toBeCloseTo(220 / 728, 5); // ⌈0.5⌉ = 1 person
    // Sellers by item price over valid orders: s1 100+50+200+40+70 = 460, s2 30+80+90 = 200.
    expect(result.sellers!.top20).toBeCloseTo(460 / 660, 5);
    expect(result.states.map((s) => [s.state, s.customers, s.revenue])).toEqual([
      ["SP", 2, 321], // u1 (110 + 90) and u4 (44 + 77)
      ["RJ", 1, 220],
      ["PR", 1, 99],
      ["MG", 1, 88] // o5 is canceled
    ]);
    expect(result.findings.geography).toBe("SP customers bring 44% of revenue (2 people).");
    // o2 splits 20 voucher + 70 credit card: credit card carries most of it.
    expect(result.payments.find((p) => p.payment_type === "credit_card")).toMatchObject({orders: 4, first_orders: 2});
    expect(result.peak_days[0]).toMatchObject({orders: 1});
    // Only o2 was late (2018-02-25 vs 2018-02-20) and its review scored 2.
    expect(result.lateness_reviews!.find((r) => r.lateness === "1–5 days late")).toMatchObject({
      orders: 1,
      avg_review_score: 2
    });
    expect(result.findings.reviews).toBe(
      "Late orders average a review score of 2.0, against 4.5 for orders on time or early."
    );
    expect(result.missing).toEqual({});
  });

  test("a missing optional file empties its section and says why", async () => {
    const result = await withDir(writeDataset(tinyOlist(), ["order_reviews", "geolocation"]), insights);
    expect(result.lateness_reviews).toBeNull();
    expect(result.map).toBeNull();
    expect(result.missing).toEqual({
      map: "olist_geolocation_dataset.csv is absent, so customers cannot be placed on a map",
      reviews: "olist_order_reviews_dataset.csv is absent, so there are no review scores"
    });
    expect(result.findings.reviews).toBeUndefined();
  });
});
