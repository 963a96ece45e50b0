// Co-purchase counts, lift, shrunk conditional probability, significance, neighbours and cross-sell on a tiny
// basket set, every figure counted by hand.
import {describe, expect, test} from "vitest";
import {affinityPairs, boughtTogether, crossSellOpportunities} from "../../lib/recs/affinity.js";
import {
  coPurchaseCounts,
  lift,
  neighbourLists,
  ordersBoth,
  pairPValue,
  peopleBoth,
  shrunkConditional
} from "../../lib/recs/co-purchase.js";
import {coPurchaseRecs} from "../../lib/recs/recommender.js";

const [A, B, C, D] = [0, 1, 2, 3];
// Five people; each inner list is one order.
//   p1: [A, B], [C]     p2: [A, B]     p3: [A], [A]     p4: [B, C], [D]     p5: [D, D] (an order lists D twice)
const PEOPLE = [[[A, B], [C]], [[A, B]], [[A], [A]], [[B, C], [D]], [[D, D]]];
const cp = coPurchaseCounts(PEOPLE, 4);

// By hand:
//   buyers   A: p1 p2 p3 = 3   B: p1 p2 p4 = 3   C: p1 p4 = 2   D: p4 p5 = 2        N = 5
//   orders   A: 4 (p3 twice)   B: 3              C: 2           D: 2
//   again    A: 1 (p3)         others 0
//   people holding both: AB 2 (p1 p2), AC 1 (p1), BC 2 (p1 p4), BD 1 (p4), CD 1 (p4)
//   orders holding both: AB 2 (p1, p2), BC 1 (p4)
//   pairs per person: p1 {A,B,C} 3, p2 {A,B} 1, p3 {A} 0, p4 {B,C,D} 3, p5 {D} 0 → P = 7
//   pair ends d: A 2+1+0 = 3, B 2+1+2 = 5, C 2+2 = 4, D 2+0 = 2 (sum 14 = 2P)
describe("co-purchase counts on a tiny basket set", () => {
  test("buyers, orders, repeat buyers, pairs by people and by order", () => {
    expect(cp.people).toBe(5);
    expect(Array.from(cp.buyers)).toEqual([3, 3, 2, 2]);
    expect(Array.from(cp.orders)).toEqual([4, 3, 2, 2]);
    expect(Array.from(cp.again)).toEqual([1, 0, 0, 0]);
    expect(
      [
        [A, B],
        [A, C],
        [A, D],
        [B, C],
        [B, D],
        [C, D]
      ].map(([a, b]) => peopleBoth(cp, a!, b!))
    ).toEqual([2, 1, 0, 2, 1, 1]);
    expect(
      [
        [A, B],
        [A, C],
        [A, D],
        [B, C],
        [B, D],
        [C, D]
      ].map(([a, b]) => ordersBoth(cp, a!, b!))
    ).toEqual([2, 0, 0, 1, 0, 0]);
    // Symmetric, and an item with itself counts the people who bought it again.
    expect(peopleBoth(cp, B, A)).toBe(2);
    expect(peopleBoth(cp, A, A)).toBe(1);
    expect(cp.pairs).toBe(7);
    expect(Array.from(cp.partners)).toEqual([3, 5, 4, 2]);
  });

  test("lift against random pairing: n_ab · 2P / (d_a · d_b)", () => {
    expect(lift(cp, A, B)).toBeCloseTo((2 * 14) / (3 * 5), 12); // 1.8667
    expect(lift(cp, B, C)).toBeCloseTo((2 * 14) / (5 * 4), 12); // 1.4
    expect(lift(cp, C, D)).toBeCloseTo((1 * 14) / (4 * 2), 12); // 1.75
    expect(lift(cp, A, D)).toBe(0);
    expect(lift(cp, A, A)).toBeNaN();
  });

  test("shrunk conditional probability (n_ab + m·p_b) / (n_a + m), m = 2", () => {
    expect(shrunkConditional(cp, A, B, 2)).toBeCloseTo((2 + 2 * (3 / 5)) / (3 + 2), 12); // 0.64
    expect(shrunkConditional(cp, A, A, 2)).toBeCloseTo((1 + 2 * (3 / 5)) / (3 + 2), 12); // 0.44
    expect(shrunkConditional(cp, B, D, 2)).toBeCloseTo((1 + 2 * (2 / 5)) / (3 + 2), 12); // 0.36
    // With m = 0 it is the plain share of a's buyers who bought b.
    expect(shrunkConditional(cp, C, B, 0)).toBe(1);
  });

  test("p-value: P(X ≥ n_ab) for X ~ Binomial(d_a, d_b / 2P), summed by hand", () => {
    const p = 5 / 14;
    expect(pairPValue(cp, A, B)).toBeCloseTo(3 * p * p * (1 - p) + p ** 3, 12); // n = 2 of 3 trials
    const q = 2 / 14;
    expect(pairPValue(cp, C, D)).toBeCloseTo(1 - (1 - q) ** 4, 12); // n = 1 of 4 trials
    expect(pairPValue(cp, A, D)).toBe(1);
  });

  test("neighbour lists keep pairs with enough people, best P̃ first, the item itself when bought again", () => {
    const strict = neighbourLists(cp, {minSupport: 2, priorStrength: 2, keep: 10});
    expect(strict.map((l) => l.map((n) => n.item))).toEqual([[B], [A, C], [B], []]);
    // B's neighbours: P̃(A | B) = (2 + 1.2) / 5 = 0.64 before P̃(C | B) = (2 + 0.8) / 5 = 0.56.
    expect(strict[B]!.map((n) => n.score)).toEqual([expect.closeTo(0.64, 12), expect.closeTo(0.56, 12)]);
    const loose = neighbourLists(cp, {minSupport: 1, priorStrength: 2, keep: 10});
    // A: B 0.64, A itself 0.44 (p3 bought it again), C (1 + 0.8) / 5 = 0.36.
    expect(loose[A]!.map((n) => [n.item, n.people, n.orders])).toEqual([
      [B, 2, 2],
      [A, 1, 0],
      [C, 1, 0]
    ]);
    expect(neighbourLists(cp, {minSupport: 1, priorStrength: 2, keep: 2})[A]!.map((n) => n.item)).toEqual([B, A]);
  });

  test("recommendations from several seeds sum P̃ and name the seed that contributes most", () => {
    const model = {coPurchase: cp, neighbours: neighbourLists(cp, {minSupport: 1, priorStrength: 2, keep: 10})};
    // Seeds A and C. Neighbours of A: B 0.64, A 0.44, C 0.36. Of C: B (2 + 1.2) / 4 = 0.8, A (1 + 1.2) / 4 = 0.55,
    // D (1 + 0.8) / 4 = 0.45. Sums: B 1.44, A 0.99, D 0.45, C 0.36.
    const recs = coPurchaseRecs(model as never, [A, C, A], 10, 1);
    expect(recs.map((r) => r.item)).toEqual([B, A, D, C]);
    expect(recs.map((r) => r.reason)).toEqual([
      {kind: "together", because: C, support: 1}, // from C (0.8 > 0.64); one order holds B and C
      {kind: "co_buyers", because: C, support: 1}, // from C (0.55 > 0.44); no order holds both
      {kind: "co_buyers", because: C, support: 1},
      {kind: "co_buyers", because: A, support: 1}
    ]);
    // A seed that is its own best neighbour is "bought again".
    expect(coPurchaseRecs(model as never, [A], 2, 1)[1]).toEqual({
      item: A,
      reason: {kind: "again", because: -1, support: 1}
    });
    expect(coPurchaseRecs(model as never, [A, C], 2, 1).map((r) => r.item)).toEqual([B, A]);
  });

  test("affinity pairs, products bought together and cross-sell by expected revenue", () => {
    expect(affinityPairs(cp, 2).map((p) => [p.a, p.b, p.people, p.orders])).toEqual([
      [A, B, 2, 2],
      [B, C, 2, 1]
    ]);
    expect(boughtTogether(cp, 1).map((p) => [p.a, p.b, p.orders, p.people])).toEqual([
      [A, B, 2, 2],
      [B, C, 1, 2]
    ]);
    // Values (average spend on the item per order): A 50, B 100, C 10, D 20. Pairs with ≥ 2 people: AB (lift 1.87),
    // BC (lift 1.4). A→B: audience 3 − 2 = 1, conversion P̃(B | A) = 0.64, value 100 → 64. B→A: 1 × 0.64 × 50 = 32.
    // B→C: 1 × P̃(C | B) 0.56 × 10 = 5.6. C→B: audience 2 − 2 = 0 → 0.
    const x = crossSellOpportunities(cp, [50, 100, 10, 20], 2, 2);
    expect(x.map((o) => [o.from, o.to, o.audience])).toEqual([
      [A, B, 1],
      [B, A, 1],
      [B, C, 1],
      [C, B, 0]
    ]);
    expect(x.map((o) => o.expected_revenue)).toEqual([
      expect.closeTo(64, 10),
      expect.closeTo(32, 10),
      expect.closeTo(5.6, 10),
      0
    ]);
    // A pair whose lift is not above 1 is no opportunity, however much revenue: 2 × {A, B}, 6 × {A, C}, 6 × {B, C}
    // give P = 14, d_A = d_B = 8, d_C = 12, lift(A, B) = 2 · 28 / 64 = 0.875, lift(A, C) = 6 · 28 / 96 = 1.75. With
    // m = 0 and values 1: C→A = (12 − 6) × 6/12 = 3, C→B 3, A→C = (8 − 6) × 6/8 = 1.5, B→C 1.5.
    const flat = coPurchaseCounts(
      [...Array(2).fill([[A, B]]), ...Array(6).fill([[A, C]]), ...Array(6).fill([[B, C]])],
      4
    );
    expect(lift(flat, A, B)).toBeCloseTo(0.875, 12);
    expect(crossSellOpportunities(flat, [1, 1, 1, 1], 2, 0).map((o) => [o.from, o.to])).toEqual([
      [C, A],
      [C, B],
      [A, C],
      [B, C]
    ]);
  });

  test("an item code outside the catalog is an error", () => {
    expect(() => coPurchaseCounts([[[0, 4]]], 4)).toThrow(/item code 4 outside 0…3/);
  });
});
