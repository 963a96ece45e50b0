// CUPED variance reduction (Deng, Xu, Kohavi & Walker 2013, "Improving the sensitivity of online controlled
// experiments by utilizing pre-experiment data"). One θ for both arms from the pooled data,
//   θ = cov(X, Y) / var(X),   Y'ᵢ = Yᵢ − θ(Xᵢ − X̄)   (X̄ = pooled pre-period mean),
// so the adjustment has mean zero and the difference of adjusted means stays unbiased. The variance reduction
// reported is that of the difference estimate: 1 − Var(Ȳ'B − Ȳ'A) / Var(ȲB − ȲA) (≈ ρ² for a common
// correlation ρ), with per-arm sample variances. The CI is Welch's on the adjusted values.
import {AbInputError, checkOpenUnit, checkSameLength, checkValues} from "./errors.js";
import type {Interval} from "./types.js";
import {summarize, welchTTestFromValues, type WelchResult} from "./welch.js";

export interface CupedArm {
  /** Metric in the experiment period, per user. */
  y: readonly number[];
  /** Pre-period covariate of the same users (same order). */
  x: readonly number[];
}

export interface CupedResult {
  theta: number;
  /** 1 − Var(adjusted difference)/Var(raw difference), in [0, 1) up to sampling noise. */
  varianceReduction: number;
  adjustedMeanA: number;
  adjustedMeanB: number;
  /** Adjusted meanB − meanA and its Welch interval / test. */
  adjusted: WelchResult;
  /** The same test on the raw metric, for comparison. */
  raw: WelchResult;
  ci: Interval;
}

function checkCupedArm(arm: CupedArm, name: string): void {
  checkValues(`${name}.y`, arm.y, 2);
  checkValues(`${name}.x`, arm.x, 2);
  checkSameLength(`${name}.x`, arm.y, arm.x, `${name}.y`);
}

/** θ = cov(X, Y)/var(X) on paired arrays (0 when X is constant: nothing to adjust with). */
export function cupedTheta(x: readonly number[], y: readonly number[]): number {
  checkValues("x", x, 2);
  checkValues("y", y, 2);
  checkSameLength("x", y, x, "y");
  const mx = summarize(x, "x").mean;
  const my = summarize(y, "y").mean;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  return sxx === 0 ? 0 : sxy / sxx;
}

export function cuped(input: {control: CupedArm; treatment: CupedArm; alpha?: number}): CupedResult {
  const {control: a, treatment: b} = input;
  checkCupedArm(a, "control");
  checkCupedArm(b, "treatment");
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const theta = cupedTheta([...a.x, ...b.x], [...a.y, ...b.y]);
  const xbar = summarize([...a.x, ...b.x], "x").mean;
  const adjust = (arm: CupedArm) => arm.y.map((y, i) => y - theta * (arm.x[i]! - xbar));
  const ya = adjust(a);
  const yb = adjust(b);
  const raw = welchTTestFromValues({control: a.y, treatment: b.y, alpha});
  const adjusted = welchTTestFromValues({control: ya, treatment: yb, alpha});
  if (raw.se === 0)
    throw new AbInputError("control.y", "the metric has no variability in either arm; nothing to reduce");
  return {
    theta,
    varianceReduction: 1 - (adjusted.se * adjusted.se) / (raw.se * raw.se),
    adjustedMeanA: adjusted.meanA,
    adjustedMeanB: adjusted.meanB,
    adjusted,
    raw,
    ci: adjusted.ci
  };
}
