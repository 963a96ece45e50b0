// Sample-ratio mismatch: chi-square goodness of fit of the observed users per arm against the planned split.
// A tiny p-value (conventionally < 0.001) means the assignment or logging is broken; don't trust the test.
import {AbInputError, checkCount, checkOpenUnit, checkPositive} from "./errors.js";
import {chiSquareSf} from "./chi-square-dist.js";

export interface SrmResult {
  statistic: number;
  df: number;
  pValue: number;
  expected: number[];
  /** pValue < threshold. */
  mismatch: boolean;
}

export function srmCheck(input: {
  observed: readonly number[];
  weights?: readonly number[];
  threshold?: number;
}): SrmResult {
  const {observed} = input;
  if (!Array.isArray(observed) || observed.length < 2) {
    throw new AbInputError(
      "observed",
      `observed needs counts for at least 2 arms (got ${Array.isArray(observed) ? observed.length : 0})`
    );
  }
  observed.forEach((o, i) => checkCount(`observed[${i}]`, o));
  const weights = input.weights ?? observed.map(() => 1);
  if (weights.length !== observed.length) {
    throw new AbInputError(
      "weights",
      `weights has ${weights.length} entries but observed has ${observed.length}; give one weight per arm`
    );
  }
  weights.forEach((w, i) => checkPositive(`weights[${i}]`, w));
  const threshold = checkOpenUnit("threshold", input.threshold ?? 0.001);
  const n = observed.reduce((s, o) => s + o, 0);
  if (n === 0) throw new AbInputError("observed", "observed has no users at all; nothing to check");
  const wsum = weights.reduce((s, w) => s + w, 0);
  const expected = weights.map((w) => (n * w) / wsum);
  let statistic = 0;
  observed.forEach((o, i) => {
    statistic += (o - expected[i]!) ** 2 / expected[i]!;
  });
  const df = observed.length - 1;
  const pValue = chiSquareSf(statistic, df);
  return {statistic, df, pValue, expected, mismatch: pValue < threshold};
}
