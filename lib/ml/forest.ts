// Random forest on the shared histogram tree learner.
// Criterion: each tree fits g = −w·c·y, h = w·c (w = sample × class weight, c = bootstrap multiplicity) with λ = 0,
// so a leaf's value −G/H is the weighted fraction of positives among its bootstrap samples, and the split gain is
// the weighted squared-error reduction, which for 0/1 labels is the weighted Gini-impurity reduction (Gini = 2·var).
// The recorded cover is the weighted bootstrap sample count. Predictions average the trees' leaf probabilities
// (not vote fractions). Deterministic for a given seed.

import {Rng} from "../random.js";
import {applyBins, fitBins} from "./bins.js";
import {combinedWeights, type ClassWeights, type TrainData} from "./gbdt.js";
import {MODEL_FORMAT, MODEL_VERSION, toModelTree, type ChurnModel} from "./model.js";
import {growTree, treeWorkspace} from "./tree.js";

export interface ForestParams {
  nTrees?: number;
  /** Default 16. */
  maxDepth?: number;
  /** 0 = unlimited (default). */
  maxLeaves?: number;
  /** Minimum (bootstrap) samples per leaf; default 5. */
  minSamplesLeaf?: number;
  /** Features examined per split: "sqrt" (default), "all", a fraction in (0, 1) or a count ≥ 1. */
  maxFeatures?: "sqrt" | "all" | number;
  /** Bootstrap rows (with replacement); default true. Without it every tree sees all rows. */
  bootstrap?: boolean;
  /** Bootstrap sample size as a fraction of the rows; default 1. */
  sampleFraction?: number;
  minSplitGain?: number;
  maxBins?: number;
  binSampleSize?: number;
  classWeights?: ClassWeights;
  seed?: number;
}

export function featuresPerSplit(p: number, maxFeatures: ForestParams["maxFeatures"]): number {
  if (maxFeatures === undefined || maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(p)));
  if (maxFeatures === "all") return p;
  if (maxFeatures < 1) return Math.max(1, Math.round(maxFeatures * p));
  return Math.min(p, Math.floor(maxFeatures));
}

export function trainForest(
  train: TrainData,
  params: ForestParams = {},
  opts: {featureNames?: string[]} = {}
): {model: ChurnModel} {
  const seed = params.seed ?? 0;
  const rng = new Rng(seed);
  const nTrees = params.nTrees ?? 100;
  const p = train.table.columns.length;
  const featureNames = opts.featureNames ?? Array.from({length: p}, (_, i) => `f${i}`);
  if (featureNames.length !== p) throw new Error("featureNames length does not match the table");
  const mapper = fitBins(train.table, {maxBins: params.maxBins, sampleSize: params.binSampleSize, seed});
  const data = applyBins(train.table, mapper);
  const n = data.nRows;
  const y = train.labels;
  const w = combinedWeights(y, train.weights, params.classWeights);
  const k = featuresPerSplit(p, params.maxFeatures);
  const bootstrap = params.bootstrap ?? true;
  const m = Math.max(1, Math.round((params.sampleFraction ?? 1) * n));
  const treeParams = {
    maxDepth: params.maxDepth ?? 16,
    maxLeaves: params.maxLeaves ?? 0,
    growth: "depthwise" as const,
    minChildWeight: 0,
    minSamplesLeaf: params.minSamplesLeaf ?? 5,
    lambda: 0,
    minSplitGain: params.minSplitGain ?? 0,
    featuresPerSplit: k
  };
  const counts = new Float64Array(n);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const rows = new Uint32Array(n);
  const workspace = treeWorkspace(n);
  const trees = [];
  for (let t = 0; t < nTrees; t++) {
    const tr = rng.fork(t);
    if (bootstrap) {
      counts.fill(0);
      for (let j = 0; j < m; j++) counts[Math.floor(tr.next() * n)]++;
    } else counts.fill(1);
    let nr = 0;
    for (let i = 0; i < n; i++) {
      const c = counts[i]! * w[i]!;
      h[i] = c;
      g[i] = y[i] ? -c : 0;
      if (c > 0) rows[nr++] = i;
    }
    const tree = growTree({data, g, h, counts, rows: rows.subarray(0, nr), params: treeParams, rng: tr, workspace});
    trees.push(toModelTree(tree));
  }
  const model: ChurnModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    kind: "forest",
    featureNames: featureNames.slice(),
    preprocessing: {missing: "default-direction"},
    baseScore: 0,
    link: "identity-probability",
    trees,
    params: {
      nTrees,
      ...treeParams,
      maxFeatures: params.maxFeatures ?? "sqrt",
      bootstrap,
      sampleFraction: params.sampleFraction ?? 1,
      maxBins: params.maxBins ?? 255,
      classWeights: params.classWeights ?? null,
      seed
    }
  };
  return {model};
}
