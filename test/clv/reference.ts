// Shared reference values for the CLV tests (not a test file itself).
import type {BgNbdParams} from "../../lib/clv/bgnbd.js";

// CDNOW estimates from Fader, Hardie & Lee (2005), time unit = weeks.
export const CDNOW_PARAMS: BgNbdParams = {r: 0.243, alpha: 4.414, a: 0.793, b: 2.426};
export const CUSTOMERS: [x: number, tx: number, T: number][] = [
  [0, 0, 38.86],
  [2, 30.43, 38.86],
  [7, 29.43, 35]
];

/*
 * `lifetimes`-style reference (its BetaGeoFitter._negative_log_likelihood terms), SciPy 1.10.1 from
 * `apt-get install -y python3-scipy`, run as `/usr/bin/python3 ref.py`:
 *
 *   import numpy as np
 *   from scipy.special import gammaln, betaln, hyp2f1
 *   r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
 *   cust = [(0, 0.0, 38.86), (2, 30.43, 38.86), (7, 29.43, 35.0)]
 *   for x, tx, T in cust:
 *       A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
 *       A2 = betaln(a, b + x) - betaln(a, b)
 *       A3 = -(r + x) * np.log(alpha + T)
 *       A4 = np.log(a) - np.log(b + max(x, 1) - 1) - (r + x) * np.log(alpha + tx)
 *       ll = A1 + A2 + (np.logaddexp(A3, A4) if x > 0 else A3)
 *       print("ll", x, tx, T, repr(ll))
 *   def cond(t, x, tx, T):
 *       z = t / (alpha + T + t)
 *       num = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))
 *       den = 1 + (x > 0) * a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x)
 *       return num / den
 *   for x, tx, T in cust:
 *       print("cond39", x, repr(cond(39, x, tx, T)))
 *   def ex(t):
 *       return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)))
 *   print("EX39", repr(ex(39)), "EX78", repr(ex(78)), "EX1000", repr(ex(1000)))
 *   for args in [(0.243, 2.426, 2.219, 0.5), ...]:        # the rows in test/clv/special.test.ts
 *       print("hyp2f1", args, repr(hyp2f1(*args)))
 *
 * Output:
 *   ll 0 0.0 38.86 -0.5547132764381584
 *   ll 2 30.43 38.86 -9.45860630706627
 *   ll 7 29.43 35.0 -21.380329155953554
 *   cond39 0 0.19509805201125396
 *   cond39 2 1.226028174767135
 *   cond39 7 4.369281948518567
 *   EX39 1.1967231933207985 EX78 1.8605190579427455 EX1000 6.580391613737897
 */
export const SCIPY_LL = [-0.5547132764381584, -9.45860630706627, -21.380329155953554];
export const SCIPY_COND39 = [0.19509805201125396, 1.226028174767135, 4.369281948518567];
export const SCIPY_EX = {39: 1.1967231933207985, 78: 1.8605190579427455, 1000: 6.580391613737897};
