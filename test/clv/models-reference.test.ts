// The three purchase models against independent mpmath values (test/clv/mpmath_reference.py, 40 digits; the
// command is in the JSON). Likelihoods, P(alive), E[Y(39) | x, t_x, T], E[X(t)] and P(X(t) = x) of each model,
// over customers from x = 0 to x = 25 and parameters that include α = β, α ≈ β and z = |α−β|/(max+t) near 1,
// and (beta-geometric models) r in the thousands, where ₂F₁ itself leaves the double range.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {conditionalExpected, PURCHASE_MODELS, type ModelParams, type PurchaseModelName} from "../../lib/clv/models.js";
import {paretoNbdTotalLogLikelihood} from "../../lib/clv/paretonbd.js";

interface Row {
  params: number[];
  x: number;
  tx: number;
  T: number;
  ll: number;
  p_alive: number;
  cond39: number;
}
interface Reference {
  rows: Row[];
  pmf: {params: number[]; x: number; t: number; p: number}[];
  ex: {params: number[]; t: number; ex: number}[];
}
const REF = JSON.parse(readFileSync(new URL("./mpmath-reference.json", import.meta.url), "utf8")) as Record<
  PurchaseModelName,
  Reference
>;

const relative = (got: number, want: number) => Math.abs(got - want) / Math.max(1e-300, Math.abs(want));

describe.each(["bgnbd", "mbgnbd", "pareto_nbd"] as const)("%s against mpmath", (name) => {
  const model = PURCHASE_MODELS[name];
  const ref = REF[name];
  const params = (v: number[]): ModelParams => Object.fromEntries(model.paramNames.map((k, i) => [k, v[i]!]));

  it("log-likelihood of each customer to 1e-12 (absolute in log space, relative beyond |ll| = 1)", () => {
    for (const row of ref.rows) {
      const error = Math.abs(model.logLikelihood(params(row.params), row.x, row.tx, row.T) - row.ll);
      expect(error).toBeLessThan(1e-12 * Math.max(1, Math.abs(row.ll)));
    }
  });

  it("the grouped total equals the sum of the reference log-likelihoods", () => {
    const byParams = new Map<string, Row[]>();
    for (const row of ref.rows) byParams.set(String(row.params), [...(byParams.get(String(row.params)) ?? []), row]);
    for (const rows of byParams.values()) {
      const total = model.totalLogLikelihood(
        params(rows[0]!.params),
        rows.map((r) => ({...r, count: 3}))
      );
      expect(Math.abs(total - 3 * rows.reduce((s, r) => s + r.ll, 0))).toBeLessThan(1e-10);
    }
  });

  it("P(alive) and E[Y(39) | x, t_x, T] to 1e-10 relative", () => {
    for (const row of ref.rows) {
      const p = params(row.params);
      expect(relative(model.probabilityAlive(p, row.x, row.tx, row.T), row.p_alive)).toBeLessThan(1e-10);
      expect(relative(conditionalExpected(model, p, 39, row.x, row.tx, row.T), row.cond39)).toBeLessThan(1e-10);
    }
  });

  it("P(X(t) = x) and E[X(t)] for a new customer to 1e-10 relative", () => {
    for (const {params: v, x, t, p} of ref.pmf) {
      expect(relative(model.probabilityOfPurchases(params(v), x, t), p)).toBeLessThan(1e-10);
    }
    for (const {params: v, t, ex} of ref.ex)
      expect(relative(model.expectedPurchases(params(v), t), ex)).toBeLessThan(1e-10);
  });

  it("P(X(t) = x) sums to 1 over x and its mean is E[X(t)]", () => {
    const p = params(ref.ex[0]!.params);
    let total = 0;
    let mean = 0;
    for (let x = 0; x < 400; x++) {
      const px = model.probabilityOfPurchases(p, x, 39);
      total += px;
      mean += x * px;
    }
    expect(total).toBeCloseTo(1, 10);
    expect(mean / model.expectedPurchases(p, 39)).toBeCloseTo(1, 8);
  });
});

describe("Pareto/NBD near α = β", () => {
  const base = {r: 0.553, alpha: 10.58, s: 0.606, beta: 10.58};
  const rows = [
    {x: 0, tx: 0, T: 38.86},
    {x: 2, tx: 30.43, T: 38.86},
    {x: 7, tx: 29.43, T: 35}
  ];
  it("the likelihood is continuous across α = β (the two ₂F₁ branches meet)", () => {
    const at = paretoNbdTotalLogLikelihood(base, rows);
    for (const eps of [1e-12, 1e-9, 1e-6]) {
      for (const sign of [-1, 1]) {
        const moved = paretoNbdTotalLogLikelihood({...base, beta: base.beta * (1 + sign * eps)}, rows);
        // d ln L / d β is O(1): a relative move ε changes ln L by O(ε · β)
        expect(Math.abs(moved - at)).toBeLessThan(50 * eps * base.beta);
      }
    }
  });
});
