// Binomial(n, p) draws for simulations (lib/random.ts has no binomial). Exact "waiting time" method: count
// geometric gaps between successes until they pass n (Devroye 1986, §X.4), O(np + 1) per draw, on the
// smaller of p and 1 − p. Very large means (> 1e4) use a rounded normal approximation.
import type {Rng} from "../random.js";

export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  const mean = n * p;
  if (mean > 1e4) {
    const x = Math.round(rng.normal(mean, Math.sqrt(mean * (1 - p))));
    return Math.min(n, Math.max(0, x));
  }
  let successes = 0;
  let position = rng.geometric(p); // failures before the first success
  while (position < n) {
    successes++;
    position += 1 + rng.geometric(p);
  }
  return successes;
}
