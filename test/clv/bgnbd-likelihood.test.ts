import {describe, expect, it} from "vitest";
import {bgnbdLogLikelihood, bgnbdTotalLogLikelihood, type BgNbdParams} from "../../lib/clv/bgnbd.js";
import {groupSummaries} from "../../lib/clv/summary.js";
import {CDNOW_PARAMS as P, CUSTOMERS, SCIPY_LL} from "./reference.js";

/*
 * Hand computation in plain (linear-space) arithmetic, FHL (2005) eq. (6):
 *   L = [Γ(r+x)/Γ(r)] · α^r · [B(a, b+x)/B(a, b)] · [ (α+T)^−(r+x) + δ_{x>0} · a/(b+x−1) · (α+t_x)^−(r+x) ]
 * with the gamma/beta ratios written as finite products for integer x:
 *   Γ(r+x)/Γ(r)        = Π_{k=0}^{x−1} (r+k)
 *   B(a,b+x)/B(a,b)    = Γ(b+x)Γ(a+b) / (Γ(b)Γ(a+b+x)) = Π_{k=0}^{x−1} (b+k)/(a+b+k)
 * Customer 1 (x=0):  L = α^r (α+T)^−r = (4.414/43.274)^0.243
 * Customer 2 (x=2):  L = r(r+1) α^r · b(b+1)/((a+b)(a+b+1)) · [(α+38.86)^−2.243 + a/(b+1) (α+30.43)^−2.243]
 * Customer 3 (x=7):  products over k = 0..6, bracket [(α+35)^−7.243 + a/(b+6) (α+29.43)^−7.243]
 */
function handLikelihood({r, alpha, a, b}: BgNbdParams, x: number, tx: number, T: number): number {
  let gammaRatio = 1;
  let betaRatio = 1;
  for (let k = 0; k < x; k++) {
    gammaRatio *= r + k;
    betaRatio *= (b + k) / (a + b + k);
  }
  const alive = Math.pow(alpha + T, -(r + x));
  const dead = x > 0 ? (a / (b + x - 1)) * Math.pow(alpha + tx, -(r + x)) : 0;
  return gammaRatio * Math.pow(alpha, r) * betaRatio * (alive + dead);
}

describe("BG/NBD log-likelihood", () => {
  it("matches the hand computation (plain Math, linear space) for 3 customers", () => {
    CUSTOMERS.forEach(([x, tx, T]) => {
      expect(bgnbdLogLikelihood(P, x, tx, T)).toBeCloseTo(Math.log(handLikelihood(P, x, tx, T)), 12);
    });
  });

  it("matches the SciPy (lifetimes-style) reference values", () => {
    CUSTOMERS.forEach(([x, tx, T], i) => {
      expect(bgnbdLogLikelihood(P, x, tx, T)).toBeCloseTo(SCIPY_LL[i]!, 12);
    });
    const total = bgnbdTotalLogLikelihood(
      P,
      CUSTOMERS.map(([x, tx, T]) => ({x, tx, T}))
    );
    expect(total).toBeCloseTo(
      SCIPY_LL.reduce((s, v) => s + v, 0),
      11
    );
  });

  it("total likelihood with counts equals the sum over repeated rows (grouping)", () => {
    const rows = [
      ...Array.from({length: 5}, () => ({x: 0, tx: 0, T: 38.86})),
      ...Array.from({length: 3}, () => ({x: 2, tx: 30.43, T: 38.86})),
      {x: 7, tx: 29.43, T: 35}
    ];
    const grouped = groupSummaries(rows);
    expect(grouped).toHaveLength(3);
    expect(bgnbdTotalLogLikelihood(P, grouped)).toBeCloseTo(5 * SCIPY_LL[0]! + 3 * SCIPY_LL[1]! + SCIPY_LL[2]!, 10);
    expect(bgnbdTotalLogLikelihood(P, rows)).toBeCloseTo(bgnbdTotalLogLikelihood(P, grouped), 10);
    // Fractional weights are allowed too.
    expect(bgnbdTotalLogLikelihood(P, [{x: 2, tx: 30.43, T: 38.86, count: 0.5}])).toBeCloseTo(0.5 * SCIPY_LL[1]!, 12);
  });

  it("stays finite in log space where the linear-space likelihood underflows", () => {
    const ll = bgnbdLogLikelihood(P, 400, 300, 310);
    expect(Number.isFinite(ll)).toBe(true);
    const plain = handLikelihood(P, 400, 300, 310); // the plain product overflows/underflows (∞·0 → NaN)
    expect(Number.isFinite(Math.log(plain))).toBe(false);
  });
});
