// Beta-Binomial A/B analysis. Prior Beta(α₀, β₀) (default Beta(1, 1), uniform); posterior
// Beta(α₀ + conversions, β₀ + visitors − conversions).
//
// P(pB > pA) exactly, by Evan Miller's closed form ("Formulas for Bayesian A/B Testing", 2015):
//   P = Σ_{i=0}^{αB−1} B(αA+i, βA+βB) / [(βB+i) · B(1+i, βB) · B(αA, βA)]
// evaluated in log space with the term ratio t_{i+1}/t_i = (αA+i)(βB+i) / [(αA+βA+βB+i)(i+1)], and using the
// cheapest of its four symmetric forms (sum over αB, αA, βA or βB), so 1e7 visitors cost at most
// min(conversions, non-conversions) + 1 terms. It needs one of those parameters to be an integer; otherwise (and
// on request) P is computed by Gauss–Legendre integration of f_B(x)·F_A(x).
//
// Expected loss of choosing B, E[max(pA − pB, 0)] (Chris Stucchio's closed form, "Bayesian A/B testing at VWO"),
// uses x·f_{a,b}(x) = a/(a+b) · f_{a+1,b}(x):
//   E[max(pA − pB, 0)] = E[pA]·P(A⁺ > B) − E[pB]·P(A > B⁺),  A⁺ = Beta(αA+1, βA), B⁺ = Beta(αB+1, βB).
import {checkArm, checkOpenUnit, checkPositive} from "./errors.js";
import {betaCdf, betaQuantile, betaSf} from "./beta-dist.js";
import {integrate} from "./quadrature.js";
import {logBeta} from "./special.js";
import type {Arm, Interval} from "./types.js";

export interface BetaParams {
  alpha: number;
  beta: number;
}

export interface BetaPosterior extends BetaParams {
  mean: number;
}

function checkBeta(p: BetaParams, name: string): void {
  checkPositive(`${name}.alpha`, p.alpha);
  checkPositive(`${name}.beta`, p.beta);
}

export function betaPosterior(arm: Arm, prior: BetaParams = {alpha: 1, beta: 1}): BetaPosterior {
  checkArm(arm.conversions, arm.visitors);
  checkBeta(prior, "prior");
  const alpha = prior.alpha + arm.conversions;
  const beta = prior.beta + arm.visitors - arm.conversions;
  return {alpha, beta, mean: alpha / (alpha + beta)};
}

/** Miller's sum for P(X2 > X1), X1 ~ Beta(a1, b1), X2 ~ Beta(a2, b2), a2 a positive integer. */
function millerSum(a1: number, b1: number, a2: number, b2: number): number {
  let logTerm = logBeta(a1, b1 + b2) - logBeta(a1, b1); // i = 0 (B(1, b2)·b2 = 1)
  let sum = Math.exp(logTerm);
  for (let i = 0; i < a2 - 1; i++) {
    logTerm += Math.log(((a1 + i) * (b2 + i)) / ((a1 + b1 + b2 + i) * (i + 1)));
    sum += Math.exp(logTerm);
  }
  return sum;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Exact P(pB > pA) by the closed form, or null when no parameter is an integer. */
function probExact(A: BetaParams, B: BetaParams): number | null {
  const forms: {count: number; run: () => number}[] = [
    {count: B.alpha, run: () => millerSum(A.alpha, A.beta, B.alpha, B.beta)},
    {count: A.alpha, run: () => 1 - millerSum(B.alpha, B.beta, A.alpha, A.beta)},
    {count: A.beta, run: () => millerSum(B.beta, B.alpha, A.beta, A.alpha)},
    {count: B.beta, run: () => 1 - millerSum(A.beta, A.alpha, B.beta, B.alpha)}
  ].filter((f) => Number.isInteger(f.count));
  if (forms.length === 0) return null;
  forms.sort((x, y) => x.count - y.count);
  return clamp01(forms[0]!.run());
}

/** Range holding all but ~2e-15 of B's mass. */
function support(B: BetaParams): [number, number] {
  return [betaQuantile(1e-15, B.alpha, B.beta), betaQuantile(1 - 1e-15, B.alpha, B.beta)];
}

/** P(pB > pA) = ∫ f_B(x) F_A(x) dx by composite Gauss–Legendre (no Monte Carlo). */
export function probBBeatsANumeric(A: BetaParams, B: BetaParams): number {
  checkBeta(A, "a");
  checkBeta(B, "b");
  const [lo, hi] = support(B);
  const lb = logBeta(B.alpha, B.beta);
  const f = (x: number) =>
    Math.exp((B.alpha - 1) * Math.log(x) + (B.beta - 1) * Math.log1p(-x) - lb) * betaCdf(x, A.alpha, A.beta);
  return clamp01(integrate(f, lo, hi, 128));
}

/** P(pB > pA): exact closed form when possible, numerical integration otherwise. */
export function probBBeatsA(A: BetaParams, B: BetaParams): number {
  checkBeta(A, "a");
  checkBeta(B, "b");
  return probExact(A, B) ?? probBBeatsANumeric(A, B);
}

/** E[max(pA − pB, 0)]: what you expect to give up by choosing B (closed form). */
export function expectedLossOfB(A: BetaParams, B: BetaParams): number {
  checkBeta(A, "a");
  checkBeta(B, "b");
  const meanA = A.alpha / (A.alpha + A.beta);
  const meanB = B.alpha / (B.alpha + B.beta);
  const pAplusBeatsB = 1 - probBBeatsA({alpha: A.alpha + 1, beta: A.beta}, B);
  const pABeatsBplus = 1 - probBBeatsA(A, {alpha: B.alpha + 1, beta: B.beta});
  return Math.max(0, meanA * pAplusBeatsB - meanB * pABeatsBplus);
}

/** E[max(pA − pB, 0)] by integrating E[(pA − y)⁺] = E[pA]·S_{A⁺}(y) − y·S_A(y) against f_B. */
export function expectedLossOfBNumeric(A: BetaParams, B: BetaParams): number {
  checkBeta(A, "a");
  checkBeta(B, "b");
  const meanA = A.alpha / (A.alpha + A.beta);
  const [lo, hi] = support(B);
  const lb = logBeta(B.alpha, B.beta);
  const f = (y: number) =>
    Math.exp((B.alpha - 1) * Math.log(y) + (B.beta - 1) * Math.log1p(-y) - lb) *
    (meanA * betaSf(y, A.alpha + 1, A.beta) - y * betaSf(y, A.alpha, A.beta));
  return Math.max(0, integrate(f, lo, hi, 128));
}

/** Equal-tailed credible interval of a Beta posterior. */
export function credibleInterval(p: BetaParams, level = 0.95): Interval {
  checkBeta(p, "posterior");
  checkOpenUnit("level", level);
  const tail = (1 - level) / 2;
  return {lower: betaQuantile(tail, p.alpha, p.beta), upper: betaQuantile(1 - tail, p.alpha, p.beta)};
}

export interface BayesProportionsResult {
  prior: BetaParams;
  posteriorA: BetaPosterior;
  posteriorB: BetaPosterior;
  /** P(pB > pA). */
  probBBeatsA: number;
  /** E[max(pB − pA, 0)]: expected conversion-rate loss if A is chosen. */
  expectedLossA: number;
  /** E[max(pA − pB, 0)]: expected conversion-rate loss if B is chosen. */
  expectedLossB: number;
  credibleA: Interval;
  credibleB: Interval;
  level: number;
}

export function bayesProportions(input: {
  control: Arm;
  treatment: Arm;
  prior?: BetaParams;
  level?: number;
}): BayesProportionsResult {
  const prior = input.prior ?? {alpha: 1, beta: 1};
  checkArm(input.control.conversions, input.control.visitors, "control.");
  checkArm(input.treatment.conversions, input.treatment.visitors, "treatment.");
  const level = checkOpenUnit("level", input.level ?? 0.95);
  const posteriorA = betaPosterior(input.control, prior);
  const posteriorB = betaPosterior(input.treatment, prior);
  return {
    prior,
    posteriorA,
    posteriorB,
    probBBeatsA: probBBeatsA(posteriorA, posteriorB),
    expectedLossA: expectedLossOfB(posteriorB, posteriorA),
    expectedLossB: expectedLossOfB(posteriorA, posteriorB),
    credibleA: credibleInterval(posteriorA, level),
    credibleB: credibleInterval(posteriorB, level),
    level
  };
}
