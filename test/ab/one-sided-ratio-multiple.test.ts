// One-sided tests, the ratio metric, Holm/BH corrections with adjusted intervals and the Bayesian lift posterior,
// against SciPy/numpy (reference.py) or arithmetic shown here.
import {describe, expect, it} from "vitest";
import {
  adjustPValues,
  bayesLift,
  benjaminiHochbergAdjust,
  checkAlternative,
  compareWithControl,
  holmAdjust,
  ratioEstimate,
  ratioTest,
  twoProportionZTest,
  welchTTest
} from "../../lib/ab/index.js";
import {expectClose} from "./close.js";
import {HOLM, RATIO, WELCH_ONE_SIDED, ZTEST_ONE_SIDED} from "./reference-values.js";

describe("one-sided tests", () => {
  it("Welch matches scipy ttest_ind_from_stats(alternative=...) and its one-sided bound", () => {
    for (const r of WELCH_ONE_SIDED) {
      const [nA, mA, sA] = r.a;
      const [nB, mB, sB] = r.b;
      const w = welchTTest({
        control: {n: nA, mean: mA, sd: sA},
        treatment: {n: nB, mean: mB, sd: sB},
        alternative: r.alternative
      });
      expectClose(w.t, r.t, 1e-12);
      expectClose(w.pValue, r.p, 1e-9);
      if (r.alternative === "greater") {
        expectClose(w.ci.lower, r.bound, 1e-9);
        expect(w.ci.upper).toBe(Infinity);
      } else {
        expectClose(w.ci.upper, r.bound, 1e-9);
        expect(w.ci.lower).toBe(-Infinity);
      }
      // The bound excludes 0 exactly when the one-sided test rejects at 5%.
      expect(w.significant).toBe(w.ci.lower > 0 || w.ci.upper < 0);
    }
  });

  it("the z-test matches statsmodels proportions_ztest(alternative='larger'/'smaller')", () => {
    for (const r of ZTEST_ONE_SIDED) {
      const z = twoProportionZTest({
        control: {conversions: r.xa, visitors: r.na},
        treatment: {conversions: r.xb, visitors: r.nb},
        alternative: r.alternative
      });
      expectClose(z.z, r.z, 1e-12);
      expectClose(z.pValue, r.p, 1e-9);
      expectClose(r.alternative === "greater" ? z.ciDiff.lower : z.ciDiff.upper, r.bound, 1e-9);
    }
  });

  it("p(greater) + p(less) = 1 and two-sided = 2·min of them", () => {
    const arms = {control: {n: 40, mean: 3, sd: 2}, treatment: {n: 50, mean: 3.6, sd: 2.5}};
    const g = welchTTest({...arms, alternative: "greater"}).pValue;
    const l = welchTTest({...arms, alternative: "less"}).pValue;
    expectClose(g + l, 1, 1e-12);
    expectClose(welchTTest(arms).pValue, 2 * Math.min(g, l), 1e-12);
  });

  it("rejects an unknown alternative by name", () => {
    expect(() => checkAlternative("bigger")).toThrow(/alternative must be "two-sided", "greater".*bigger/);
  });
});

describe("relative lift of means (delta method)", () => {
  it("Welch's relative interval by hand", () => {
    // mA = 10, mB = 12.5, vA = 30²/1000 = 0.9, vB = 35²/1000 = 1.225:
    // Var = vB/mA² + mB²·vA/mA⁴ = 0.01225 + 156.25·0.9/10⁴ = 0.0263125; 0.25 ± 1.959964·√0.0263125.
    const w = welchTTest({control: {n: 1000, mean: 10, sd: 30}, treatment: {n: 1000, mean: 12.5, sd: 35}});
    expectClose(w.relativeLift!, 0.25, 1e-12);
    expectClose(w.relativeVariance!, 0.0263125, 1e-12);
    expectClose(w.ciRelative!.lower, -0.0679282705572346, 1e-9);
    expectClose(w.ciRelative!.upper, 0.5679282705572346, 1e-9);
  });
});

describe("ratio metric", () => {
  const arm = (r: (typeof RATIO)[number]) => ({
    n: r.n,
    numeratorMean: r.numeratorMean,
    numeratorSd: r.numeratorSd,
    denominatorMean: r.denominatorMean,
    denominatorSd: r.denominatorSd,
    covariance: r.covariance
  });

  it("delta-method variance equals numpy's formula on simulated users and the bootstrap within its noise", () => {
    for (const r of RATIO) {
      const e = ratioEstimate(arm(r));
      expectClose(e.ratio, r.ratio, 1e-12);
      expectClose(e.variance, r.delta, 1e-9);
      // 4000 bootstrap resamples: the variance estimate's own relative sd is ≈ √(2/4000) ≈ 2.2%.
      expectClose(e.variance, r.bootstrap, 0.1);
    }
  });

  it("the difference and the relative lift of the two arms", () => {
    const [a, b] = [RATIO[0]!, RATIO[1]!];
    const t = ratioTest({control: arm(a), treatment: arm(b)});
    const se = Math.sqrt(a.delta + b.delta);
    expectClose(t.diff, b.ratio - a.ratio, 1e-12);
    expectClose(t.se, se, 1e-9);
    expectClose(t.ci.lower, b.ratio - a.ratio - 1.959963984540054 * se, 1e-9);
    // Var(R_B/R_A) ≈ vB/R_A² + R_B²·vA/R_A⁴.
    expectClose(t.relativeVariance!, b.delta / a.ratio ** 2 + (b.ratio ** 2 * a.delta) / a.ratio ** 4, 1e-9);
    const greater = ratioTest({control: arm(a), treatment: arm(b), alternative: "greater"});
    expectClose(greater.pValue, t.pValue / 2, 1e-9);
  });

  it("names a zero denominator mean and an impossible covariance", () => {
    const good = arm(RATIO[0]!);
    expect(() => ratioEstimate({...good, denominatorMean: 0}, "control.")).toThrow(/control.denominatorMean is 0/);
    expect(() => ratioEstimate({...good, covariance: 1e6}, "control.")).toThrow(/control.covariance/);
  });
});

describe("multiple comparisons", () => {
  it("Holm matches statsmodels", () => {
    HOLM.adj.forEach((q, i) => expectClose(holmAdjust(HOLM.p)[i]!, q, 1e-12));
  });

  it("Benjamini–Hochberg by hand", () => {
    // p = [0.01, 0.04, 0.03, 0.005], m = 4, sorted 0.005, 0.01, 0.03, 0.04 → m·p/rank = 0.02, 0.02, 0.04, 0.04,
    // running minimum from the top: 0.04, 0.04, 0.02, 0.02.
    expect(benjaminiHochbergAdjust([0.01, 0.04, 0.03, 0.005])).toEqual([0.02, 0.04, 0.04, 0.02]);
    // p = [0.04, 0.045, 0.5]: 3·0.5/3 = 0.5, 3·0.045/2 = 0.0675, 3·0.04/1 = 0.12 → min with the one above: 0.0675.
    const bh = benjaminiHochbergAdjust([0.04, 0.045, 0.5]);
    [0.0675, 0.0675, 0.5].forEach((q, i) => expectClose(bh[i]!, q, 1e-12));
    expect(adjustPValues([0.04, 0.045], "none")).toEqual([0.04, 0.045]);
  });

  it("adjusted intervals are the test at α·p/p̃ and exclude 0 exactly when the adjusted p < α", () => {
    const control = {n: 500, mean: 10, sd: 8};
    const treatments = [
      {n: 500, mean: 11.2, sd: 8},
      {n: 500, mean: 10.9, sd: 8},
      {n: 500, mean: 10.1, sd: 8}
    ];
    const test = (v: number, alpha: number) => welchTTest({control, treatment: treatments[v - 1]!, alpha});
    for (const correction of ["holm", "bh"] as const) {
      const rows = compareWithControl(3, test, {alpha: 0.05, correction});
      const adjusted = adjustPValues(
        rows.map((r) => r.test.pValue),
        correction
      );
      for (const [i, r] of rows.entries()) {
        expectClose(r.adjustedP, adjusted[i]!, 1e-12);
        expectClose(r.adjustedAlpha, (0.05 * r.test.pValue) / r.adjustedP, 1e-12);
        expectClose(r.adjusted.ci.lower, test(r.variant, r.adjustedAlpha).ci.lower, 1e-12);
        expect(r.adjusted.ci.lower > 0 || r.adjusted.ci.upper < 0).toBe(r.significant);
      }
    }
  });
});

describe("Bayesian relative lift with a normal prior", () => {
  it("posterior by the conjugate formula, by hand", () => {
    // L̂ = 0.1, v = 0.01, prior N(0, 0.3²): precision 100 + 1/0.09 = 111.1…, mean 10/111.1… = 0.09,
    // sd √0.009 = 0.0948683; P(L > 0) = Φ(0.09/0.0948683); losses σφ(μ/σ) ∓ μΦ(∓μ/σ) (scipy.stats.norm values).
    const r = bayesLift({lift: 0.1, variance: 0.01});
    expectClose(r.posteriorMean, 0.09, 1e-12);
    expectClose(r.posteriorSd, 0.09486832980505137, 1e-12);
    expectClose(r.chanceToWin, 0.8286091444260444, 1e-9);
    expectClose(r.expectedLossB, 0.008707127893031456, 1e-8);
    expectClose(r.expectedLossA, 0.09870712789303146, 1e-9);
    expectClose(r.credible.lower, -0.09593850969136847, 1e-9);
    expectClose(r.credible.upper, 0.27593850969136846, 1e-9);
  });

  it("a flat prior leaves the data as they are", () => {
    const r = bayesLift({lift: 0.1, variance: 0.01, prior: {mean: 0, sd: null}});
    expectClose(r.posteriorMean, 0.1, 1e-12);
    expectClose(r.posteriorSd, 0.1, 1e-12);
  });
});
