// Hit rate, recall, NDCG, coverage and the Wilson interval, against arithmetic done by hand.
import {describe, expect, test} from "vitest";
import {catalogCoverage, hitAtK, ndcgAtK, recallAtK, summarise, wilsonInterval} from "../../lib/recs/metrics.js";

const ranked = [5, 3, 9, 1, 2, 4, 6, 8, 10, 11, 7];
const bought = new Set([3, 1, 7]);

describe("top-k metrics by hand", () => {
  test("hit@k: any of the first k bought", () => {
    expect(hitAtK(ranked, bought, 1)).toBe(0); // 5 was not bought
    expect(hitAtK(ranked, bought, 2)).toBe(1); // 3 was
    expect(hitAtK([], bought, 10)).toBe(0);
  });

  test("recall@k: share of the bought items in the first k", () => {
    expect(recallAtK(ranked, bought, 10)).toBeCloseTo(2 / 3, 12); // 3 and 1; 7 is 11th
    expect(recallAtK(ranked, bought, 11)).toBe(1);
    expect(recallAtK(ranked, bought, 3)).toBeCloseTo(1 / 3, 12);
    expect(() => recallAtK(ranked, new Set(), 10)).toThrow(/bought nothing/);
  });

  test("NDCG@10: hits at ranks 2 and 4 against an ideal list of 3", () => {
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5); // 0.63093 + 0.43068
    const ideal = 1 + 1 / Math.log2(3) + 1 / Math.log2(4); // 2.13093
    expect(ndcgAtK(ranked, bought, 10)).toBeCloseTo(dcg / ideal, 12);
    expect(ndcgAtK(ranked, bought, 10)).toBeCloseTo(0.49819, 5);
    // A perfect list scores 1; the ideal is capped at k items.
    expect(ndcgAtK([3, 1, 7], bought, 10)).toBeCloseTo(1, 12);
    expect(ndcgAtK([3, 5], bought, 1)).toBe(1);
    // A repeated item counts once.
    expect(ndcgAtK([3, 3], new Set([3, 4]), 10)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12);
  });

  test("catalog coverage: distinct items of everyone's first k over the catalog", () => {
    expect(
      catalogCoverage(
        [
          [1, 2],
          [2, 3]
        ],
        10,
        10
      )
    ).toBeCloseTo(0.3, 12);
    expect(
      catalogCoverage(
        [
          [1, 2],
          [2, 3]
        ],
        10,
        1
      )
    ).toBeCloseTo(0.2, 12);
    expect(catalogCoverage([], 10, 10)).toBe(0);
    expect(catalogCoverage([[1]], 0, 10)).toBeNaN();
  });

  test("Wilson 95% interval of 5 in 10 is 0.2366 … 0.7634", () => {
    const [low, high] = wilsonInterval(5, 10);
    expect(low).toBeCloseTo(0.23659, 5);
    expect(high).toBeCloseTo(0.76341, 5);
    const [l0, h0] = wilsonInterval(0, 20);
    expect(l0).toBeCloseTo(0, 12);
    expect(h0).toBeCloseTo(3.8415 / (20 + 3.8415), 4); // z² / (n + z²) when nothing succeeds
    expect(wilsonInterval(0, 0)).toEqual([NaN, NaN]);
  });

  test("summary: means over people", () => {
    const s = summarise(
      [
        {ranked, bought}, // hit@5 1, hit@10 1, recall 2/3, NDCG 0.49819
        {ranked: [7, 8], bought: new Set([8])}, // hit 1, recall 1, NDCG 1/log2(3)
        {ranked: [], bought: new Set([4])} // nothing recommended: all 0
      ],
      20
    );
    expect(s.people).toBe(3);
    expect(s.people_with_recs).toBe(2);
    expect(s.hit_at_5).toBeCloseTo(2 / 3, 12);
    expect(s.hit_at_10).toBeCloseTo(2 / 3, 12);
    expect(s.recall_at_10).toBeCloseTo((2 / 3 + 1) / 3, 12);
    expect(s.ndcg_at_10).toBeCloseTo((ndcgAtK(ranked, bought, 10) + 1 / Math.log2(3)) / 3, 12);
    // First 10 of the first list (5 3 9 1 2 4 6 8 10 11) and 7, 8: 11 distinct items of 20.
    expect(s.items_recommended).toBe(11);
    expect(s.catalog_coverage).toBeCloseTo(11 / 20, 12);
    expect([s.hit_at_10_low, s.hit_at_10_high]).toEqual(wilsonInterval(2, 3));
    expect(summarise([], 20).hit_at_10).toBeNaN();
  });
});
