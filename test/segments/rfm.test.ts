import {describe, expect, it} from "vitest";
import {frequencyScore, quintileScores, rfmScores} from "../../lib/segments/rfm.js";
import {
  assignSegment,
  CATCH_ALL_SEGMENT,
  matchesRule,
  SEGMENT_RULES,
  type SegmentRule
} from "../../lib/segments/rules.js";

describe("RFM scores", () => {
  it("quintiles of 10 distinct values: two per score; boundaries at 20% steps", () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quintileScores(v)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // Lower is better (recency): the most recent gets 5.
    expect(quintileScores(v, false)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("ties get the same score (that of the tied block's lowest position)", () => {
    // 4 of 10 tie at the minimum → all score 1; the next value has 4 strictly below → 1 + floor(20/10) = 3.
    expect(quintileScores([5, 5, 5, 5, 6, 7, 8, 9, 10, 11])).toEqual([1, 1, 1, 1, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores([3, 3, 3])).toEqual([1, 1, 1]);
    // Input order does not matter.
    expect(quintileScores([10, 1, 5, 7, 3])).toEqual([5, 1, 3, 4, 2]);
  });

  it("F uses fixed bins 1, 2, 3, 4, 5+", () => {
    expect([1, 2, 3, 4, 5, 6, 40].map(frequencyScore)).toEqual([1, 2, 3, 4, 5, 5, 5]);
    expect(frequencyScore(0)).toBe(1);
  });

  it("rfmScores combines them", () => {
    const rows = [
      {id: "a", recencyDays: 10, orders: 1, monetary: 50},
      {id: "b", recencyDays: 300, orders: 6, monetary: 500},
      {id: "c", recencyDays: 100, orders: 2, monetary: 100},
      {id: "d", recencyDays: 200, orders: 1, monetary: 20},
      {id: "e", recencyDays: 50, orders: 3, monetary: 75}
    ];
    expect(rfmScores(rows)).toEqual([
      {id: "a", R: 5, F: 1, M: 2},
      {id: "b", R: 1, F: 5, M: 5},
      {id: "c", R: 3, F: 2, M: 4},
      {id: "d", R: 2, F: 1, M: 1},
      {id: "e", R: 4, F: 3, M: 3}
    ]);
  });
});

describe("segment rules", () => {
  const rule = (name: string): SegmentRule => SEGMENT_RULES.find((r) => r.name === name)!;

  it("has the 11 standard segments in order, each with a description", () => {
    expect(SEGMENT_RULES.map((r) => r.name)).toEqual([
      "Champions",
      "Loyal Customers",
      "Can't Lose Them",
      "At Risk",
      "Potential Loyalist",
      "Need Attention",
      "New Customers",
      "Promising",
      "About To Sleep",
      "Lost",
      "Hibernating"
    ]);
    for (const r of SEGMENT_RULES) expect(r.description.length).toBeGreaterThan(10);
  });

  it("every valid (R, F, M) gets a named segment; invalid scores fall to the catch-all", () => {
    for (let R = 1; R <= 5; R++)
      for (let F = 1; F <= 5; F++)
        for (let M = 1; M <= 5; M++) expect(assignSegment({R, F, M})).not.toBe(CATCH_ALL_SEGMENT);
    expect(assignSegment({R: 0, F: 1, M: 1})).toBe(CATCH_ALL_SEGMENT);
  });

  // [segment, just inside, just outside (with the segment it falls into instead)]
  const BOUNDARIES: [string, {R: number; F: number; M: number}, {R: number; F: number; M: number}, string][] = [
    ["Champions", {R: 4, F: 3, M: 3}, {R: 4, F: 3, M: 2}, "Loyal Customers"],
    ["Champions", {R: 4, F: 3, M: 3}, {R: 3, F: 3, M: 3}, "Loyal Customers"],
    ["Champions", {R: 4, F: 3, M: 3}, {R: 4, F: 2, M: 3}, "Potential Loyalist"],
    ["Loyal Customers", {R: 3, F: 3, M: 1}, {R: 2, F: 3, M: 1}, "At Risk"],
    ["Loyal Customers", {R: 3, F: 3, M: 5}, {R: 3, F: 2, M: 5}, "Need Attention"],
    ["Can't Lose Them", {R: 2, F: 3, M: 4}, {R: 2, F: 3, M: 3}, "At Risk"],
    ["Can't Lose Them", {R: 2, F: 3, M: 4}, {R: 3, F: 3, M: 4}, "Loyal Customers"],
    ["Can't Lose Them", {R: 2, F: 3, M: 4}, {R: 2, F: 2, M: 4}, "At Risk"],
    ["At Risk", {R: 2, F: 2, M: 1}, {R: 3, F: 2, M: 1}, "Need Attention"],
    ["At Risk", {R: 2, F: 2, M: 1}, {R: 2, F: 1, M: 1}, "Hibernating"],
    ["Potential Loyalist", {R: 4, F: 2, M: 1}, {R: 3, F: 2, M: 1}, "Need Attention"],
    ["Potential Loyalist", {R: 4, F: 2, M: 5}, {R: 4, F: 1, M: 5}, "Promising"],
    ["Need Attention", {R: 3, F: 2, M: 3}, {R: 3, F: 1, M: 3}, "About To Sleep"],
    ["New Customers", {R: 5, F: 1, M: 1}, {R: 4, F: 1, M: 1}, "Promising"],
    ["New Customers", {R: 5, F: 1, M: 5}, {R: 5, F: 2, M: 5}, "Potential Loyalist"],
    ["Promising", {R: 4, F: 1, M: 3}, {R: 3, F: 1, M: 3}, "About To Sleep"],
    ["About To Sleep", {R: 3, F: 1, M: 3}, {R: 2, F: 1, M: 3}, "Hibernating"],
    ["Lost", {R: 1, F: 1, M: 2}, {R: 1, F: 1, M: 3}, "Hibernating"],
    ["Lost", {R: 1, F: 1, M: 2}, {R: 2, F: 1, M: 2}, "Hibernating"],
    ["Lost", {R: 1, F: 1, M: 2}, {R: 1, F: 2, M: 2}, "At Risk"],
    ["Hibernating", {R: 2, F: 1, M: 5}, {R: 3, F: 1, M: 5}, "About To Sleep"]
  ];

  it.each(BOUNDARIES)("%s: just inside %o, just outside %o → %s", (name, inside, outside, other) => {
    expect(assignSegment(inside)).toBe(name);
    expect(matchesRule(rule(name), outside)).toBe(false);
    expect(assignSegment(outside)).toBe(other);
  });

  it("first match wins", () => {
    const s = {R: 5, F: 5, M: 5};
    // Matches both Champions and Loyal Customers; Champions comes first.
    expect(matchesRule(rule("Champions"), s) && matchesRule(rule("Loyal Customers"), s)).toBe(true);
    expect(assignSegment(s)).toBe("Champions");
    // R=1, F=1, M=1 matches Lost and Hibernating; Lost comes first.
    expect(matchesRule(rule("Hibernating"), {R: 1, F: 1, M: 1})).toBe(true);
    expect(assignSegment({R: 1, F: 1, M: 1})).toBe("Lost");
    // Reordering the table changes the answer.
    const reordered = [rule("Loyal Customers"), rule("Champions")];
    expect(assignSegment(s, reordered)).toBe("Loyal Customers");
  });
});
