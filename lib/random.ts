// Seeded pseudo-random numbers (pure TypeScript, no Node APIs).
// Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 128-bit state,
// seeded through splitmix32 so that nearby seeds give unrelated streams.

/** splitmix32 step: used for seeding and for deriving sub-streams. */
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a hash of a string to 32 bits (for named sub-streams). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const HEX_CODES = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(seed: number | string) {
    let s = typeof seed === "string" ? hashString(seed) : seed >>> 0;
    s = splitmix32(s);
    this.a = s;
    s = splitmix32(s);
    this.b = s;
    s = splitmix32(s);
    this.c = s;
    s = splitmix32(s);
    this.d = s;
    for (let i = 0; i < 16; i++) this.nextU32(); // warm up
  }

  /** Next raw 32-bit unsigned integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** An independent generator derived from this one and a label (does not advance this one). */
  fork(label: string | number): Rng {
    const h = typeof label === "string" ? hashString(label) : label >>> 0;
    return new Rng((this.a ^ Math.imul(h, 0x9e3779b1) ^ splitmix32(this.d ^ h)) >>> 0);
  }

  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal by the polar Box–Muller method (caches the spare value). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + sd * u * f;
  }

  /** exp(Normal(mu, sigma)). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** Gamma(shape, scale) by Marsaglia–Tsang; shape < 1 via the boost U^(1/shape). Mean shape·scale. */
  gamma(shape: number, scale = 1): number {
    if (shape < 1) {
      const u = 1 - this.next();
      return this.gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Poisson(mean): Knuth's product method for small means, else a normal approximation with continuity correction. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean < 30) {
      const L = Math.exp(-mean);
      let k = 0;
      let p = 1;
      do {
        k++;
        p *= this.next();
      } while (p > L);
      return k - 1;
    }
    return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
  }

  /** Geometric number of failures before the first success (support 0, 1, 2, …). */
  geometric(p: number): number {
    if (p >= 1) return 0;
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
  }

  /** Uniform pick from an array. */
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }

  /** Weighted pick by linear scan (for short lists; use Alias for repeated draws from long ones). */
  weighted<T>(xs: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < xs.length; i++) {
      r -= weights[i]!;
      if (r < 0) return xs[i]!;
    }
    return xs[xs.length - 1]!;
  }

  /** Lowercase hex string of n characters (ids are 32). Built from char codes in one go: character-by-character
   * concatenation would leave V8 rope strings of ~1 KB per id alive in long-lived catalogs. */
  hex(n = 32): string {
    const codes = new Array<number>(n);
    let x = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 7) === 0) x = this.nextU32();
      codes[i] = HEX_CODES[x & 15]!;
      x >>>= 4;
    }
    return String.fromCharCode(...codes);
  }
}

/** Walker/Vose alias table: O(1) weighted draws of an index in [0, n). */
export class Alias {
  private readonly prob: Float64Array;
  private readonly alias: Uint32Array;
  readonly n: number;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new Error("Alias: empty weights");
    this.n = n;
    this.prob = new Float64Array(n);
    this.alias = new Uint32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / total;
      (scaled[i]! < 1 ? small : large).push(i);
    }
    while (small.length && large.length) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1; // numerical leftovers
  }

  sample(rng: Rng): number {
    const u = rng.next() * this.n;
    const i = Math.floor(u);
    return u - i < this.prob[i]! ? i : this.alias[i]!;
  }
}

export function rng(seed: number | string): Rng {
  return new Rng(seed);
}
