import {describe, expect, test} from "vitest";
import {churnGroup, isChurned, summariseChurn} from "../lib/seed-churn-rule.js";

describe("the seed churn rule at its boundaries", () => {
  test("groups: one order, average gap just below and at 90 days", () => {
    expect(churnGroup({orders: 1, avgGapDays: null})).toBe("one-time");
    expect(churnGroup({orders: 2, avgGapDays: 0})).toBe("frequent"); // same-day repeat
    expect(churnGroup({orders: 3, avgGapDays: 89.99})).toBe("frequent");
    expect(churnGroup({orders: 2, avgGapDays: 90})).toBe("repeat");
  });

  test.each([
    [2, 30, 180, false],
    [2, 30, 181, true],
    [2, 120, 365, false],
    [2, 120, 366, true],
    [1, null, 540, false],
    [1, null, 541, true]
  ])("orders %i, gap %s, %i days since the last purchase → churned %s", (orders, avgGapDays, days, churned) => {
    expect(isChurned({orders, avgGapDays, daysSinceLastPurchase: days})).toBe(churned);
  });

  test("invalid histories are errors, not silent groups", () => {
    expect(() => churnGroup({orders: 0, avgGapDays: null})).toThrow("orders must be at least 1, got 0");
    expect(() => churnGroup({orders: 2, avgGapDays: null})).toThrow(
      "a repeat buyer needs an average gap ≥ 0, got null"
    );
  });

  test("summary counts per group", () => {
    const rows = summariseChurn([
      {orders: 1, avgGapDays: null, daysSinceLastPurchase: 600},
      {orders: 1, avgGapDays: null, daysSinceLastPurchase: 10},
      {orders: 4, avgGapDays: 20, daysSinceLastPurchase: 200},
      {orders: 2, avgGapDays: 200, daysSinceLastPurchase: 200}
    ]);
    expect(rows.map((r) => [r.group, r.customers, r.churned])).toEqual([
      ["frequent", 1, 1],
      ["repeat", 1, 0],
      ["one-time", 2, 1]
    ]);
  });
});
