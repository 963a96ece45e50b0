// Sample size and power planning for two-proportion and difference-of-means tests (normal approximation).
//
// All proportion formulas share one shape (Fleiss 1981; Chow, Shao & Wang 2008 §4.2):
//   n per arm = (z_{1−α/2}·σ₀ + z_{1−β}·σ₁)² / δ²
// where δ = p₂ − p₁, σ₁² = p₁q₁ + p₂q₂ is the variance of one-user difference under the alternative, and σ₀²
// is the variance assumed under the null. They differ only in σ₀:
//   "unpooled"   σ₀² = p₁q₁ + p₂q₂       — the textbook Wald / Evan Miller "unpooled" formula (α and β both on
//                                            the alternative's SE): n = (z_α + z_β)²(p₁q₁ + p₂q₂)/δ².
//   "pooled"     σ₀² = 2·p̄q̄, p̄ = (p₁+p₂)/2 — pooled variance under H₀ (matches statsmodels
//                                            samplesize_proportions_2indep_onetail / power_proportions_2indep).
//   "evanMiller" σ₀² = 2·p₁q₁              — both arms at the baseline under H₀; this is the formula behind Evan
//                                            Miller's online calculator (function num_subjects: sd1 = √(2p(1−p)),
//                                            sd2 = √(p(1−p) + (p+δ)(1−p−δ))). For p = 20%, δ = 5 points,
//                                            α = 0.05, power 0.8 it gives 1030.22, which the calculator shows as
//                                            1,030 (the "pooled" formula gives 1,094 and "unpooled" 1,091).
//   "arcsine"    Cohen's h = 2·asin√p₂ − 2·asin√p₁, n = 2(z_α + z_β)²/h² (statsmodels NormalIndPower with
//                                            proportion_effectsize).
import {AbInputError, checkCountAtLeast, checkOpenUnit, checkPositive, checkShare, checkValues} from "./errors.js";
import {normalCdf, normalQuantile} from "./normal.js";

export type ProportionMethod = "unpooled" | "pooled" | "evanMiller" | "arcsine";
export type MdeType = "absolute" | "relative";
export type Correction = "none" | "bonferroni" | "sidak";

export interface ProportionPlan {
  /** Baseline (control) conversion rate in (0, 1). */
  baseline: number;
  /** Minimum detectable effect (> 0): absolute points (0.05 = 5 points) or relative (0.1 = +10%). */
  mde: number;
  mdeType?: MdeType;
  /** Two-sided significance level. Default 0.05. */
  alpha?: number;
  /** Default "unpooled". */
  method?: ProportionMethod;
}

export interface SampleSizeResult {
  /** Users per arm, rounded up. */
  perArm: number;
  /** The unrounded formula value (Evan Miller's calculator displays Math.round of this). */
  exact: number;
  /** perArm × number of arms. */
  total: number;
  /** Rates under the alternative, and the alpha actually used per comparison (after any correction). */
  baseline: number;
  treatment: number;
  alphaPerComparison: number;
}

interface Resolved {
  p1: number;
  p2: number;
  delta: number;
  alpha: number;
  method: ProportionMethod;
}

function resolve(plan: ProportionPlan): Resolved {
  const p1 = checkOpenUnit("baseline", plan.baseline);
  const mde = checkPositive("mde", plan.mde);
  const mdeType = plan.mdeType ?? "absolute";
  if (mdeType !== "absolute" && mdeType !== "relative") {
    throw new AbInputError("mdeType", `mdeType must be "absolute" or "relative" (got ${String(mdeType)})`);
  }
  const alpha = checkOpenUnit("alpha", plan.alpha ?? 0.05);
  const method = plan.method ?? "unpooled";
  if (!["unpooled", "pooled", "evanMiller", "arcsine"].includes(method)) {
    throw new AbInputError(
      "method",
      `method must be one of unpooled, pooled, evanMiller, arcsine (got ${String(method)})`
    );
  }
  const p2 = mdeType === "absolute" ? p1 + mde : p1 * (1 + mde);
  if (p2 >= 1) {
    throw new AbInputError(
      "mde",
      `baseline (${p1}) plus the mde gives a treatment rate of ${p2}, which must be below 1`
    );
  }
  return {p1, p2, delta: p2 - p1, alpha, method};
}

/** σ₀, σ₁ and effect δ such that n = (z_α σ₀ + z_β σ₁)²/δ². */
function sigmas(r: Resolved): {s0: number; s1: number; effect: number} {
  const {p1, p2, delta, method} = r;
  if (method === "arcsine") {
    // Var(2·asin√p̂) ≈ 1/n per arm, so the difference has variance 2/n under both hypotheses.
    return {s0: Math.SQRT2, s1: Math.SQRT2, effect: 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1))};
  }
  const v1 = p1 * (1 - p1) + p2 * (1 - p2);
  let v0 = v1;
  if (method === "pooled") {
    const pbar = (p1 + p2) / 2;
    v0 = 2 * pbar * (1 - pbar);
  } else if (method === "evanMiller") {
    v0 = 2 * p1 * (1 - p1);
  }
  return {s0: Math.sqrt(v0), s1: Math.sqrt(v1), effect: delta};
}

/** Per-comparison alpha for k comparisons: Bonferroni α/k, Šidák 1 − (1 − α)^(1/k). */
export function correctedAlpha(alpha: number, comparisons: number, correction: Correction): number {
  checkOpenUnit("alpha", alpha);
  checkCountAtLeast("comparisons", comparisons, 1);
  switch (correction) {
    case "none":
      return alpha;
    case "bonferroni":
      return alpha / comparisons;
    case "sidak":
      return -Math.expm1(Math.log1p(-alpha) / comparisons);
    default:
      throw new AbInputError("correction", `correction must be none, bonferroni or sidak (got ${String(correction)})`);
  }
}

export interface SampleSizeProportionsInput extends ProportionPlan {
  /** Desired power in (0, 1). Default 0.8. */
  power?: number;
  /** Number of treatment variants compared with the control (k ≥ 1). Default 1. */
  variants?: number;
  /** Multiple-comparison correction on alpha across the k comparisons. Default "bonferroni" (no effect when k = 1). */
  correction?: Correction;
}

/** Users per arm to detect `mde` over `baseline` with a two-sided test. */
export function sampleSizeProportions(input: SampleSizeProportionsInput): SampleSizeResult {
  const r = resolve(input);
  const power = checkOpenUnit("power", input.power ?? 0.8);
  const k = checkCountAtLeast("variants", input.variants ?? 1, 1);
  const alphaPer = correctedAlpha(r.alpha, k, input.correction ?? "bonferroni");
  const {s0, s1, effect} = sigmas({...r, alpha: alphaPer});
  const za = normalQuantile(1 - alphaPer / 2);
  const zb = normalQuantile(power);
  const exact = (za * s0 + zb * s1) ** 2 / (effect * effect);
  const perArm = Math.ceil(exact - 1e-9); // tolerate float noise on exact integers
  return {perArm, exact, total: perArm * (k + 1), baseline: r.p1, treatment: r.p2, alphaPerComparison: alphaPer};
}

/** Power of the two-sided test with n users per arm (both rejection regions counted, as statsmodels does). */
export function powerProportions(input: ProportionPlan & {n: number}): number {
  const r = resolve(input);
  const n = checkPositive("n", input.n);
  const {s0, s1, effect} = sigmas(r);
  const za = normalQuantile(1 - r.alpha / 2);
  const shift = (Math.abs(effect) * Math.sqrt(n)) / s1;
  const crit = (za * s0) / s1;
  return normalCdf(shift - crit) + normalCdf(-shift - crit);
}

export interface MeansPlan {
  /** Standard deviation of the per-user metric (assumed equal in both arms). */
  sd: number;
  /** Minimum detectable difference of means (absolute, > 0). */
  mde: number;
  alpha?: number;
}

/** Users per arm for a difference of means: n = 2(z_{1−α/2} + z_{1−β})²σ²/δ² (z approximation). */
export function sampleSizeMeans(
  input: MeansPlan & {power?: number; variants?: number; correction?: Correction}
): Omit<SampleSizeResult, "baseline" | "treatment"> {
  const sd = checkPositive("sd", input.sd);
  const mde = checkPositive("mde", input.mde);
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const power = checkOpenUnit("power", input.power ?? 0.8);
  const k = checkCountAtLeast("variants", input.variants ?? 1, 1);
  const alphaPer = correctedAlpha(alpha, k, input.correction ?? "bonferroni");
  const z = normalQuantile(1 - alphaPer / 2) + normalQuantile(power);
  const exact = (2 * z * z * sd * sd) / (mde * mde);
  const perArm = Math.ceil(exact - 1e-9);
  return {perArm, exact, total: perArm * (k + 1), alphaPerComparison: alphaPer};
}

/** Power for a difference of means with n users per arm (two-sided, both tails). */
export function powerMeans(input: MeansPlan & {n: number}): number {
  const sd = checkPositive("sd", input.sd);
  const mde = checkPositive("mde", input.mde);
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const n = checkPositive("n", input.n);
  const za = normalQuantile(1 - alpha / 2);
  const shift = mde / (sd * Math.sqrt(2 / n));
  return normalCdf(shift - za) + normalCdf(-shift - za);
}

export interface PowerPoint {
  n: number;
  mde: number;
  power: number;
}

/** Power over a grid of sample sizes per arm (`ns`) at the plan's mde, or over a grid of `mdes` at a fixed `n`. */
export function powerCurve(
  plan: ProportionPlan,
  grid: {ns: readonly number[]} | {mdes: readonly number[]; n: number}
): PowerPoint[] {
  if ("ns" in grid) {
    checkValues("ns", grid.ns, 1);
    return grid.ns.map((n) => ({n, mde: plan.mde, power: powerProportions({...plan, n})}));
  }
  checkValues("mdes", grid.mdes, 1);
  return grid.mdes.map((mde) => ({n: grid.n, mde, power: powerProportions({...plan, mde, n: grid.n})}));
}

export interface DurationInput {
  /** Users needed per arm. */
  perArm: number;
  /** Number of arms including control. Default 2. */
  arms?: number;
  /** Eligible users per day (all of the traffic that could enter the test). */
  dailyTraffic: number;
  /** Share of eligible traffic allocated to the test, in (0, 1]. Default 1. */
  allocation?: number;
}

/** Days needed: ⌈perArm · arms / (dailyTraffic · allocation)⌉. */
export function testDuration(input: DurationInput): {days: number; totalUsers: number; usersPerDay: number} {
  const perArm = checkCountAtLeast("perArm", input.perArm, 1);
  const arms = checkCountAtLeast("arms", input.arms ?? 2, 2);
  const daily = checkPositive("dailyTraffic", input.dailyTraffic);
  const allocation = checkShare("allocation", input.allocation ?? 1);
  const usersPerDay = daily * allocation;
  const totalUsers = perArm * arms;
  return {days: Math.ceil(totalUsers / usersPerDay - 1e-9), totalUsers, usersPerDay};
}
