// Gradient-boosted trees for binary log loss on the shared histogram tree learner.
// g = w (p − y), h = w max(p(1 − p), 1e-16) with p = sigmoid(margin); the recorded cover is the hessian sum.
// Weights w = sample weight × class weight. Deterministic for a given seed.
// trainGbdt bins a table and boosts; trainGbdtBinned boosts on data binned once and row subsets of it, so that
// cross-validation folds share one binning pass.

import {Rng} from "../random.js";
import {applyBins, fitBins, type BinnedData, type ColumnTable} from "./bins.js";
import {rocAuc} from "./metrics.js";
import {LEAF_DIGITS, MODEL_FORMAT, MODEL_VERSION, roundSig, toModelTree, type ChurnModel} from "./model.js";
import {growTree, leafOfBinnedRow, treeWorkspace, type Tree, type TreeParams} from "./tree.js";
import {sigmoid} from "./score.js";

export interface TrainData {
  /** Column-major features (see bins.ts), columns in featureNames order. */
  table: ColumnTable;
  /** 0/1 labels. */
  labels: ArrayLike<number>;
  /** Optional non-negative sample weights (default 1). */
  weights?: ArrayLike<number>;
}

export type ClassWeights = "balanced" | {negative: number; positive: number};

export interface GbdtParams extends TreeParams {
  nRounds?: number;
  learningRate?: number;
  /** Fraction of rows drawn (Bernoulli, seeded) for each tree; default 1. */
  subsample?: number;
  /** Fraction of features drawn for each tree; default 1. */
  colsampleByTree?: number;
  /** Fraction of the tree's features examined at each split; default 1. */
  colsampleByNode?: number;
  maxBins?: number;
  binSampleSize?: number;
  /** Stop when the validation metric has not improved for this many rounds (0 = off); keeps the best iteration. */
  earlyStoppingRounds?: number;
  /** What early stopping watches on the validation rows: weighted log loss (default) or weighted ROC-AUC. */
  earlyStoppingMetric?: "logloss" | "auc";
  /** If no validation set is given: hold out this fraction of the training rows (seeded) for early stopping. */
  validationFraction?: number;
  classWeights?: ClassWeights;
  seed?: number;
}

export interface GbdtResult {
  model: ChurnModel;
  /** Per round on the validation rows: weighted log loss, and weighted ROC-AUC when early stopping watches it. */
  history: {valid: number[]; validAuc: number[]};
  /** 0-based index of the last kept round (model.trees.length − 1). */
  bestIteration: number;
  /** Training-row margins of the final (truncated) model, in training-row order. */
  trainMargins: Float64Array;
  /** Validation-row margins of the final model, in validation-row order (empty without validation rows). */
  validMargins: Float64Array;
}

/** Binned rows to learn from: rows of `data` (default all), labels and weights indexed like data's rows. */
export interface BinnedTrainData {
  data: BinnedData;
  labels: ArrayLike<number>;
  weights?: ArrayLike<number>;
  rows?: Uint32Array;
}

/** Subset of rows of a table (new Float64Array columns). */
export function takeRows(table: ColumnTable, rows: ArrayLike<number>): ColumnTable {
  return {
    nRows: rows.length,
    columns: table.columns.map((col) => {
      const out = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const v = col[rows[i]!];
        out[i] = v == null ? NaN : v;
      }
      return out;
    })
  };
}

function takeArray(a: ArrayLike<number> | undefined, rows: ArrayLike<number>): Float64Array | undefined {
  if (!a) return undefined;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = a[rows[i]!]!;
  return out;
}

/** Split rows into train/validation (seeded); returns the validation rows' indices and the rest. */
export function splitRows(n: number, fraction: number, rng: Rng): {train: Uint32Array; valid: Uint32Array} {
  const idx = Uint32Array.from({length: n}, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  const k = Math.round(n * fraction);
  return {valid: idx.slice(0, k).sort(), train: idx.slice(k).sort()};
}

/** Combined per-row weights: sample weight × class weight. */
export function combinedWeights(
  labels: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  cw: ClassWeights | undefined
): Float64Array {
  const n = labels.length;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = weights ? weights[i]! : 1;
  if (!cw) return w;
  let wp = 0;
  let wn = 0;
  for (let i = 0; i < n; i++) labels[i] ? (wp += w[i]!) : (wn += w[i]!);
  const cp = cw === "balanced" ? (wp > 0 ? (wp + wn) / (2 * wp) : 1) : cw.positive;
  const cn = cw === "balanced" ? (wn > 0 ? (wp + wn) / (2 * wn) : 1) : cw.negative;
  for (let i = 0; i < n; i++) w[i] = w[i]! * (labels[i] ? cp : cn);
  return w;
}

function weightedLogLoss(y: ArrayLike<number>, margin: Float64Array, w: Float64Array): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < margin.length; i++) {
    const m = margin[i]!;
    // log(1 + e^{-m}) for y = 1, log(1 + e^{m}) for y = 0, computed stably
    const z = y[i] ? -m : m;
    const l = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    s += w[i]! * l;
    sw += w[i]!;
  }
  return sw > 0 ? s / sw : 0;
}

function sampleFeatures(p: number, fraction: number, rng: Rng): Int32Array {
  const all = Int32Array.from({length: p}, (_, i) => i);
  if (fraction >= 1) return all;
  const k = Math.max(1, Math.round(fraction * p));
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (p - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, k).sort();
}

/** margins[k] += the tree's value for row rows[k] of data. */
function addTree(tree: Tree, data: BinnedData, rows: Uint32Array, margins: Float64Array): void {
  for (let k = 0; k < rows.length; k++) margins[k] += tree.value[leafOfBinnedRow(tree, data, rows[k]!)]!;
}

const allRows = (n: number) => Uint32Array.from({length: n}, (_, i) => i);
const gather = (a: ArrayLike<number>, rows: Uint32Array) => Float64Array.from(rows, (r) => a[r]!);

export function trainGbdt(
  train: TrainData,
  params: GbdtParams = {},
  opts: {featureNames?: string[]; validation?: TrainData} = {}
): GbdtResult {
  const seed = params.seed ?? 0;
  let trainSet = train;
  let validSet = opts.validation;
  if (!validSet && params.validationFraction && params.validationFraction > 0) {
    const s = splitRows(train.table.nRows, params.validationFraction, new Rng(seed).fork("validation"));
    trainSet = {
      table: takeRows(train.table, s.train),
      labels: takeArray(train.labels, s.train)!,
      weights: takeArray(train.weights, s.train)
    };
    validSet = {
      table: takeRows(train.table, s.valid),
      labels: takeArray(train.labels, s.valid)!,
      weights: takeArray(train.weights, s.valid)
    };
  }
  const mapper = fitBins(trainSet.table, {maxBins: params.maxBins, sampleSize: params.binSampleSize, seed});
  const binned = (d: TrainData): BinnedTrainData => ({
    data: applyBins(d.table, mapper),
    labels: d.labels,
    weights: d.weights
  });
  return trainGbdtBinned(binned(trainSet), params, {
    featureNames: opts.featureNames,
    validation: validSet && binned(validSet)
  });
}

/**
 * Boosting on binned data. The validation rows may be rows of the same binned data (cross-validation folds) or
 * of other data binned with the same mapper. Bin edges come from `train.data`'s mapper, as fitted by the caller.
 */
export function trainGbdtBinned(
  train: BinnedTrainData,
  params: GbdtParams = {},
  opts: {featureNames?: string[]; validation?: BinnedTrainData} = {}
): GbdtResult {
  const seed = params.seed ?? 0;
  const rng = new Rng(seed);
  const nRounds = params.nRounds ?? 100;
  const lr = params.learningRate ?? 0.1;
  const subsample = params.subsample ?? 1;
  const colsampleByTree = params.colsampleByTree ?? 1;
  const colsampleByNode = params.colsampleByNode ?? 1;
  const patience = params.earlyStoppingRounds ?? 0;
  const metric = params.earlyStoppingMetric ?? "logloss";
  const data = train.data;
  const p = data.nFeatures;
  const featureNames = opts.featureNames ?? Array.from({length: p}, (_, i) => `f${i}`);
  if (featureNames.length !== p) throw new Error("featureNames length does not match the table");

  const rows = train.rows ?? allRows(data.nRows);
  const n = rows.length;
  const y = gather(train.labels, rows);
  const w = combinedWeights(y, train.weights && gather(train.weights, rows), params.classWeights);
  let sw = 0;
  let swy = 0;
  for (let k = 0; k < n; k++) {
    sw += w[k]!;
    swy += w[k]! * (y[k] ? 1 : 0);
  }
  const pos = Math.min(Math.max(swy / sw, 1e-12), 1 - 1e-12);
  const baseScore = Math.log(pos / (1 - pos));

  const valid = opts.validation;
  const vRows = valid ? (valid.rows ?? allRows(valid.data.nRows)) : new Uint32Array(0);
  const vy = valid ? gather(valid.labels, vRows) : new Float64Array(0);
  const vw = combinedWeights(vy, valid?.weights && gather(valid.weights, vRows), params.classWeights);
  const vMargin = new Float64Array(vRows.length).fill(baseScore);
  if (valid && metric === "auc" && (vy.every((v) => v) || vy.every((v) => !v))) {
    throw new Error("early stopping on ROC-AUC: the validation rows hold one class only");
  }

  // margin[k] is training row rows[k]'s; g and h are indexed by data row, as the tree learner reads them
  const margin = new Float64Array(n).fill(baseScore);
  const g = new Float64Array(data.nRows);
  const h = new Float64Array(data.nRows);
  const rowRng = rng.fork("rows");
  const colRng = rng.fork("columns");
  const splitRng = rng.fork("splits");
  const workspace = treeWorkspace(n);
  const trees: Tree[] = [];
  const history = {valid: [] as number[], validAuc: [] as number[]};
  let best = Infinity;
  let bestIteration = -1;
  const rowBuf = new Uint32Array(n);

  for (let round = 0; round < nRounds; round++) {
    let k = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      const pr = sigmoid(margin[i]!);
      g[r] = w[i]! * (pr - (y[i] ? 1 : 0));
      h[r] = w[i]! * Math.max(pr * (1 - pr), 1e-16);
      if (w[i]! <= 0) continue;
      if (subsample < 1 && !(rowRng.next() < subsample)) continue;
      rowBuf[k++] = r;
    }
    const features = sampleFeatures(p, colsampleByTree, colRng);
    const featuresPerSplit = colsampleByNode < 1 ? Math.max(1, Math.round(colsampleByNode * features.length)) : 0;
    const tree = growTree({
      data,
      g,
      h,
      rows: rowBuf.subarray(0, k),
      features,
      params: {...params, featuresPerSplit},
      rng: splitRng,
      workspace
    });
    for (let j = 0; j < tree.value.length; j++)
      if (tree.left[j]! < 0) tree.value[j] = roundSig(lr * tree.value[j]!, LEAF_DIGITS);
    trees.push(tree);
    addTree(tree, data, rows, margin);
    if (valid) {
      addTree(tree, valid.data, vRows, vMargin);
      const l = weightedLogLoss(vy, vMargin, vw);
      history.valid.push(l);
      // the watched metric as a loss: log loss, or 1 − AUC
      let loss = l;
      if (metric === "auc") {
        // class weights are constant within a class and leave the AUC unchanged; only sample weights matter
        const auc = rocAuc(vy, vMargin, valid.weights && vw);
        history.validAuc.push(auc);
        loss = 1 - auc;
      }
      if (loss < best) {
        best = loss;
        bestIteration = round;
      } else if (patience > 0 && round - bestIteration >= patience) break;
    } else bestIteration = round;
  }

  const kept = patience > 0 && valid ? trees.slice(0, bestIteration + 1) : trees;
  if (kept.length !== trees.length) {
    margin.fill(baseScore);
    for (const t of kept) addTree(t, data, rows, margin);
    vMargin.fill(baseScore);
    for (const t of kept) addTree(t, valid!.data, vRows, vMargin);
  }
  const last = kept.length - 1;
  const resolved = {
    nRounds,
    learningRate: lr,
    maxDepth: params.maxDepth ?? 6,
    maxLeaves: params.maxLeaves ?? 0,
    growth: params.growth ?? "depthwise",
    minChildWeight: params.minChildWeight ?? 1,
    minSamplesLeaf: params.minSamplesLeaf ?? 1,
    lambda: params.lambda ?? 1,
    minSplitGain: params.minSplitGain ?? 0,
    subsample,
    colsampleByTree,
    colsampleByNode,
    maxBins: params.maxBins ?? 255,
    earlyStoppingRounds: patience,
    earlyStoppingMetric: metric,
    validationFraction: params.validationFraction ?? 0,
    classWeights: params.classWeights ?? null,
    seed
  };
  const model: ChurnModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    kind: "gbdt",
    featureNames: featureNames.slice(),
    preprocessing: {missing: "default-direction"},
    baseScore,
    link: "logit",
    trees: kept.map(toModelTree),
    metrics: {
      bestIteration: last,
      trainLogLoss: weightedLogLoss(y, margin, w),
      ...(history.valid.length ? {validLogLoss: history.valid[last]} : {}),
      ...(history.validAuc.length ? {validAuc: history.validAuc[last]} : {})
    },
    params: resolved
  };
  return {model, history, bestIteration: last, trainMargins: margin, validMargins: vMargin};
}
