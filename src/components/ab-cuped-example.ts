// A seeded example for CUPED when no per-user file is uploaded: users whose pre-period metric correlates `rho`
// with the metric in the test, around the store's average order value. Same seed, same users: the page's numbers
// do not move between visits.
import {AbInputError, checkCountAtLeast, checkFinite, checkPositive} from "../lib/ab/index.js";
import {rng} from "../lib/random.js";
import type {CupedArm} from "../lib/ab/index.js";

export function cupedExample(input: {n: number; rho: number; lift: number; mean: number; sd: number}): {
  control: CupedArm;
  treatment: CupedArm;
} {
  const n = checkCountAtLeast("n", input.n, 2);
  const rho = checkFinite("rho", input.rho);
  if (rho <= -1 || rho >= 1) throw new AbInputError("rho", `rho (${rho}) must be between -1 and 1 (exclusive)`);
  const lift = checkFinite("lift", input.lift);
  const mean = checkFinite("mean", input.mean);
  const sd = checkPositive("sd", input.sd);
  const r = rng("ab-cuped-example");
  const arm = (shift: number): CupedArm => {
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const pre = r.normal();
      x.push(mean + sd * pre);
      y.push(mean * (1 + shift) + sd * (rho * pre + Math.sqrt(1 - rho * rho) * r.normal()));
    }
    return {x, y};
  };
  return {control: arm(0), treatment: arm(lift)};
}
