import {describe, expect, it} from "vitest";
import {
  correctedAlpha,
  powerCurve,
  powerMeans,
  powerProportions,
  sampleSizeMeans,
  sampleSizeProportions,
  testDuration
} from "../../lib/ab/index.js";
import {expectClose} from "./close.js";
import {MEANS, MULTI, POWER_AT_N, SAMPLE_SIZES} from "./reference-values.js";

describe("Evan Miller's published example: 20% baseline, +5 points, α = 0.05, power 0.8", () => {
  // His calculator's num_subjects(): (z_{α/2}·√(2p(1−p)) + z_β·√(p(1−p) + (p+δ)(1−p−δ)))² / δ² = 1030.22 → shown as 1,030.
  it("the evanMiller formula (H₀ variance at the baseline) gives 1,030", () => {
    const r = sampleSizeProportions({baseline: 0.2, mde: 0.05, method: "evanMiller"});
    expectClose(r.exact, 1030.2192831104596, 1e-12); // /usr/bin/python3: (za*sqrt(.32)+zb*sqrt(.3475))**2/.05**2
    expect(Math.round(r.exact)).toBe(1030);
    expect(r.perArm).toBe(1031); // we round up, as a plan should
  });
  it("the other formulas do not give 1,030", () => {
    expect(sampleSizeProportions({baseline: 0.2, mde: 0.05, method: "unpooled"}).perArm).toBe(1091);
    expect(sampleSizeProportions({baseline: 0.2, mde: 0.05, method: "pooled"}).perArm).toBe(1094);
    expect(sampleSizeProportions({baseline: 0.2, mde: 0.05, method: "arcsine"}).perArm).toBe(1092);
  });
  it("relative MDE: 25% of a 20% baseline is the same 5 points", () => {
    const r = sampleSizeProportions({baseline: 0.2, mde: 0.25, mdeType: "relative", method: "evanMiller"});
    expectClose(r.exact, 1030.2192831104596, 1e-12);
    expectClose(r.treatment, 0.25, 1e-15);
  });
});

describe("sample sizes vs statsmodels", () => {
  it("unpooled, pooled and arcsine formulas", () => {
    for (const row of SAMPLE_SIZES) {
      const base = {baseline: row.p1, mde: row.d, alpha: row.alpha, power: row.power};
      // statsmodels' solve_power also counts the far rejection region, which moves n by < 0.01.
      expectClose(sampleSizeProportions({...base, method: "unpooled"}).exact, row.unpooled, 1e-5);
      expectClose(sampleSizeProportions({...base, method: "pooled"}).exact, row.pooled, 1e-10);
      expectClose(sampleSizeProportions({...base, method: "arcsine"}).exact, row.arcsine, 1e-5);
    }
  });
  it("power at a given n", () => {
    for (const row of POWER_AT_N) {
      expectClose(powerProportions({baseline: row.p1, mde: row.d, n: row.n, method: "unpooled"}), row.unpooled, 1e-10);
      expectClose(powerProportions({baseline: row.p1, mde: row.d, n: row.n, method: "pooled"}), row.pooled, 1e-10);
    }
  });
  it("difference of means", () => {
    for (const row of MEANS) {
      expectClose(sampleSizeMeans({sd: row.sd, mde: row.mde, alpha: row.alpha, power: row.power}).exact, row.n, 1e-5);
      expectClose(powerMeans({sd: row.sd, mde: row.mde, alpha: row.alpha, n: 1000}), row.powerAt1000, 1e-10);
    }
  });
  it("k = 3 variants with Bonferroni and Šidák", () => {
    const base = {baseline: 0.1, mde: 0.02, power: 0.8, variants: 3};
    const bon = sampleSizeProportions({...base, correction: "bonferroni"});
    const sid = sampleSizeProportions({...base, correction: "sidak"});
    expectClose(bon.exact, MULTI.bonferroni, 1e-5);
    expectClose(sid.exact, MULTI.sidak, 1e-5);
    expect(bon.total).toBe(bon.perArm * 4);
    expectClose(correctedAlpha(0.05, 3, "sidak"), 1 - Math.pow(0.95, 1 / 3), 1e-14);
    expect(correctedAlpha(0.05, 3, "none")).toBe(0.05);
  });
});

describe("power curve and duration", () => {
  it("power rises with n and with the mde, and hits the target at the planned n", () => {
    const plan = {baseline: 0.2, mde: 0.05};
    const byN = powerCurve(plan, {ns: [100, 500, 1091, 3000]});
    expect(byN.map((p) => p.n)).toEqual([100, 500, 1091, 3000]);
    for (let i = 1; i < byN.length; i++) expect(byN[i]!.power).toBeGreaterThan(byN[i - 1]!.power);
    expectClose(byN[2]!.power, 0.8, 1e-3);
    const byMde = powerCurve(plan, {mdes: [0.01, 0.03, 0.05], n: 1091});
    expect(byMde[0]!.power).toBeLessThan(byMde[2]!.power);
  });
  it("days from traffic, allocation and arms", () => {
    expect(testDuration({perArm: 1031, dailyTraffic: 500})).toEqual({days: 5, totalUsers: 2062, usersPerDay: 500});
    expect(testDuration({perArm: 1031, arms: 3, dailyTraffic: 1000, allocation: 0.25}).days).toBe(13);
    expect(testDuration({perArm: 1000, dailyTraffic: 1000}).days).toBe(2);
  });
});
