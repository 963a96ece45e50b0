import {describe, expect, it} from "vitest";
import {Alias, rng} from "../lib/random.js";

function moments(draw: () => number, n = 200_000): {mean: number; variance: number} {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return {mean, variance: s2 / n - mean * mean};
}

describe("lib/random", () => {
  it("is deterministic per seed and differs across seeds", () => {
    const a = rng(42);
    const b = rng(42);
    const c = rng(43);
    const xa = Array.from({length: 100}, () => a.nextU32());
    const xb = Array.from({length: 100}, () => b.nextU32());
    const xc = Array.from({length: 100}, () => c.nextU32());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    expect(rng("abc").hex()).toBe(rng("abc").hex());
  });

  it("forks are deterministic and independent of later draws on the parent", () => {
    const p1 = rng(7);
    const f1 = p1.fork("x").next();
    const p2 = rng(7);
    const f2 = p2.fork("x").next();
    expect(f1).toBe(f2);
    expect(rng(7).fork("x").next()).not.toBe(rng(7).fork("y").next());
  });

  it("hex ids are 32 lowercase hex chars", () => {
    const r = rng(1);
    for (let i = 0; i < 1000; i++) expect(r.hex()).toMatch(/^[0-9a-f]{32}$/);
  });

  it("uniform and int ranges", () => {
    const r = rng(2);
    const m = moments(() => r.next());
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 2);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(1, 6) - 1]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it("normal / lognormal moments", () => {
    const r = rng(3);
    const n = moments(() => r.normal(2, 3));
    expect(Math.abs(n.mean - 2)).toBeLessThan(0.03);
    expect(Math.abs(n.variance - 9) / 9).toBeLessThan(0.02);
    const ln = moments(() => r.lognormal(0, 0.5));
    expect(Math.abs(ln.mean - Math.exp(0.125)) / Math.exp(0.125)).toBeLessThan(0.01);
  });

  it("gamma moments (shape above and below 1)", () => {
    const r = rng(4);
    for (const [k, th] of [
      [3, 2],
      [0.5, 4]
    ] as const) {
      const m = moments(() => r.gamma(k, th));
      expect(Math.abs(m.mean - k * th) / (k * th)).toBeLessThan(0.02);
      expect(Math.abs(m.variance - k * th * th) / (k * th * th)).toBeLessThan(0.05);
    }
  });

  it("poisson, exponential and geometric moments", () => {
    const r = rng(5);
    for (const lam of [0.7, 4, 80]) {
      const m = moments(() => r.poisson(lam));
      expect(Math.abs(m.mean - lam) / lam).toBeLessThan(0.02);
      expect(Math.abs(m.variance - lam) / lam).toBeLessThan(0.05);
    }
    const e = moments(() => r.exponential(0.25));
    expect(Math.abs(e.mean - 4) / 4).toBeLessThan(0.02);
    const g = moments(() => r.geometric(0.2));
    expect(Math.abs(g.mean - 4) / 4).toBeLessThan(0.03); // (1-p)/p
  });

  it("weighted choice (alias and linear) match the weights", () => {
    const r = rng(6);
    const w = [1, 2, 3, 4];
    const alias = new Alias(w);
    const ca = [0, 0, 0, 0];
    const cl = [0, 0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      ca[alias.sample(r)]++;
      cl[r.weighted([0, 1, 2, 3], w)]++;
    }
    for (let i = 0; i < 4; i++) {
      expect(Math.abs(ca[i]! / n - w[i]! / 10)).toBeLessThan(0.006);
      expect(Math.abs(cl[i]! / n - w[i]! / 10)).toBeLessThan(0.006);
    }
  });
});
