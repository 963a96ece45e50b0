import {describe, expect, it} from "vitest";
import {
  chiSquareIndependence,
  holmAdjust,
  pairwiseVsControl,
  srmCheck,
  twoProportionZTest,
  welchTTest,
  welchTTestFromValues
} from "../../lib/ab/index.js";
import {expectClose} from "./close.js";
import {CHI2_INDEP, HOLM, SRM, WELCH, WELCH_ARRAYS, ZTEST} from "./reference-values.js";

describe("two-proportion z-test vs statsmodels", () => {
  it("z, p, Wald interval of the difference, log-ratio interval of the relative lift", () => {
    for (const r of ZTEST) {
      const t = twoProportionZTest({
        control: {conversions: r.xa, visitors: r.na},
        treatment: {conversions: r.xb, visitors: r.nb}
      });
      expectClose(t.z, r.z, 1e-12, 1e-15);
      expectClose(t.pValue, r.p, 1e-11);
      expectClose(t.ciDiff.lower, r.lo, 1e-11);
      expectClose(t.ciDiff.upper, r.hi, 1e-11);
      expectClose(t.ciRelative!.lower, r.rlo, 1e-10);
      expectClose(t.ciRelative!.upper, r.rhi, 1e-10);
    }
  });
});

describe("Welch t-test", () => {
  it("from summary statistics vs scipy ttest_ind_from_stats", () => {
    for (const r of WELCH) {
      const [na, ma, sa] = r.a;
      const [nb, mb, sb] = r.b;
      const w = welchTTest({control: {n: na, mean: ma, sd: sa}, treatment: {n: nb, mean: mb, sd: sb}});
      expectClose(w.t, r.t, 1e-12);
      expectClose(w.df, r.df, 1e-12);
      expectClose(w.pValue, r.p, 1e-10);
      expectClose(w.ci.lower, r.lo, 1e-10);
      expectClose(w.ci.upper, r.hi, 1e-10);
    }
  });
  it("from per-user arrays vs statsmodels CompareMeans", () => {
    const w = welchTTestFromValues({control: WELCH_ARRAYS.A, treatment: WELCH_ARRAYS.B});
    expectClose(w.t, WELCH_ARRAYS.t, 1e-12);
    expectClose(w.df, WELCH_ARRAYS.df, 1e-12);
    expectClose(w.pValue, WELCH_ARRAYS.p, 1e-10);
    expectClose(w.ci.lower, WELCH_ARRAYS.ci[0], 1e-10);
    expectClose(w.ci.upper, WELCH_ARRAYS.ci[1], 1e-10);
  });
});

describe("k variants", () => {
  it("chi-square of independence vs scipy chi2_contingency(correction=False)", () => {
    for (const r of CHI2_INDEP) {
      const c = chiSquareIndependence(r.arms.map(([conversions, visitors]) => ({conversions, visitors})));
      expectClose(c.statistic, r.stat, 1e-12);
      expect(c.df).toBe(r.dof);
      expectClose(c.pValue, r.p, 1e-11);
    }
  });
  it("Holm adjustment vs statsmodels multipletests", () => {
    holmAdjust(HOLM.p).forEach((p, i) => expectClose(p, HOLM.adj[i]!, 1e-14));
  });
  it("pairwise comparisons to the control are Holm-adjusted z-tests", () => {
    const arms = [
      {conversions: 100, visitors: 1000},
      {conversions: 140, visitors: 1000},
      {conversions: 105, visitors: 1000}
    ];
    const pw = pairwiseVsControl(arms);
    expect(pw.map((c) => c.variant)).toEqual([1, 2]);
    const raw = pw.map((c) => c.test.pValue);
    holmAdjust(raw).forEach((p, i) => expect(pw[i]!.adjustedP).toBe(p));
    expect(pw[0]!.significant).toBe(true);
    expect(pw[1]!.significant).toBe(false);
  });
});

describe("sample-ratio mismatch vs scipy chisquare", () => {
  it("statistic and p-value, including unequal planned splits", () => {
    for (const r of SRM) {
      const s = srmCheck({observed: r.obs, weights: r.w});
      expectClose(s.statistic, r.stat, 1e-12, 1e-15);
      expectClose(s.pValue, r.p, 1e-11);
    }
    expect(srmCheck({observed: [3300, 3400, 3100]}).mismatch).toBe(true);
    expect(srmCheck({observed: [5000, 5150]}).mismatch).toBe(false);
  });
});
