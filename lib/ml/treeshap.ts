// Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2), a port of shap's tree_shap.h
// (tree_shap_recursive with extend_path, unwind_path, unwound_path_sum), using the covers recorded at training.
// GBDT: values in margin (log-odds) space, baseValue = baseScore + Σ tree expectations.
// Forest: values in probability space, averaged over trees.
// Logistic regression: the exact linear SHAP under feature independence, coef · (z − 0) on the standardised
// scale (mean-imputed missing values get 0).
// Local accuracy: baseValue + Σ values = predictMargin(model, row) (up to float rounding).
//
// The tree expectation is the cover-weighted recursion E(n) = c_L/c_n E(L) + c_R/c_n E(R), i.e. exactly the
// "empty coalition" value of the algorithm's zero fractions, so local accuracy holds even with rounded covers.

import type {ChurnModel, ModelTree} from "./model.js";
import type {Row} from "./score.js";
import type {ColumnTable} from "./bins.js";

export interface Explanation {
  baseValue: number;
  values: Float64Array;
}

/** Path of (feature, zero fraction, one fraction, permutation weight) elements, stored flat. */
class Path {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  pw: Float64Array;
  constructor(size: number) {
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.pw = new Float64Array(size);
  }
}

function extendPath(
  p: Path,
  o: number,
  depth: number,
  zeroFraction: number,
  oneFraction: number,
  featureIndex: number
): void {
  p.feature[o + depth] = featureIndex;
  p.zero[o + depth] = zeroFraction;
  p.one[o + depth] = oneFraction;
  p.pw[o + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.pw[o + i + 1] += (oneFraction * p.pw[o + i]! * (i + 1)) / (depth + 1);
    p.pw[o + i] = (zeroFraction * p.pw[o + i]! * (depth - i)) / (depth + 1);
  }
}

function unwindPath(p: Path, o: number, depth: number, pathIndex: number): void {
  const oneFraction = p.one[o + pathIndex]!;
  const zeroFraction = p.zero[o + pathIndex]!;
  let nextOnePortion = p.pw[o + depth]!;
  for (let i = depth - 1; i >= 0; i--) {
    if (oneFraction !== 0) {
      const tmp = p.pw[o + i]!;
      p.pw[o + i] = (nextOnePortion * (depth + 1)) / ((i + 1) * oneFraction);
      nextOnePortion = tmp - (p.pw[o + i]! * zeroFraction * (depth - i)) / (depth + 1);
    } else {
      p.pw[o + i] = (p.pw[o + i]! * (depth + 1)) / (zeroFraction * (depth - i));
    }
  }
  for (let i = pathIndex; i < depth; i++) {
    p.feature[o + i] = p.feature[o + i + 1]!;
    p.zero[o + i] = p.zero[o + i + 1]!;
    p.one[o + i] = p.one[o + i + 1]!;
  }
}

function unwoundPathSum(p: Path, o: number, depth: number, pathIndex: number): number {
  const oneFraction = p.one[o + pathIndex]!;
  const zeroFraction = p.zero[o + pathIndex]!;
  let nextOnePortion = p.pw[o + depth]!;
  let total = 0;
  if (oneFraction !== 0) {
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = nextOnePortion / ((i + 1) * oneFraction);
      total += tmp;
      nextOnePortion = p.pw[o + i]! - tmp * zeroFraction * (depth - i);
    }
  } else {
    for (let i = depth - 1; i >= 0; i--) total += p.pw[o + i]! / (zeroFraction * (depth - i));
  }
  return total * (depth + 1);
}

function isMissing(v: number | null | undefined): boolean {
  return v == null || v !== v;
}

function hotChild(t: ModelTree, node: number, row: Row): number {
  const v = row[t.feature[node]!];
  if (isMissing(v)) return t.defaultLeft[node] ? t.left[node]! : t.right[node]!;
  return (v as number) <= t.threshold[node]! ? t.left[node]! : t.right[node]!;
}

/** tree_shap_recursive; `o` is the offset of the parent's path copy in the shared path buffer. */
function recurse(
  t: ModelTree,
  row: Row,
  phi: Float64Array,
  scale: number,
  node: number,
  depth: number,
  p: Path,
  parentOffset: number,
  parentZero: number,
  parentOne: number,
  parentFeature: number
): void {
  // copy the parent's path (elements 0..depth) after it, then extend the copy
  const o = parentOffset + depth + 1;
  for (let i = 0; i <= depth; i++) {
    p.feature[o + i] = p.feature[parentOffset + i]!;
    p.zero[o + i] = p.zero[parentOffset + i]!;
    p.one[o + i] = p.one[parentOffset + i]!;
    p.pw[o + i] = p.pw[parentOffset + i]!;
  }
  extendPath(p, o, depth, parentZero, parentOne, parentFeature);

  if (t.left[node]! < 0) {
    const v = t.value[node]! * scale;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundPathSum(p, o, depth, i);
      phi[p.feature[o + i]!] += w * (p.one[o + i]! - p.zero[o + i]!) * v;
    }
    return;
  }
  const split = t.feature[node]!;
  const hot = hotChild(t, node, row);
  const cold = hot === t.left[node] ? t.right[node]! : t.left[node]!;
  const w = t.cover[node]!;
  const hotZero = t.cover[hot]! / w;
  const coldZero = t.cover[cold]! / w;
  let incomingZero = 1;
  let incomingOne = 1;
  let pathIndex = 0;
  for (; pathIndex <= depth; pathIndex++) if (p.feature[o + pathIndex] === split) break;
  if (pathIndex !== depth + 1) {
    incomingZero = p.zero[o + pathIndex]!;
    incomingOne = p.one[o + pathIndex]!;
    unwindPath(p, o, depth, pathIndex);
    depth -= 1;
  }
  recurse(t, row, phi, scale, hot, depth + 1, p, o, hotZero * incomingZero, incomingOne, split);
  recurse(t, row, phi, scale, cold, depth + 1, p, o, coldZero * incomingZero, 0, split);
}

function treeDepth(t: ModelTree): number {
  let max = 0;
  const stack: number[] = [0, 0];
  while (stack.length) {
    const d = stack.pop()!;
    const n = stack.pop()!;
    if (d > max) max = d;
    if (t.left[n]! >= 0) stack.push(t.left[n]!, d + 1, t.right[n]!, d + 1);
  }
  return max;
}

/** Cover-weighted expectation of a tree's output (the algorithm's empty-coalition value). */
export function treeExpectation(t: ModelTree, node = 0): number {
  if (t.left[node]! < 0) return t.value[node]!;
  const c = t.cover[node]!;
  const l = t.left[node]!;
  const r = t.right[node]!;
  return (t.cover[l]! / c) * treeExpectation(t, l) + (t.cover[r]! / c) * treeExpectation(t, r);
}

/** Add one tree's SHAP values for `row`, multiplied by `scale`, into phi. */
export function treeShap(t: ModelTree, row: Row, phi: Float64Array, scale = 1, path?: Path): void {
  if (t.left[0]! < 0) return;
  const maxd = treeDepth(t) + 2;
  const p = path && path.pw.length >= (maxd * (maxd + 1)) / 2 ? path : new Path((maxd * (maxd + 1)) / 2);
  recurse(t, row, phi, scale, 0, 0, p, 0, 1, 1, -1);
}

/** Precomputed per-model data for repeated explanations. */
export interface Explainer {
  model: ChurnModel;
  baseValue: number;
  path: Path | null;
}

export function makeExplainer(model: ChurnModel): Explainer {
  if (model.kind === "logistic") return {model, baseValue: model.intercept ?? 0, path: null};
  const trees = model.trees!;
  let maxd = 0;
  let base = 0;
  for (const t of trees) {
    maxd = Math.max(maxd, treeDepth(t));
    base += treeExpectation(t);
  }
  if (model.kind === "forest") base = trees.length ? base / trees.length : 0;
  maxd += 2;
  return {model, baseValue: model.baseScore + base, path: new Path((maxd * (maxd + 1)) / 2)};
}

/** SHAP values of one row (margin space for gbdt/logistic, probability space for the forest). */
export function explainRow(modelOrExplainer: ChurnModel | Explainer, row: Row): Explanation {
  const ex =
    "path" in modelOrExplainer && "baseValue" in modelOrExplainer
      ? (modelOrExplainer as Explainer)
      : makeExplainer(modelOrExplainer as ChurnModel);
  const model = ex.model;
  const values = new Float64Array(model.featureNames.length);
  if (model.kind === "logistic") {
    const coef = model.coefficients!;
    const means = model.preprocessing.means!;
    const sds = model.preprocessing.sds!;
    for (let j = 0; j < coef.length; j++) {
      const v = row[j];
      values[j] = isMissing(v) ? 0 : coef[j]! * (((v as number) - means[j]!) / sds[j]!);
    }
    return {baseValue: ex.baseValue, values};
  }
  const trees = model.trees!;
  const scale = model.kind === "forest" ? 1 / trees.length : 1;
  for (const t of trees) treeShap(t, row, values, scale, ex.path!);
  return {baseValue: ex.baseValue, values};
}

/** SHAP values for every row of a column-major table: values[i * nFeatures + j]. */
export function explainBatch(
  model: ChurnModel,
  table: ColumnTable
): {baseValue: number; nFeatures: number; values: Float64Array} {
  const ex = makeExplainer(model);
  const p = model.featureNames.length;
  const out = new Float64Array(table.nRows * p);
  const row = new Float64Array(p);
  for (let i = 0; i < table.nRows; i++) {
    for (let j = 0; j < p; j++) {
      const v = table.columns[j]![i];
      row[j] = v == null ? NaN : v;
    }
    out.set(explainRow(ex, row).values, i * p);
  }
  return {baseValue: ex.baseValue, nFeatures: p, values: out};
}

/** Global importance: mean |SHAP| per feature over the table's rows. */
export function globalImportance(model: ChurnModel, table: ColumnTable): Float64Array {
  const {values, nFeatures} = explainBatch(model, table);
  const imp = new Float64Array(nFeatures);
  for (let i = 0; i < table.nRows; i++)
    for (let j = 0; j < nFeatures; j++) imp[j] += Math.abs(values[i * nFeatures + j]!);
  for (let j = 0; j < nFeatures; j++) imp[j] = table.nRows ? imp[j]! / table.nRows : 0;
  return imp;
}
