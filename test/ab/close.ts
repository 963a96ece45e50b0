import {expect} from "vitest";

/** |actual − expected| ≤ max(rel·|expected|, abs). */
export function expectClose(actual: number, expected: number, rel: number, abs = 0): void {
  const tol = Math.max(rel * Math.abs(expected), abs);
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`expected ${actual} to be within ${tol} of ${expected} (diff ${actual - expected})`);
  }
}
