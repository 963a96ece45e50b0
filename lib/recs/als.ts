// Implicit-feedback alternating least squares (Hu, Koren & Volinsky 2008) on a person × item count matrix.
// Preference p_ui = 1 if person u bought item i, else 0; confidence c_ui = 1 + α·r_ui (r = orders holding i).
// Minimises Σ_ui c_ui (p_ui − x_u·y_i)² + λ(Σ|x_u|² + Σ|y_i|²) by solving exactly for every x_u with the y's
// fixed, then for every y_i with the x's fixed; each half-step can only lower the loss.
//   x_u = (YᵀY + Yᵀ(C_u − I)Y + λI)⁻¹ · Yᵀ C_u p_u        (only u's bought items enter the correction)
// The score x_u·y_i splits exactly into one term per bought item j: c_uj · y_iᵀ A_u⁻¹ y_j (A_u the matrix
// above), which says which past purchase a recommendation comes from.
import {solveSpd} from "../ml/logistic.js";
import {rng} from "../random.js";

/** One person's row: the items they bought and how many orders held each. */
export interface SparseRow {
  items: number[];
  counts: number[];
}

export interface AlsParams {
  factors: number;
  /** λ */
  regularization: number;
  /** α: extra confidence per order. */
  alpha: number;
  iterations: number;
  seed: number | string;
}

export interface AlsModel {
  params: AlsParams;
  nItems: number;
  /** Person factors x_u, one Float64Array of length `factors` per row. */
  users: Float64Array[];
  /** Item factors y_i. */
  items: Float64Array[];
  /** The loss after each iteration (both half-steps). */
  loss: number[];
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let f = 0; f < a.length; f++) s += a[f]! * b[f]!;
  return s;
};

/** FᵀF over all factor vectors (k×k, row-major). */
function gram(factors: readonly Float64Array[], k: number): Float64Array {
  const g = new Float64Array(k * k);
  for (const v of factors) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) g[a * k + b]! += v[a]! * v[b]!;
  return g;
}

/** A = G + Σ_j (c_j − 1) v_j v_jᵀ + λI for the entries (j, count) of one row. */
function systemMatrix(
  G: Float64Array,
  others: readonly Float64Array[],
  row: SparseRow,
  params: AlsParams
): Float64Array {
  const k = params.factors;
  const A = Float64Array.from(G);
  row.items.forEach((j, t) => {
    const extra = params.alpha * row.counts[t]!;
    const v = others[j]!;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) A[a * k + b]! += extra * v[a]! * v[b]!;
  });
  for (let a = 0; a < k; a++) A[a * k + a]! += params.regularization;
  return A;
}

/** b = Σ_j c_j v_j over the row's entries (p = 1 on them, 0 elsewhere). */
function rightHandSide(others: readonly Float64Array[], row: SparseRow, params: AlsParams): Float64Array {
  const b = new Float64Array(params.factors);
  row.items.forEach((j, t) => {
    const c = 1 + params.alpha * row.counts[t]!;
    const v = others[j]!;
    for (let a = 0; a < params.factors; a++) b[a]! += c * v[a]!;
  });
  return b;
}

/** The exact least-squares factor of one row given the other side's factors and their Gram matrix. */
export function solveRow(
  G: Float64Array,
  others: readonly Float64Array[],
  row: SparseRow,
  params: AlsParams
): Float64Array {
  return solveSpd(systemMatrix(G, others, row, params), rightHandSide(others, row, params), params.factors);
}

/** The transposed rows: for each item, the people who bought it and their counts. */
export function transpose(rows: readonly SparseRow[], nItems: number): SparseRow[] {
  const cols: SparseRow[] = Array.from({length: nItems}, () => ({items: [], counts: []}));
  rows.forEach((row, u) =>
    row.items.forEach((i, t) => {
      cols[i]!.items.push(u);
      cols[i]!.counts.push(row.counts[t]!);
    })
  );
  return cols;
}

/** The objective: Σ over every (person, item) cell of c·(p − x·y)², plus λ times the squared factor norms. */
export function alsLoss(
  rows: readonly SparseRow[],
  users: readonly Float64Array[],
  items: readonly Float64Array[],
  params: AlsParams
): number {
  let loss = 0;
  rows.forEach((row, u) => {
    const counts = new Map(row.items.map((i, t) => [i, row.counts[t]!]));
    items.forEach((y, i) => {
      const r = counts.get(i) ?? 0;
      const c = 1 + params.alpha * r;
      loss += c * ((r > 0 ? 1 : 0) - dot(users[u]!, y)) ** 2;
    });
  });
  for (const v of [...users, ...items]) loss += params.regularization * dot(v, v);
  return loss;
}

export function fitImplicitAls(rows: readonly SparseRow[], nItems: number, params: AlsParams): AlsModel {
  const k = params.factors;
  for (const [u, row] of rows.entries()) {
    for (const [t, i] of row.items.entries()) {
      if (!(i >= 0 && i < nItems)) throw new Error(`ALS: row ${u} has item ${i} outside 0…${nItems - 1}`);
      if (!(row.counts[t]! > 0))
        throw new Error(`ALS: row ${u}, item ${i}: counts must be positive (got ${row.counts[t]})`);
    }
  }
  const random = rng(params.seed);
  const init = () => Float64Array.from({length: k}, () => random.normal(0, 0.1));
  let users: Float64Array[] = rows.map(init);
  let items: Float64Array[] = Array.from({length: nItems}, init);
  const cols = transpose(rows, nItems);
  const loss: number[] = [];
  for (let it = 0; it < params.iterations; it++) {
    const Gy = gram(items, k);
    users = rows.map((row) => solveRow(Gy, items, row, params));
    const Gx = gram(users, k);
    items = cols.map((col) => solveRow(Gx, users, col, params));
    loss.push(alsLoss(rows, users, items, params));
  }
  return {params, nItems, users, items, loss};
}

/** YᵀY of the fitted item factors: compute once, pass to foldIn for every person. */
export function itemGram(model: AlsModel): Float64Array {
  return gram(model.items, model.params.factors);
}

export interface PersonScores {
  /** The person's exact factor x_u given the item factors. */
  user: Float64Array;
  /** x_u·y_i for every item. */
  scores: Float64Array;
  /** The score of `item` split into one term per bought item j, c_uj · y_iᵀ A_u⁻¹ y_j; the terms sum to the score. */
  explain(item: number): {item: number; contribution: number}[];
}

/** A person's row scored against a fitted model: their factor solved exactly from the item factors. */
export function foldIn(model: AlsModel, row: SparseRow, G: Float64Array = itemGram(model)): PersonScores {
  const k = model.params.factors;
  const A = systemMatrix(G, model.items, row, model.params);
  const user = solveSpd(A, rightHandSide(model.items, row, model.params), k);
  return {
    user,
    scores: Float64Array.from(model.items, (y) => dot(user, y)),
    explain: (item) => {
      const z = solveSpd(A, model.items[item]!, k);
      return row.items.map((j, t) => ({
        item: j,
        contribution: (1 + model.params.alpha * row.counts[t]!) * dot(z, model.items[j]!)
      }));
    }
  };
}
