import {describe, expect, it} from "vitest";
import {sampleBinomial, twoProportionZTest, welchTTestFromValues} from "../../lib/ab/index.js";
import {rng} from "../../lib/random.js";

/** Kolmogorov–Smirnov distance of a sample from Uniform(0, 1). */
function ksUniform(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  let d = 0;
  s.forEach((x, i) => {
    d = Math.max(d, (i + 1) / s.length - x, x - i / s.length);
  });
  return d;
}

describe("p-values are uniform under the null (seeded simulation)", () => {
  it("two-proportion z-test, 2,000 A/A tests of 5,000 users per arm at 10%", () => {
    const r = rng(99);
    const ps: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const a = sampleBinomial(r, 5000, 0.1);
      const b = sampleBinomial(r, 5000, 0.1);
      ps.push(
        twoProportionZTest({control: {conversions: a, visitors: 5000}, treatment: {conversions: b, visitors: 5000}})
          .pValue
      );
    }
    // KS critical value at the 1% level for n = 2000 is 1.63/√2000 ≈ 0.036; the binomial's lattice adds a little.
    expect(ksUniform(ps)).toBeLessThan(0.04);
    const deciles = new Array<number>(10).fill(0);
    for (const p of ps) deciles[Math.min(9, Math.floor(p * 10))]!++;
    for (const c of deciles) expect(Math.abs(c - 200)).toBeLessThan(50); // ±3.7 sd of Binomial(2000, 0.1)
    const rejected = ps.filter((p) => p < 0.05).length / ps.length;
    expect(Math.abs(rejected - 0.05)).toBeLessThan(0.015);
  });
  it("Welch t-test on skewed revenue-like data, 1,000 A/A tests", () => {
    const r = rng(5);
    const ps: number[] = [];
    const draw = () => Array.from({length: 200}, () => (r.bernoulli(0.3) ? r.lognormal(3, 0.8) : 0));
    for (let i = 0; i < 1000; i++) ps.push(welchTTestFromValues({control: draw(), treatment: draw()}).pValue);
    expect(ksUniform(ps)).toBeLessThan(0.055); // 1% critical value 1.63/√1000 ≈ 0.052
  });
});
