// The learned models on the encoded training snapshot. Classes are very unbalanced (≈1% come back). The forest
// and the logistic regression train with balanced class weights (each class weighs half); for the GBDT,
// balanced or no class weights is part of the searched grid. Balanced models are corrected back to the real
// base rate: with class weights c₁, c₀ the weighted log loss is minimised by logit(p) + ln(c₁/c₀), so
// ln(c₁/c₀) is subtracted from the GBDT's base score and from the logistic intercept; the forest's weighted
// leaf fractions q are mapped back by p = (q/c₁) / (q/c₁ + (1 − q)/c₀).
// GBDT hyper-parameters are chosen by stratified 3-fold cross-validation (mean fold ROC-AUC) on a subsample of
// the training snapshot: every returner and CV_NEGATIVES churners, the churners weighted up by the inverse of
// their sampling rate so that the sample stands for the whole snapshot. Each fold fit stops early on its
// held-out fold (log loss, patience 20 rounds).
import {sampleRows, type ColumnTable} from "../../lib/ml/bins.js";
import {trainForest} from "../../lib/ml/forest.js";
import {combinedWeights, takeRows, trainGbdt, type GbdtParams} from "../../lib/ml/gbdt.js";
import {trainLogistic} from "../../lib/ml/logistic.js";
import {logLoss, rocAuc} from "../../lib/ml/metrics.js";
import type {ChurnModel} from "../../lib/ml/model.js";
import {predictProbabilityBatch} from "../../lib/ml/score.js";
import {Rng} from "../../lib/random.js";

export type GridPoint = Pick<GbdtParams, "maxDepth" | "learningRate"> & {classWeights: "balanced" | "none"};

export const GRID: readonly GridPoint[] = [3, 5].flatMap((maxDepth) =>
  [0.05, 0.1].flatMap((learningRate) => (["balanced", "none"] as const).map((classWeights) => ({maxDepth, learningRate, classWeights})))
);

/** Churners kept in the cross-validation subsample (all returners are kept). */
export const CV_NEGATIVES = 6000;

/** Settings shared by every GBDT fit (not searched). */
export const GBDT_FIXED: GbdtParams = {
  nRounds: 300,
  earlyStoppingRounds: 20,
  subsample: 0.8,
  colsampleByTree: 0.5,
  minChildWeight: 5,
  minSamplesLeaf: 20,
  lambda: 1,
  seed: 42
};

/** lib/ml's parameters for a grid point. */
export function gbdtParams(point: GridPoint): GbdtParams {
  const {classWeights, ...rest} = point;
  return {...GBDT_FIXED, ...rest, classWeights: classWeights === "balanced" ? "balanced" : undefined};
}

export const FOREST_PARAMS = {nTrees: 40, maxDepth: 8, minSamplesLeaf: 50, classWeights: "balanced" as const, seed: 42};
export const LOGISTIC_PARAMS = {lambda: 1, tol: 1e-6, classWeights: "balanced" as const};
export const CV_FOLDS = 3;

const seconds = (started: number) => Number(((performance.now() - started) / 1000).toFixed(2));

/** ln(c₁/c₀) of balanced class weights: the shift of the log-odds that balancing introduces. */
export function balancedLogOddsShift(labels: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const w = combinedWeights(labels, weights, "balanced");
  if (weights) for (let i = 0; i < w.length; i++) w[i] = w[i]! / weights[i]!;
  let c1 = NaN;
  let c0 = NaN;
  for (let i = 0; i < labels.length && (c1 !== c1 || c0 !== c0); i++) labels[i] ? (c1 = w[i]!) : (c0 = w[i]!);
  return c1 === c1 && c0 === c0 ? Math.log(c1 / c0) : 0;
}

/** Stratified folds: each class shuffled (seeded) and dealt round-robin. fold[i] ∈ 0..k−1. */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Uint8Array {
  const fold = new Uint8Array(labels.length);
  const rng = new Rng(seed);
  for (const cls of [0, 1]) {
    const idx = Array.from({length: labels.length}, (_, i) => i).filter((i) => labels[i] === cls);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((row, r) => (fold[row] = r % k));
  }
  return fold;
}

const pick = <T extends ArrayLike<number>>(a: T, rows: number[]) => Float64Array.from(rows, (i) => a[i]!);

export interface CvResult {
  params: GridPoint;
  /** Mean over folds. */
  roc_auc: number;
  log_loss: number;
  /** Trees kept by early stopping, per fold. */
  trees: number[];
  seconds: number;
}

export interface Trained {
  model: ChurnModel;
  seconds: number;
}

function correctGbdt(model: ChurnModel, shift: number): ChurnModel {
  model.baseScore -= shift;
  model.params = {...model.params, logOddsCorrection: -shift};
  return model;
}

/** The CV subsample: every returner (label 0), up to `negatives` churners (seeded), and sample weights. */
export function cvSample(labels: ArrayLike<number>, negatives: number, seed: number): {rows: number[]; weights: Float64Array} {
  const churners = Array.from({length: labels.length}, (_, i) => i).filter((i) => labels[i] === 1);
  const keep = new Set(churners.length > negatives ? Array.from(sampleRows(churners.length, negatives, new Rng(seed)), (r) => churners[r]!) : churners);
  const rows = Array.from({length: labels.length}, (_, i) => i).filter((i) => labels[i] === 0 || keep.has(i));
  const churnWeight = churners.length / Math.max(1, keep.size);
  return {rows, weights: Float64Array.from(rows, (i) => (labels[i] === 1 ? churnWeight : 1))};
}

export function crossValidateGbdt(fullTable: ColumnTable, fullLabels: ArrayLike<number>, featureNames: string[]): CvResult[] {
  const sample = cvSample(fullLabels, CV_NEGATIVES, 5);
  const table = takeRows(fullTable, sample.rows);
  const labels = pick(fullLabels, sample.rows);
  const folds = stratifiedFolds(labels, CV_FOLDS, 7);
  return GRID.map((params) => {
    const started = performance.now();
    const aucs: number[] = [];
    const losses: number[] = [];
    const trees: number[] = [];
    for (let k = 0; k < CV_FOLDS; k++) {
      const fit = [...folds.keys()].filter((i) => folds[i] !== k);
      const held = [...folds.keys()].filter((i) => folds[i] === k);
      const y = pick(labels, fit);
      const w = pick(sample.weights, fit);
      const yHeld = pick(labels, held);
      const wHeld = pick(sample.weights, held);
      const heldTable = takeRows(table, held);
      const {model} = trainGbdt({table: takeRows(table, fit), labels: y, weights: w}, gbdtParams(params), {
        featureNames,
        validation: {table: heldTable, labels: yHeld, weights: wHeld}
      });
      if (params.classWeights === "balanced") correctGbdt(model, balancedLogOddsShift(y, w));
      const p = predictProbabilityBatch(model, heldTable);
      aucs.push(rocAuc(yHeld, p, wHeld));
      losses.push(logLoss(yHeld, p, wHeld));
      trees.push(model.trees!.length);
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    return {params, roc_auc: Number(mean(aucs).toFixed(5)), log_loss: Number(mean(losses).toFixed(5)), trees, seconds: seconds(started)};
  });
}

/** The final GBDT on the whole training snapshot, with the chosen parameters and the folds' mean tree count. */
export function trainFinalGbdt(table: ColumnTable, labels: ArrayLike<number>, featureNames: string[], cv: CvResult[]): Trained & {chosen: CvResult; nRounds: number} {
  const chosen = cv.reduce((best, c) => (c.roc_auc > best.roc_auc ? c : best));
  const nRounds = Math.max(1, Math.round(chosen.trees.reduce((s, t) => s + t, 0) / chosen.trees.length));
  const started = performance.now();
  const {model} = trainGbdt({table, labels}, {...gbdtParams(chosen.params), nRounds, earlyStoppingRounds: 0}, {featureNames});
  if (chosen.params.classWeights === "balanced") correctGbdt(model, balancedLogOddsShift(labels));
  return {model, seconds: seconds(started), chosen, nRounds};
}

export function trainForestModel(table: ColumnTable, labels: ArrayLike<number>, featureNames: string[]): Trained & {predict: (t: ColumnTable) => Float64Array} {
  const started = performance.now();
  const {model} = trainForest({table, labels}, FOREST_PARAMS, {featureNames});
  const elapsed = seconds(started);
  const w = combinedWeights(labels, undefined, "balanced");
  const c1 = w[Array.prototype.findIndex.call(labels, (y: number) => y === 1)] ?? 1;
  const c0 = w[Array.prototype.findIndex.call(labels, (y: number) => y === 0)] ?? 1;
  const predict = (t: ColumnTable) => predictProbabilityBatch(model, t).map((q) => q / c1 / (q / c1 + (1 - q) / c0));
  return {model, seconds: elapsed, predict};
}

export function trainLogisticModel(table: ColumnTable, labels: ArrayLike<number>, featureNames: string[]): Trained {
  const started = performance.now();
  const {model} = trainLogistic({table, labels}, LOGISTIC_PARAMS, {featureNames});
  const shift = balancedLogOddsShift(labels);
  model.intercept = (model.intercept ?? 0) - shift;
  model.params = {...model.params, logOddsCorrection: -shift};
  return {model, seconds: seconds(started)};
}
