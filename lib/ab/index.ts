// Statistics for A/B tests: planning, frequentist and Bayesian analysis, sequential testing, CUPED, verdicts.
//
// Pure TypeScript (no Node/DOM APIs), imported by loaders and pages. Barrel: `lib/ab/index.ts`.
// Every public function validates input and throws `AbInputError` (`.field` names the input).
//
// - Planning (`planning.ts`): `sampleSizeProportions` with `method`:
//   - `"unpooled"`: (z_{α/2} + z_β)²(p₁q₁ + p₂q₂)/δ²
//   - `"pooled"`: H₀ variance 2p̄q̄, the same as statsmodels `samplesize_proportions_2indep_onetail`
//   - `"evanMiller"`: H₀ variance 2p₁q₁. This is the formula in Evan Miller's calculator: 20% baseline, +5 points,
//     α = 0.05, power 0.8 → 1030.2, which his calculator shows as **1,030**. `perArm` rounds up to 1,031.
//     The other methods give 1,091 (unpooled), 1,094 (pooled) and 1,092 (arcsine).
//   - `"arcsine"`: Cohen's h
// - Frequentist: `twoProportionZTest` uses the pooled SE for z and the unpooled SE for the CI; the relative-lift CI
//   uses the delta method on the log ratio. Also `welchTTest`/`welchTTestFromValues`, `chiSquareIndependence`,
//   `pairwiseVsControl` (Holm) and `srmCheck`.
// - Bayesian: `bayesProportions` (Beta(1,1) prior by default; Miller's closed-form P(B>A), Stucchio's expected loss) and
//   `bayesMeans` (normal approximation; flat or normal prior).
// - Sequential: normal-mixture confidence sequence / mSPRT (`sequentialProportions`, `sequentialMeans`,
//   `sequentialPath`, `mixingTau`), and `peekingSimulation`.
// - `cuped`, `verdict`.
//
// Reference values in `test/ab/reference-values.ts` come from `/usr/bin/python3 test/ab/reference.py`
// (Debian python3-scipy, python3-statsmodels).
//
// (Kept here rather than in a README.md: Markdown under src/lib would be built as a page of the site.)
export * from "./errors.js";
export type * from "./types.js";
export {logGamma, logBeta, regIncBeta, regIncGamma} from "./special.js";
export * from "./normal.js";
export * from "./student-t.js";
export * from "./chi-square-dist.js";
export * from "./beta-dist.js";
export * from "./planning.js";
export * from "./ztest.js";
export * from "./alternative.js";
export * from "./welch.js";
export * from "./ratio.js";
export * from "./bayes-lift.js";
export * from "./multiple.js";
export * from "./chi-square-tests.js";
export * from "./srm.js";
export * from "./bayes-binomial.js";
export * from "./bayes-revenue.js";
export * from "./sequential.js";
export * from "./peeking.js";
export * from "./cuped.js";
export * from "./verdict.js";
export {sampleBinomial} from "./binomial-sample.js";
