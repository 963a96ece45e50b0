// The candidates and the hybrid on six people, every list worked out by hand; and the reasons in words.
import {describe, expect, test} from "vitest";
import {histories, type Basket} from "../../lib/recs/baskets.js";
import {categoryLabel, productLabel, reasonText, REASON_KINDS} from "../../lib/recs/reasons.js";
import {
  bestSellersOf,
  DEFAULT_PARAMS,
  firstDistinct,
  hybridRecs,
  recommend,
  trainRecommender,
  type Catalog,
  type RecommenderParams
} from "../../lib/recs/recommender.js";

// Categories c0, c1, c2; products p0, p1 in c0, p2, p3 in c1, p4 in c2, p5 without a category. States SP = 0, RJ = 1.
const catalog: Catalog = {
  nProducts: 6,
  nCategories: 3,
  nStates: 2,
  productCategory: Int32Array.from([0, 0, 1, 1, 2, -1])
};
const SP = 0;
const RJ = 1;
const b = (person: number, day: number, state: number, products: number[]): Basket => ({
  person,
  day,
  state,
  products,
  categories: [...new Set(products.map((p) => catalog.productCategory[p]!).filter((c) => c >= 0))]
});
const BASKETS = [
  b(0, 1, SP, [0]),
  b(0, 5, SP, [2]), // A: two orders (c0, then c1)
  b(1, 2, SP, [0, 2]), // B: c0 and c1 in one order
  b(2, 3, RJ, [1]), // C
  b(3, 8, SP, [4, 5]), // D
  b(4, 9, SP, [0]), // E: one order
  b(5, 10, RJ, [4]) // F
];
const params: RecommenderParams = {
  ...DEFAULT_PARAMS,
  k: 4,
  priorStrength: 1,
  minSupport: {product: 1, category: 1},
  minStateOrders: 2,
  als: {factors: 2, regularization: 0.1, alpha: 10, iterations: 10, seed: 1}
};
// Recent window: days 4…10.
const model = trainRecommender(BASKETS, catalog, {fromDay: 4, toDay: 10}, params);
const people = histories(BASKETS);
const [A, , , , E, F] = people;
const items = (recs: {item: number}[]) => recs.map((r) => r.item);

describe("the recommenders on six people", () => {
  test("popularity: overall, by state and recent (orders, ties by code)", () => {
    // Products by orders: p0 3 (A, B, E), p2 2 (A, B), p4 2 (D, F), p1 1, p5 1.
    expect(recommend(model, "popular", "product", E!).map((r) => [r.item, r.reason.support])).toEqual([
      [0, 3],
      [2, 2],
      [4, 2],
      [1, 1]
    ]);
    // RJ: C's p1 and F's p4, one order each.
    expect(recommend(model, "popular_state", "product", F!).map((r) => [r.item, r.reason])).toEqual([
      [1, {kind: "popular_state", because: RJ, support: 1}],
      [4, {kind: "popular_state", because: RJ, support: 1}]
    ]);
    // Days 4…10: c2 twice (D, F), c0 (E) and c1 (A) once.
    expect(items(recommend(model, "popular_recent", "category", E!))).toEqual([2, 0, 1]);
  });

  test("the hybrid for a one-time buyer: category neighbours, then popular where they live", () => {
    // E bought p0 (c0) in SP. c0's only neighbour is c1 (A and B bought both; B in one order), so c1 comes first
    // as "bought together with c0 in 1 order". SP's recent counts are all below 2 orders, so SP's all-time best
    // sellers follow (c0: A, B, E = 3 orders; c1 is already listed), then the recent national list (c2: 2 orders).
    const {category, product} = hybridRecs(model, E!);
    expect(category.map((r) => [r.item, r.reason])).toEqual([
      [1, {kind: "together", because: 0, support: 1}],
      [0, {kind: "popular_state", because: SP, support: 3}],
      [2, {kind: "popular_recent", because: -1, support: 2}]
    ]);
    // Products: p2 is p0's co-purchase neighbour (B's order), then the best sellers of c1, c0, c2 in turn
    // (p2 is taken: p0, p4), then the second best seller of c0 (p1).
    expect(product.map((r) => [r.item, r.reason])).toEqual([
      [2, {kind: "together", because: 0, support: 1}],
      [0, {kind: "best_seller_in", because: 0, support: 3}],
      [4, {kind: "best_seller_in", because: 2, support: 2}],
      [1, {kind: "best_seller_in", because: 0, support: 1}]
    ]);
  });

  test("with a single repeat buyer there is no latent-factor model: her categories' neighbours stand in", () => {
    expect(model.als).toBeNull();
    // A bought c0 and c1. P̃(c0 | c1) = (2 + 4/6) / (2 + 1) = 0.89, P̃(c1 | c0) = (2 + 2/6) / (4 + 1) = 0.47; B's
    // order holds both. Then SP's best sellers (both listed already) and the recent national one, c2.
    expect(hybridRecs(model, A!).category.map((r) => [r.item, r.reason])).toEqual([
      [0, {kind: "together", because: 1, support: 1}],
      [1, {kind: "together", because: 0, support: 1}],
      [2, {kind: "popular_recent", because: -1, support: 2}]
    ]);
    // The latent candidate serves only people with more than one order, and only with a model.
    expect(recommend(model, "latent", "category", A!)).toEqual([]);
  });

  test("the hybrid for a person with a history: latent factors, explained by a category they bought", () => {
    // G, a second repeat buyer (p1 in c0, then p4 in c2), makes ALS possible.
    const withG = [...BASKETS, b(6, 4, RJ, [1]), b(6, 6, RJ, [4])];
    const model2 = trainRecommender(withG, catalog, {fromDay: 4, toDay: 10}, params);
    expect(model2.als).not.toBeNull();
    const {category, product} = hybridRecs(model2, A!);
    expect(category.map((r) => r.reason.kind)).toEqual(["latent", "latent", "latent"]);
    expect(category.every((r) => [0, 1].includes(r.reason.because))).toBe(true);
    expect(items(category).sort()).toEqual([0, 1, 2]);
    expect(items(recommend(model2, "latent", "category", A!))).toEqual(items(category));
    // A bought p0 and p2. P̃(p0 | p2) = (2 + 1·3/7) / (2 + 1) = 0.81 before P̃(p2 | p0) = (2 + 1·2/7) / (3 + 1) = 0.57.
    expect(items(product).slice(0, 2)).toEqual([0, 2]);
    expect(recommend(model2, "latent", "category", E!)).toEqual([]);
  });

  test("best sellers of ranked categories in turn, and the first distinct items of tiers", () => {
    const ranked = [1, 0].map((item) => ({item, reason: {kind: "latent" as const, because: 0, support: 0}}));
    expect(bestSellersOf(model, ranked, 10).map((r) => [r.item, r.reason.because, r.reason.support])).toEqual([
      [2, 1, 2],
      [0, 0, 3],
      [1, 0, 1]
    ]);
    const rec = (item: number, support: number) => ({item, reason: {kind: "popular" as const, because: -1, support}});
    expect(firstDistinct(3, [[rec(1, 1), rec(2, 1)], [rec(2, 2), rec(3, 2)], [rec(4, 3)]])).toEqual([
      rec(1, 1),
      rec(2, 1),
      rec(3, 2)
    ]);
  });
});

describe("reasons in words", () => {
  test("every kind reads as a sentence with its count", () => {
    const said = REASON_KINDS.map((kind) =>
      reasonText(kind, kind.startsWith("popular_state") ? "SP" : "bed bath table", 41, 8)
    );
    expect(said).toEqual([
      "bought together with bed bath table in 41 orders",
      "41 people who bought bed bath table also bought it",
      "bought before; 41 people bought it again",
      "fits the purchase history (latent factors), mostly through bed bath table",
      "best seller in bed bath table (41 orders)",
      "popular in SP in the last 8 weeks (41 orders)",
      "popular in SP (41 orders)",
      "popular in the last 8 weeks (41 orders)",
      "a best seller (41 orders)"
    ]);
    expect(reasonText("together", "x", 1, 8)).toBe("bought together with x in 1 order");
    expect(reasonText("co_buyers", "x", 1234, 8)).toBe("1,234 people who bought x also bought it");
  });

  test("labels for categories and products", () => {
    expect(categoryLabel("bed_bath_table")).toBe("bed bath table");
    expect(productLabel("3f2a9c1e5b7d", "bed_bath_table")).toBe("product 3f2a9c1e (bed bath table)");
    expect(productLabel("3f2a9c1e5b7d", null)).toBe("product 3f2a9c1e");
  });
});
