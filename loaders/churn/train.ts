// The learned models on the encoded training snapshot. Classes are very unbalanced (≈1% come back). The forest
// and the logistic regression train with balanced class weights (each class weighs half); for the GBDT,
// balanced or no class weights is part of the searched grid. Balanced models are corrected back to the real
// base rate: with class weights c₁, c₀ the weighted log loss is minimised by logit(p) + ln(c₁/c₀), so
// ln(c₁/c₀) is subtracted from the GBDT's base score and from the logistic intercept; the forest's weighted
// leaf fractions q are mapped back by p = (q/c₁) / (q/c₁ + (1 − q)/c₀).
// GBDT hyper-parameters are chosen by stratified 5-fold cross-validation on the whole training snapshot (mean
// fold ROC-AUC over a small grid; fewer folds if fewer than 5 people came back). The snapshot is binned once and
// every fold fit reuses the bins. Each fold fit stops early on its held-out fold when the held-out ROC-AUC has
// not improved for 30 rounds, and keeps its best round; the final model is refitted on the whole snapshot with
// the folds' mean number of trees. Folds stop on ROC-AUC because it is what the grid is judged by.
import {applyBins, fitBins, type ColumnTable} from "../../lib/ml/bins.js";
import {trainForest} from "../../lib/ml/forest.js";
import {combinedWeights, trainGbdt, trainGbdtBinned, type GbdtParams} from "../../lib/ml/gbdt.js";
import {trainLogistic} from "../../lib/ml/logistic.js";
import {logLoss, rocAuc} from "../../lib/ml/metrics.js";
import type {ChurnModel} from "../../lib/ml/model.js";
import {predictProbabilityBatch, sigmoid} from "../../lib/ml/score.js";
import {Rng} from "../../lib/random.js";

export type GridPoint = Pick<GbdtParams, "maxDepth" | "learningRate"> & {classWeights: "balanced" | "none"};

/** Depth 2 or 3, no or balanced class weights, learning rate 0.1. */
export const GRID: readonly GridPoint[] = [2, 3].flatMap((maxDepth) =>
  (["none", "balanced"] as const).map((classWeights) => ({maxDepth, learningRate: 0.1, classWeights}))
);

/** Settings shared by every GBDT fit (not searched). nRounds is the cap for the early-stopped fold fits. */
export const GBDT_FIXED: GbdtParams = {
  nRounds: 400,
  earlyStoppingRounds: 30,
  earlyStoppingMetric: "auc",
  subsample: 0.8,
  colsampleByTree: 0.5,
  minChildWeight: 1,
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
export const CV_FOLDS = 5;

const seconds = (started: number) => Number(((performance.now() - started) / 1000).toFixed(2));

/** ln(c₁/c₀) of balanced class weights: the shift of the log-odds that balancing introduces. */
export function balancedLogOddsShift(labels: ArrayLike<number>): number {
  const w = combinedWeights(labels, undefined, "balanced");
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

const pick = (a: ArrayLike<number>, rows: ArrayLike<number>) =>
  Float64Array.from(rows as ArrayLike<number>, (i) => a[i]!);

export interface CvResult {
  params: GridPoint;
  /** Mean over folds. */
  roc_auc: number;
  log_loss: number;
  /** Trees kept by early stopping, per fold. */
  trees: number[];
  /** Wall time of the folds: the only clock reading, under the one key rebuild comparisons ignore. */
  fit_seconds: number;
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

export function crossValidateGbdt(table: ColumnTable, labels: ArrayLike<number>, featureNames: string[]): CvResult[] {
  const data = applyBins(table, fitBins(table, {seed: GBDT_FIXED.seed}));
  // every held-out fold needs both classes: fewer folds when the rarer class is smaller than CV_FOLDS
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] ? 1 : 0;
  const rarer = Math.min(positives, labels.length - positives);
  const k = Math.min(CV_FOLDS, rarer);
  if (k < 2)
    throw new Error(
      `churn model: ${rarer} people in the rarer class of the training snapshot, too few for cross-validation`
    );
  const folds = stratifiedFolds(labels, k, 7);
  const rowsWhere = (keep: (fold: number) => boolean) =>
    Uint32Array.from([...folds.keys()].filter((i) => keep(folds[i]!)));
  const splits = Array.from({length: k}, (_, fold) => ({
    fit: rowsWhere((f) => f !== fold),
    held: rowsWhere((f) => f === fold)
  }));
  return GRID.map((params) => {
    const started = performance.now();
    const aucs: number[] = [];
    const losses: number[] = [];
    const trees: number[] = [];
    for (const {fit, held} of splits) {
      const result = trainGbdtBinned({data, labels, rows: fit}, gbdtParams(params), {
        featureNames,
        validation: {data, labels, rows: held}
      });
      const shift = params.classWeights === "balanced" ? balancedLogOddsShift(pick(labels, fit)) : 0;
      const yHeld = pick(labels, held);
      aucs.push(rocAuc(yHeld, result.validMargins));
      losses.push(
        logLoss(
          yHeld,
          result.validMargins.map((m) => sigmoid(m - shift))
        )
      );
      trees.push(result.model.trees!.length);
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    return {
      params,
      roc_auc: Number(mean(aucs).toFixed(5)),
      log_loss: Number(mean(losses).toFixed(5)),
      trees,
      fit_seconds: seconds(started)
    };
  });
}

/** The final GBDT on the whole training snapshot, with the chosen parameters and the folds' mean tree count. */
export function trainFinalGbdt(
  table: ColumnTable,
  labels: ArrayLike<number>,
  featureNames: string[],
  cv: CvResult[]
): Trained & {chosen: CvResult; nRounds: number} {
  const chosen = cv.reduce((best, c) => (c.roc_auc > best.roc_auc ? c : best));
  const nRounds = Math.max(1, Math.round(chosen.trees.reduce((s, t) => s + t, 0) / chosen.trees.length));
  const started = performance.now();
  const {model} = trainGbdt(
    {table, labels},
    {...gbdtParams(chosen.params), nRounds, earlyStoppingRounds: 0},
    {featureNames}
  );
  if (chosen.params.classWeights === "balanced") correctGbdt(model, balancedLogOddsShift(labels));
  return {model, seconds: seconds(started), chosen, nRounds};
}

export function trainForestModel(
  table: ColumnTable,
  labels: ArrayLike<number>,
  featureNames: string[]
): Trained & {predict: (t: ColumnTable) => Float64Array} {
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
