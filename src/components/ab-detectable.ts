// The smallest relative lift a conversion test can detect with `n` users per arm at the plan's alpha and power
// (bisection on lib/ab powerProportions, which rises with the lift). null when even the largest lift that keeps
// the treatment rate below 100% is not detectable.
import {powerProportions, type ProportionMethod} from "../lib/ab/index.js";

export function detectableRelativeLift(plan: {
  baseline: number;
  alpha: number;
  power: number;
  method: ProportionMethod;
  n: number;
}): number | null {
  const {baseline, alpha, power, method, n} = plan;
  const at = (mde: number) => powerProportions({baseline, mde, mdeType: "relative", alpha, method, n});
  let hi = (1 - 1e-9) / baseline - 1; // treatment rate just below 1
  if (at(hi) < power) return null;
  let lo = 0;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid) >= power) hi = mid;
    else lo = mid;
  }
  return hi;
}
