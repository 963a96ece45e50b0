// Deterministic minimisation helpers for the maximum-likelihood fits: bounded Nelder–Mead with restarts,
// a central-difference Hessian, a small matrix inverse (for standard errors) and a Cholesky factor (for draws).
// Why ours: the fits need 3–4 parameters, bounds and bit-for-bit determinism; simple-statistics and @stdlib have no
// Nelder–Mead, and fmin 0.0.4 (2.0 KB gzip against 1.8 KB here) has no bounds or restarts.

export type Objective = (x: readonly number[]) => number;

export interface NelderMeadOptions {
  /** Initial simplex step per coordinate (default 0.5: in log-parameter space, a factor e^0.5 ≈ 1.65). */
  step?: number;
  maxIter?: number;
  /** Stop when the spread of f over the simplex is below tolF · (1 + |f_best|) … */
  tolF?: number;
  /** … and the simplex fits in a box of half-width tolX. */
  tolX?: number;
  /**
   * Also stop when f_best improved by less than tolF · (1 + |f_best|) per iteration over the last 100·n
   * iterations: on a ridge where f still creeps down as parameters run off to infinity (a BG/NBD fit with a, b → ∞
   * at a fixed a/(a+b)), the simplex never shrinks, and without this rule it spent 57,609 evaluations for a gain
   * of nothing. Such a stop reports `stalled`, not `converged`.
   */
  stallWindow?: number;
  /** Box bounds; points are projected into the box before evaluation. */
  lower?: readonly number[];
  upper?: readonly number[];
}

export interface MinimizeResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Stopped because f stopped improving while the simplex was still wide (see NelderMeadOptions.stallWindow). */
  stalled: boolean;
}

function project(x: number[], lower?: readonly number[], upper?: readonly number[]): number[] {
  return x.map((v, i) => Math.min(upper?.[i] ?? Infinity, Math.max(lower?.[i] ?? -Infinity, v)));
}

/** Nelder–Mead (reflection 1, expansion 2, contraction ½, shrink ½). Non-finite f counts as +Infinity. */
export function nelderMead(f: Objective, x0: readonly number[], options: NelderMeadOptions = {}): MinimizeResult {
  const n = x0.length;
  const {step = 0.5, maxIter = 5000, tolF = 1e-10, tolX = 1e-7, lower, upper, stallWindow = 100 * n} = options;
  let evaluations = 0;
  const evalf = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const start = project([...x0], lower, upper);
  let pts: number[][] = [start];
  for (let i = 0; i < n; i++) {
    const p = [...start];
    // Step inward if the positive step would leave the box.
    p[i] = p[i]! + (p[i]! + step > (upper?.[i] ?? Infinity) ? -step : step);
    pts.push(project(p, lower, upper));
  }
  let fs = pts.map(evalf);
  let iterations = 0;
  let converged = false;
  let stalled = false;
  let windowStart = Infinity;
  const combine = (c: number[], d: number[], t: number) =>
    project(
      c.map((ci, j) => ci + t * (d[j]! - ci)),
      lower,
      upper
    );
  for (; iterations < maxIter; iterations++) {
    const order = fs.map((_, i) => i).sort((i, j) => fs[i]! - fs[j]!);
    pts = order.map((i) => pts[i]!);
    fs = order.map((i) => fs[i]!);
    const fBest = fs[0]!;
    const fWorst = fs[n]!;
    let width = 0;
    for (let i = 1; i <= n; i++)
      for (let j = 0; j < n; j++) width = Math.max(width, Math.abs(pts[i]![j]! - pts[0]![j]!));
    if (Number.isFinite(fWorst) && fWorst - fBest <= tolF * (1 + Math.abs(fBest)) && width <= tolX) {
      converged = true;
      break;
    }
    if (iterations % stallWindow === 0) {
      if (windowStart - fBest <= stallWindow * tolF * (1 + Math.abs(fBest))) {
        stalled = true;
        break;
      }
      windowStart = fBest;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += pts[i]![j]! / n;
    const worst = pts[n]!;
    const xr = combine(centroid, worst, -1);
    const fr = evalf(xr);
    if (fr < fBest) {
      const xe = combine(centroid, worst, -2);
      const fe = evalf(xe);
      if (fe < fr) [pts[n], fs[n]] = [xe, fe];
      else [pts[n], fs[n]] = [xr, fr];
      continue;
    }
    if (fr < fs[n - 1]!) {
      [pts[n], fs[n]] = [xr, fr];
      continue;
    }
    // Contraction: outside if the reflected point beats the worst, inside otherwise.
    const outside = fr < fWorst;
    const xc = combine(centroid, outside ? xr : worst, 0.5);
    const fc = evalf(xc);
    if (fc < (outside ? fr : fWorst)) {
      [pts[n], fs[n]] = [xc, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      pts[i] = combine(pts[0]!, pts[i]!, 0.5);
      fs[i] = evalf(pts[i]!);
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (fs[i]! < fs[best]!) best = i;
  return {x: pts[best]!, fx: fs[best]!, iterations, evaluations, converged, stalled};
}

export interface MinimizeOptions extends NelderMeadOptions {
  /** Fresh-simplex restarts from the current best, until one no longer improves f (default up to 8). */
  maxRestarts?: number;
}

/**
 * Minimise from each start with Nelder–Mead, restarting each run from its best point with a fresh simplex
 * until a restart no longer improves f (guards against a collapsed simplex); returns the best over starts.
 */
export function minimize(
  f: Objective,
  starts: readonly (readonly number[])[],
  options: MinimizeOptions = {}
): MinimizeResult {
  const {maxRestarts = 8, tolF = 1e-10} = options;
  let best: MinimizeResult | null = null;
  for (const x0 of starts) {
    let res = nelderMead(f, x0, options);
    let {iterations, evaluations} = res;
    for (let k = 0; k < maxRestarts; k++) {
      const next = nelderMead(f, res.x, options);
      iterations += next.iterations;
      evaluations += next.evaluations;
      const improved = res.fx - next.fx > tolF * (1 + Math.abs(res.fx));
      if (next.fx <= res.fx) res = next;
      if (!improved || next.stalled) break;
    }
    res = {...res, iterations, evaluations};
    if (best === null || res.fx < best.fx) best = res;
  }
  if (best === null) throw new Error("minimize: no starting points");
  return best;
}

/** Central-difference Hessian of f at x with steps h_i = h · max(1, |x_i|). */
export function numericalHessian(f: Objective, x: readonly number[], h = 1e-3): number[][] {
  const n = x.length;
  const steps = x.map((v) => h * Math.max(1, Math.abs(v)));
  const at = (di: number, si: number, dj = -1, sj = 0): number => {
    const y = [...x];
    y[di] = y[di]! + si * steps[di]!;
    if (dj >= 0) y[dj] = y[dj]! + sj * steps[dj]!;
    return f(y);
  };
  const f0 = f(x);
  const H: number[][] = Array.from({length: n}, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    H[i]![i] = (at(i, 1) - 2 * f0 + at(i, -1)) / (steps[i]! * steps[i]!);
    for (let j = 0; j < i; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * steps[i]! * steps[j]!);
      H[i]![j] = v;
      H[j]![i] = v;
    }
  }
  return H;
}

/** Inverse by Gauss–Jordan elimination with partial pivoting; null if (numerically) singular. */
export function invert(m: readonly (readonly number[])[]): number[][] | null {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({length: n}, (_, j) => (i === j ? 1 : 0))]);
  let scale = 0;
  for (const row of m) for (const v of row) scale = Math.max(scale, Math.abs(v));
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[piv]![col]!)) piv = r;
    if (!(Math.abs(a[piv]![col]!) > 1e-13 * scale)) return null;
    [a[col], a[piv]] = [a[piv]!, a[col]!];
    const p = a[col]![col]!;
    for (let j = 0; j < 2 * n; j++) a[col]![j]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r]![col]!;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * n; j++) a[r]![j]! -= factor * a[col]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}

export interface StandardErrors {
  /** Standard errors on the natural scale (NaN where the Hessian is not positive definite). */
  se: number[];
  /** Covariance on the natural scale, diag(φ) · H⁻¹ · diag(φ) (null if the Hessian is singular). */
  covariance: number[][] | null;
  /** H⁻¹, the covariance of θ = log φ (null if the Hessian is singular). */
  logCovariance: number[][] | null;
  /** True if H⁻¹ exists and has a positive diagonal. */
  ok: boolean;
}

/**
 * Standard errors for φ = exp(θ) from the Hessian H of the negative log-likelihood in θ = log φ at the
 * optimum: Cov(θ) ≈ H⁻¹, and by the delta method se(φ_i) = φ_i · sqrt((H⁻¹)_ii).
 */
export function logScaleStandardErrors(nll: Objective, theta: readonly number[]): StandardErrors {
  const H = numericalHessian(nll, theta);
  const inv = invert(H);
  const phi = theta.map(Math.exp);
  if (inv === null) return {se: phi.map(() => NaN), covariance: null, logCovariance: null, ok: false};
  const covariance = inv.map((row, i) => row.map((v, j) => v * phi[i]! * phi[j]!));
  const se = inv.map((row, i) => (row[i]! > 0 ? phi[i]! * Math.sqrt(row[i]!) : NaN));
  return {se, covariance, logCovariance: inv, ok: se.every(Number.isFinite)};
}

/** Lower-triangular L with L·Lᵀ = m (Cholesky–Banachiewicz); null if m is not positive definite. */
export function cholesky(m: readonly (readonly number[])[]): number[][] | null {
  const n = m.length;
  const L: number[][] = Array.from({length: n}, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i]![j]!;
      for (let k = 0; k < j; k++) sum -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        L[i]![i] = Math.sqrt(sum);
      } else L[i]![j] = sum / L[j]![j]!;
    }
  }
  return L;
}
