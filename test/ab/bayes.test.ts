import {describe, expect, it} from "vitest";
import {
  bayesMeans,
  bayesProportions,
  betaPosterior,
  credibleInterval,
  expectedLossOfB,
  expectedLossOfBNumeric,
  probBBeatsA,
  probBBeatsANumeric
} from "../../lib/ab/index.js";
import {expectClose} from "./close.js";
import {BAYES, BAYES_MEANS, BETA_PPF} from "./reference-values.js";

const beta = ([alpha, b]: readonly [number, number]) => ({alpha, beta: b});

describe("P(B > A) and expected loss vs scipy quad", () => {
  it("closed form (or numeric fallback for non-integer parameters)", () => {
    for (const r of BAYES) {
      const A = beta(r.A);
      const B = beta(r.B);
      expectClose(probBBeatsA(A, B), r.p, 1e-10, 1e-13);
      expectClose(expectedLossOfB(A, B), r.lossB, 1e-8, 1e-13);
      expectClose(expectedLossOfB(B, A), r.lossA, 1e-8, 1e-13);
    }
  });
  it("numerical integration agrees", () => {
    for (const r of BAYES) {
      const A = beta(r.A);
      const B = beta(r.B);
      expectClose(probBBeatsANumeric(A, B), r.p, 1e-10, 1e-13);
      expectClose(expectedLossOfBNumeric(A, B), r.lossB, 1e-8, 1e-13);
    }
  });
  it("stays accurate with 10 million visitors per arm (mpmath: 0.868144267300981297…)", () => {
    // mpmath (30 digits) Miller sum over αA for A = Beta(1e6, 9e6), B = Beta(1e6+1500, 9e6−1500).
    const A = {alpha: 1e6, beta: 9e6};
    const B = {alpha: 1e6 + 1500, beta: 9e6 - 1500};
    expectClose(probBBeatsA(A, B), 0.8681442673009813, 0, 5e-10);
    expectClose(probBBeatsANumeric(A, B), 0.8681442673009813, 0, 5e-10);
    const loss = expectedLossOfB(A, B);
    expect(Number.isFinite(loss)).toBe(true);
    expectClose(loss, expectedLossOfBNumeric(A, B), 1e-4);
  });
});

describe("posteriors and credible intervals", () => {
  it("Beta(1,1) prior by default, stated priors respected", () => {
    expect(betaPosterior({conversions: 20, visitors: 100})).toEqual({alpha: 21, beta: 81, mean: 21 / 102});
    expect(betaPosterior({conversions: 20, visitors: 100}, {alpha: 0.5, beta: 0.5}).alpha).toBe(20.5);
  });
  it("equal-tailed interval = scipy beta.ppf", () => {
    const ci = credibleInterval({alpha: 21, beta: 81});
    expectClose(ci.lower, BETA_PPF[0][3], 1e-10);
    expectClose(ci.upper, BETA_PPF[1][3], 1e-10);
  });
  it("bayesProportions bundles it for the page", () => {
    const r = bayesProportions({
      control: {conversions: 100, visitors: 1000},
      treatment: {conversions: 120, visitors: 1000}
    });
    expectClose(r.probBBeatsA, BAYES[0]!.p, 1e-10);
    expectClose(r.expectedLossB, BAYES[0]!.lossB, 1e-8);
    expectClose(r.expectedLossA, BAYES[0]!.lossA, 1e-8);
    expect(r.credibleB.lower).toBeLessThan(0.12);
    expect(r.credibleB.upper).toBeGreaterThan(0.12);
  });
});

describe("revenue per user (normal approximation)", () => {
  it("flat prior vs scipy", () => {
    for (const r of BAYES_MEANS) {
      const [na, ma, sa] = r.a;
      const [nb, mb, sb] = r.b;
      const res = bayesMeans({control: {n: na, mean: ma, sd: sa}, treatment: {n: nb, mean: mb, sd: sb}});
      expectClose(res.probBBeatsA, r.p, 1e-12);
      expectClose(res.expectedLossA, r.lossA, 1e-9);
      expectClose(res.expectedLossB, r.lossB, 1e-9);
    }
  });
  it("a normal prior shrinks both arms toward its mean", () => {
    const control = {n: 20, mean: 10, sd: 8};
    const treatment = {n: 20, mean: 16, sd: 8};
    const flat = bayesMeans({control, treatment});
    const shrunk = bayesMeans({control, treatment, prior: {kind: "normal", mean: 12, sd: 2}});
    // Posterior precision 20/64 + 1/4 = 0.5625, mean (10·0.3125 + 12·0.25)/0.5625.
    expectClose(shrunk.posteriorA.mean, (10 * 0.3125 + 12 * 0.25) / 0.5625, 1e-14);
    expectClose(shrunk.posteriorA.sd, Math.sqrt(1 / 0.5625), 1e-14);
    expect(shrunk.probBBeatsA).toBeLessThan(flat.probBBeatsA);
  });
});
