// The one scorer, used by loaders and pages. Works on the plain model object (in memory or JSON-parsed alike).
// Rows are arrays in model.featureNames order; missing = NaN, null or undefined.
// Margins: gbdt → log-odds (baseScore + Σ leaf values); forest → probability (mean of leaf probabilities);
// logistic → log-odds (intercept + Σ coef · standardised x, missing x contributes 0, i.e. mean imputation).

import type {ColumnTable} from "./bins.js";
import type {ChurnModel, ModelTree} from "./model.js";

export type Row = ArrayLike<number | null | undefined>;

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Leaf index reached by a row. */
export function leafIndex(t: ModelTree, row: Row): number {
  let n = 0;
  const left = t.left;
  while (left[n]! >= 0) {
    const v = row[t.feature[n]!];
    if (v == null || v !== v) n = t.defaultLeft[n] ? left[n]! : t.right[n]!;
    else n = v <= t.threshold[n]! ? left[n]! : t.right[n]!;
  }
  return n;
}

function leafIndexColumns(t: ModelTree, cols: ArrayLike<number | null | undefined>[], i: number): number {
  let n = 0;
  const left = t.left;
  while (left[n]! >= 0) {
    const v = cols[t.feature[n]!]![i];
    if (v == null || v !== v) n = t.defaultLeft[n] ? left[n]! : t.right[n]!;
    else n = v <= t.threshold[n]! ? left[n]! : t.right[n]!;
  }
  return n;
}

/** Model output before the link: log-odds (gbdt, logistic) or probability (forest). */
export function predictMargin(model: ChurnModel, row: Row): number {
  if (model.kind === "logistic") {
    const coef = model.coefficients!;
    const means = model.preprocessing.means!;
    const sds = model.preprocessing.sds!;
    let m = model.intercept ?? 0;
    for (let j = 0; j < coef.length; j++) {
      const v = row[j];
      if (v == null || v !== v) continue;
      m += coef[j]! * ((v - means[j]!) / sds[j]!);
    }
    return m;
  }
  const trees = model.trees!;
  if (model.kind === "forest") {
    let s = 0;
    for (const t of trees) s += t.value[leafIndex(t, row)]!;
    return model.baseScore + (trees.length ? s / trees.length : 0);
  }
  let m = model.baseScore;
  for (const t of trees) m += t.value[leafIndex(t, row)]!;
  return m;
}

export function marginToProbability(model: ChurnModel, margin: number): number {
  return model.link === "logit" ? sigmoid(margin) : margin;
}

export function predictProbability(model: ChurnModel, row: Row): number {
  return marginToProbability(model, predictMargin(model, row));
}

/** Margins for every row of a column-major table whose columns follow model.featureNames. */
export function predictMarginBatch(model: ChurnModel, table: ColumnTable): Float64Array {
  const n = table.nRows;
  const cols = table.columns;
  const out = new Float64Array(n);
  if (model.kind === "logistic") {
    const coef = model.coefficients!;
    const means = model.preprocessing.means!;
    const sds = model.preprocessing.sds!;
    out.fill(model.intercept ?? 0);
    for (let j = 0; j < coef.length; j++) {
      const col = cols[j]!;
      const c = coef[j]!,
        mu = means[j]!,
        sd = sds[j]!;
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v == null || v !== v) continue;
        out[i] += c * ((v - mu) / sd);
      }
    }
    return out;
  }
  const trees = model.trees!;
  // same association as predictMargin, so batch and single-row results are bitwise equal
  if (model.kind !== "forest") out.fill(model.baseScore);
  for (const t of trees) for (let i = 0; i < n; i++) out[i] += t.value[leafIndexColumns(t, cols, i)]!;
  if (model.kind === "forest") {
    for (let i = 0; i < n; i++) out[i] = model.baseScore + (trees.length ? out[i]! / trees.length : 0);
  }
  return out;
}

export function predictProbabilityBatch(model: ChurnModel, table: ColumnTable): Float64Array {
  const m = predictMarginBatch(model, table);
  if (model.link === "logit") for (let i = 0; i < m.length; i++) m[i] = sigmoid(m[i]!);
  return m;
}
