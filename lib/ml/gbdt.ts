// Gradient-boosted trees for binary log loss on the shared histogram tree learner.
// g = w (p − y), h = w max(p(1 − p), 1e-16) with p = sigmoid(margin); the recorded cover is the hessian sum.
// Weights w = sample weight × class weight. Deterministic for a given seed.

import { Rng } from "../random.js";
import { applyBins, fitBins, type BinnedData, type ColumnTable } from "./bins.js";
import { LEAF_DIGITS, MODEL_FORMAT, MODEL_VERSION, roundSig, toModelTree, type ChurnModel } from "./model.js";
import { growTree, leafOfBinnedRow, type Tree, type TreeParams } from "./tree.js";
import { sigmoid } from "./score.js";

export interface TrainData {
  /** Column-major features (see bins.ts), columns in featureNames order. */
  table: ColumnTable;
  /** 0/1 labels. */
  labels: ArrayLike<number>;
  /** Optional non-negative sample weights (default 1). */
  weights?: ArrayLike<number>;
}

export type ClassWeights = "balanced" | { negative: number; positive: number };

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
  /** Stop when the validation log loss has not improved for this many rounds (0 = off); keeps the best iteration. */
  earlyStoppingRounds?: number;
  /** If no validation set is given: hold out this fraction of the training rows (seeded) for early stopping. */
  validationFraction?: number;
  classWeights?: ClassWeights;
  seed?: number;
}

export interface GbdtResult {
  model: ChurnModel;
  /** Weighted log loss per round (train: on the training rows; valid: on the validation rows, if any). */
  history: { train: number[]; valid: number[] };
  /** 0-based index of the last kept round (model.trees.length − 1). */
  bestIteration: number;
  /** Training-row margins of the final (truncated) model, for diagnostics. */
  trainMargins: Float64Array;
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
    }),
  };
}

function takeArray(a: ArrayLike<number> | undefined, rows: ArrayLike<number>): Float64Array | undefined {
  if (!a) return undefined;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = a[rows[i]!]!;
  return out;
}

/** Split rows into train/validation (seeded); returns the validation rows' indices and the rest. */
export function splitRows(n: number, fraction: number, rng: Rng): { train: Uint32Array; valid: Uint32Array } {
  const idx = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  const k = Math.round(n * fraction);
  return { valid: idx.slice(0, k).sort(), train: idx.slice(k).sort() };
}

/** Combined per-row weights: sample weight × class weight. */
export function combinedWeights(labels: ArrayLike<number>, weights: ArrayLike<number> | undefined, cw: ClassWeights | undefined): Float64Array {
  const n = labels.length;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = weights ? weights[i]! : 1;
  if (!cw) return w;
  let wp = 0;
  let wn = 0;
  for (let i = 0; i < n; i++) (labels[i] ? (wp += w[i]!) : (wn += w[i]!));
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
  const all = Int32Array.from({ length: p }, (_, i) => i);
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

function addTree(tree: Tree, data: BinnedData, margins: Float64Array): void {
  for (let i = 0; i < data.nRows; i++) margins[i] += tree.value[leafOfBinnedRow(tree, data, i)]!;
}

export function trainGbdt(train: TrainData, params: GbdtParams = {}, opts: { featureNames?: string[]; validation?: TrainData } = {}): GbdtResult {
  const seed = params.seed ?? 0;
  const rng = new Rng(seed);
  const nRounds = params.nRounds ?? 100;
  const lr = params.learningRate ?? 0.1;
  const subsample = params.subsample ?? 1;
  const colsampleByTree = params.colsampleByTree ?? 1;
  const colsampleByNode = params.colsampleByNode ?? 1;
  const patience = params.earlyStoppingRounds ?? 0;
  const p = train.table.columns.length;
  const featureNames = opts.featureNames ?? Array.from({ length: p }, (_, i) => `f${i}`);
  if (featureNames.length !== p) throw new Error("featureNames length does not match the table");

  let trainSet = train;
  let validSet = opts.validation;
  if (!validSet && params.validationFraction && params.validationFraction > 0) {
    const s = splitRows(train.table.nRows, params.validationFraction, rng.fork("validation"));
    trainSet = { table: takeRows(train.table, s.train), labels: takeArray(train.labels, s.train)!, weights: takeArray(train.weights, s.train) };
    validSet = { table: takeRows(train.table, s.valid), labels: takeArray(train.labels, s.valid)!, weights: takeArray(train.weights, s.valid) };
  }

  const mapper = fitBins(trainSet.table, { maxBins: params.maxBins, sampleSize: params.binSampleSize, seed });
  const data = applyBins(trainSet.table, mapper);
  const n = data.nRows;
  const y = trainSet.labels;
  const w = combinedWeights(y, trainSet.weights, params.classWeights);
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i]!;
    swy += w[i]! * (y[i] ? 1 : 0);
  }
  const pos = Math.min(Math.max(swy / sw, 1e-12), 1 - 1e-12);
  const baseScore = Math.log(pos / (1 - pos));

  const vData = validSet ? applyBins(validSet.table, mapper) : null;
  const vy = validSet?.labels;
  const vw = validSet ? combinedWeights(validSet.labels, validSet.weights, params.classWeights) : null;
  const vMargin = vData ? new Float64Array(vData.nRows).fill(baseScore) : null;

  const margin = new Float64Array(n).fill(baseScore);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const rowRng = rng.fork("rows");
  const colRng = rng.fork("columns");
  const splitRng = rng.fork("splits");
  const trees: Tree[] = [];
  const history = { train: [] as number[], valid: [] as number[] };
  let best = Infinity;
  let bestIteration = -1;
  const rowBuf = new Uint32Array(n);

  for (let round = 0; round < nRounds; round++) {
    for (let i = 0; i < n; i++) {
      const pr = sigmoid(margin[i]!);
      g[i] = w[i]! * (pr - (y[i] ? 1 : 0));
      h[i] = w[i]! * Math.max(pr * (1 - pr), 1e-16);
    }
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (w[i]! <= 0) continue;
      if (subsample < 1 && !(rowRng.next() < subsample)) continue;
      rowBuf[k++] = i;
    }
    const features = sampleFeatures(p, colsampleByTree, colRng);
    const featuresPerSplit = colsampleByNode < 1 ? Math.max(1, Math.round(colsampleByNode * features.length)) : 0;
    const tree = growTree({ data, g, h, rows: rowBuf.subarray(0, k), features, params: { ...params, featuresPerSplit }, rng: splitRng });
    for (let j = 0; j < tree.value.length; j++) if (tree.left[j]! < 0) tree.value[j] = roundSig(lr * tree.value[j]!, LEAF_DIGITS);
    trees.push(tree);
    addTree(tree, data, margin);
    history.train.push(weightedLogLoss(y, margin, w));
    if (vData && vMargin && vy && vw) {
      addTree(tree, vData, vMargin);
      const l = weightedLogLoss(vy, vMargin, vw);
      history.valid.push(l);
      if (l < best) {
        best = l;
        bestIteration = round;
      } else if (patience > 0 && round - bestIteration >= patience) break;
    } else bestIteration = round;
  }

  const kept = patience > 0 && vData ? trees.slice(0, bestIteration + 1) : trees;
  if (kept.length !== trees.length) {
    margin.fill(baseScore);
    for (const t of kept) addTree(t, data, margin);
  }
  const resolved = {
    nRounds, learningRate: lr, maxDepth: params.maxDepth ?? 6, maxLeaves: params.maxLeaves ?? 0, growth: params.growth ?? "depthwise",
    minChildWeight: params.minChildWeight ?? 1, minSamplesLeaf: params.minSamplesLeaf ?? 1, lambda: params.lambda ?? 1,
    minSplitGain: params.minSplitGain ?? 0, subsample, colsampleByTree, colsampleByNode, maxBins: params.maxBins ?? 255,
    earlyStoppingRounds: patience, validationFraction: params.validationFraction ?? 0, classWeights: params.classWeights ?? null, seed,
  };
  const model: ChurnModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    kind: "gbdt",
    featureNames: featureNames.slice(),
    preprocessing: { missing: "default-direction" },
    baseScore,
    link: "logit",
    trees: kept.map(toModelTree),
    metrics: {
      bestIteration: kept.length - 1,
      trainLogLoss: history.train[kept.length - 1],
      ...(history.valid.length ? { validLogLoss: history.valid[kept.length - 1] } : {}),
    },
    params: resolved,
  };
  return { model, history, bestIteration: kept.length - 1, trainMargins: margin };
}
