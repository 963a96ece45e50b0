// L2-regularised logistic regression on standardised inputs, fitted by Newton's method (IRLS) with an Armijo
// backtracking line search.
//   minimise  Σ_i w_i ℓ(y_i, b + β·z_i) + (λ/2) ‖β‖²       (the intercept b is not penalised)
//   z_ij = (x_ij − mean_j) / sd_j, missing x → z = 0 (mean imputation); mean/sd over non-missing values,
//   unweighted, population sd (sd 0 → 1). λ = 1/C in scikit-learn's LogisticRegression terms.
// Converged when ‖∇‖∞ ≤ tol · Σw (default tol 1e-10) or the objective stops decreasing.

import type {ColumnTable} from "./bins.js";
import {combinedWeights, type ClassWeights, type TrainData} from "./gbdt.js";
import {MODEL_FORMAT, MODEL_VERSION, type ChurnModel} from "./model.js";

export interface LogisticParams {
  /** L2 strength λ (default 1). */
  lambda?: number;
  maxIter?: number;
  tol?: number;
  classWeights?: ClassWeights;
}

export interface LogisticResult {
  model: ChurnModel;
  iterations: number;
  converged: boolean;
  /** Final objective value. */
  objective: number;
}

/** Column means and population sds over non-missing values. */
export function standardisation(table: ColumnTable): {means: number[]; sds: number[]} {
  const means: number[] = [];
  const sds: number[] = [];
  for (const col of table.columns) {
    let s = 0;
    let k = 0;
    for (let i = 0; i < table.nRows; i++) {
      const v = col[i];
      if (v == null || v !== v) continue;
      s += v;
      k++;
    }
    const mu = k ? s / k : 0;
    let ss = 0;
    for (let i = 0; i < table.nRows; i++) {
      const v = col[i];
      if (v == null || v !== v) continue;
      ss += (v - mu) * (v - mu);
    }
    const sd = k ? Math.sqrt(ss / k) : 0;
    means.push(mu);
    sds.push(sd > 0 && Number.isFinite(sd) ? sd : 1);
  }
  return {means, sds};
}

/** Solve A x = b for symmetric positive-definite A (row-major d×d) by Cholesky; adds jitter if needed. */
export function solveSpd(A: Float64Array, b: Float64Array, d: number): Float64Array {
  for (let jitter = 0; ; jitter = jitter ? jitter * 10 : 1e-12) {
    const L = new Float64Array(d * d);
    let ok = true;
    for (let i = 0; i < d && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let s = A[i * d + j]! + (i === j ? jitter * Math.max(1, Math.abs(A[i * d + i]!)) : 0);
        for (let k = 0; k < j; k++) s -= L[i * d + k]! * L[j * d + k]!;
        if (i === j) {
          if (!(s > 0)) {
            ok = false;
            break;
          }
          L[i * d + i] = Math.sqrt(s);
        } else L[i * d + j] = s / L[j * d + j]!;
      }
    }
    if (!ok) {
      if (jitter > 1) throw new Error("solveSpd: matrix is not positive definite");
      continue;
    }
    const x = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let s = b[i]!;
      for (let k = 0; k < i; k++) s -= L[i * d + k]! * x[k]!;
      x[i] = s / L[i * d + i]!;
    }
    for (let i = d - 1; i >= 0; i--) {
      let s = x[i]!;
      for (let k = i + 1; k < d; k++) s -= L[k * d + i]! * x[k]!;
      x[i] = s / L[i * d + i]!;
    }
    return x;
  }
}

function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export function trainLogistic(
  train: TrainData,
  params: LogisticParams = {},
  opts: {featureNames?: string[]} = {}
): LogisticResult {
  const lambda = params.lambda ?? 1;
  const maxIter = params.maxIter ?? 100;
  const tol = params.tol ?? 1e-10;
  const n = train.table.nRows;
  const p = train.table.columns.length;
  const featureNames = opts.featureNames ?? Array.from({length: p}, (_, i) => `f${i}`);
  if (featureNames.length !== p) throw new Error("featureNames length does not match the table");
  const {means, sds} = standardisation(train.table);
  const Z = train.table.columns.map((col, j) => {
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = col[i];
      z[i] = v == null || v !== v ? 0 : (v - means[j]!) / sds[j]!;
    }
    return z;
  });
  const y = train.labels;
  const w = combinedWeights(y, train.weights, params.classWeights);
  let sw = 0;
  for (let i = 0; i < n; i++) sw += w[i]!;
  const d = p + 1; // parameter 0 is the intercept
  const beta = new Float64Array(d);
  const eta = new Float64Array(n);

  const linear = (b: Float64Array, out: Float64Array) => {
    out.fill(b[0]!);
    for (let j = 0; j < p; j++) {
      const z = Z[j]!;
      const c = b[j + 1]!;
      if (c !== 0) for (let i = 0; i < n; i++) out[i] += c * z[i]!;
    }
  };
  const objective = (b: Float64Array, e: Float64Array) => {
    let f = 0;
    for (let i = 0; i < n; i++) f += w[i]! * log1pExp(y[i] ? -e[i]! : e[i]!);
    let r = 0;
    for (let j = 1; j < d; j++) r += b[j]! * b[j]!;
    return f + 0.5 * lambda * r;
  };

  linear(beta, eta);
  let f = objective(beta, eta);
  let converged = false;
  let iter = 0;
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  const r = new Float64Array(n);
  const s = new Float64Array(n);
  const trial = new Float64Array(d);
  const eTrial = new Float64Array(n);
  for (; iter < maxIter; iter++) {
    for (let i = 0; i < n; i++) {
      const pr = 1 / (1 + Math.exp(-eta[i]!));
      r[i] = w[i]! * (pr - (y[i] ? 1 : 0));
      s[i] = w[i]! * pr * (1 - pr);
    }
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < n; i++) {
      grad[0] += r[i]!;
      hess[0] += s[i]!;
    }
    for (let a = 0; a < p; a++) {
      const za = Z[a]!;
      let ga = 0;
      let h0 = 0;
      for (let i = 0; i < n; i++) {
        ga += r[i]! * za[i]!;
        h0 += s[i]! * za[i]!;
      }
      grad[a + 1] = ga + lambda * beta[a + 1]!;
      hess[a + 1] = h0;
      hess[(a + 1) * d] = h0;
      for (let b = 0; b <= a; b++) {
        const zb = Z[b]!;
        let hab = 0;
        for (let i = 0; i < n; i++) hab += s[i]! * za[i]! * zb[i]!;
        if (a === b) hab += lambda;
        hess[(a + 1) * d + (b + 1)] = hab;
        hess[(b + 1) * d + (a + 1)] = hab;
      }
    }
    let gmax = 0;
    for (let j = 0; j < d; j++) gmax = Math.max(gmax, Math.abs(grad[j]!));
    if (gmax <= tol * Math.max(sw, 1)) {
      converged = true;
      break;
    }
    const step = solveSpd(hess, grad, d); // Newton direction is −step
    let slope = 0;
    for (let j = 0; j < d; j++) slope -= grad[j]! * step[j]!;
    let t = 1;
    let accepted = false;
    for (let ls = 0; ls < 50; ls++) {
      for (let j = 0; j < d; j++) trial[j] = beta[j]! - t * step[j]!;
      linear(trial, eTrial);
      const fNew = objective(trial, eTrial);
      if (fNew <= f + 1e-4 * t * slope) {
        accepted = fNew < f;
        beta.set(trial);
        eta.set(eTrial);
        f = fNew;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      // no further decrease is representable: we are at the optimum to machine precision
      converged = true;
      iter++;
      break;
    }
  }
  const model: ChurnModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    kind: "logistic",
    featureNames: featureNames.slice(),
    preprocessing: {missing: "mean-impute", means, sds},
    baseScore: 0,
    link: "logit",
    coefficients: Array.from(beta.subarray(1)),
    intercept: beta[0]!,
    params: {lambda, maxIter, tol, classWeights: params.classWeights ?? null}
  };
  return {model, iterations: iter, converged, objective: f};
}
