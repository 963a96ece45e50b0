// One training run per data, code and horizon: snapshots, cross-validation, the models and baselines, their
// metrics and the batch scores. The run is cached under OLIST_CACHE_DIR/churn/ (the models and metrics as JSON, the
// per-person batch scores as Parquet beside it, so no loader parses a JSON string that grows with the customers),
// keyed by the warehouse fingerprint, a hash of the code and the churn window, and built once under a lock, so the
// churn loaders that Framework runs in parallel train once per build.
import type {AtRiskCustomer} from "../../lib/contracts/churn-at-risk.js";
import {readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {createHash} from "node:crypto";
import {encodeRows, fitEncoder, type ChurnEncoder} from "../../lib/churn/encode.js";
import {probabilityBuckets, type ProbabilityBucket} from "../../lib/churn/decision.js";
import type {BgNbdParams} from "../../lib/clv/index.js";
import {fingerprintData, type ChurnModel, type Preprocessing} from "../../lib/ml/model.js";
import {predictProbabilityBatch} from "../../lib/ml/score.js";
import {assignSegment, rfmScores} from "../../lib/segments/index.js";
import {cacheDir} from "../config.js";
import {FEATURES} from "../features/dictionary.js";
import {customerFeatures} from "../features/customer-features.js";
import {codeKey} from "../dev/graph.js";
import {buildOnce} from "../lock.js";
import {writeParquet} from "../parquet.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {bgnbdBaseline, recencyBaseline, seedRuleBaseline, seedRuleChurned} from "./baselines.js";
import {modelCurves, modelMetrics, type ModelCurves, type ModelMetrics} from "./evaluate.js";
import {explainSample, topReasons, type BeeswarmPoint, type Importance} from "./explain.js";
import {oracleProbabilities} from "./oracle.js";
import {labelledSnapshot} from "./snapshot.js";
import {
  crossValidateGbdt,
  FOREST_PARAMS,
  GBDT_FIXED,
  LOGISTIC_PARAMS,
  trainFinalGbdt,
  trainForestModel,
  trainLogisticModel,
  type CvResult
} from "./train.js";
import {churnWindow, type ChurnWindow} from "./window.js";

/** People whose top reasons are computed at build time: the most value at risk (P(churn) × spend so far). */
export const REASONS_FOR_TOP = 2000;

export interface ChurnPreprocessing extends Preprocessing {
  encoder: ChurnEncoder;
}

/** The published model: lib/ml's format, the encoder in its preprocessing, plus where it comes from. */
export type PublishedModel = ChurnModel & {
  preprocessing: ChurnPreprocessing;
  warehouseFingerprint: string;
  window: ChurnWindow;
  label: string;
};

export interface ModelResult {
  name: string;
  kind: "model" | "baseline" | "oracle";
  description: string;
  fit_seconds: number | null;
  metrics: ModelMetrics;
  curves: ModelCurves;
}

/** One person's row of the batch score file: the at-risk list's fields, with the reasons as one sentence. */
export type BatchScore = Omit<AtRiskCustomer, "risk_band" | "top_contributions"> & {top_reasons: string | null};

export interface ChurnRun {
  window: ChurnWindow;
  warehouseFingerprint: string;
  counts: {training: number; training_churned: number; evaluation: number; evaluation_churned: number; scored: number};
  model: PublishedModel;
  cv: CvResult[];
  chosen: CvResult & {n_rounds: number};
  gbdt_fixed: typeof GBDT_FIXED;
  forest_params: typeof FOREST_PARAMS;
  logistic_params: typeof LOGISTIC_PARAMS & {features: string[]};
  bgnbd_params: BgNbdParams;
  seed_rule_rates: {churned: number; active: number};
  results: ModelResult[];
  buckets: ProbabilityBucket[];
  importance: Importance[];
  beeswarm: BeeswarmPoint[];
  explained_rows: number;
  timings: Record<string, number>;
}

/** The batch scores' Parquet columns (one row per person scored), in file order. */
export const BATCH_SCORE_COLUMNS = {
  customer_unique_id: "VARCHAR",
  churn_probability: "DOUBLE",
  rfm_segment: "VARCHAR",
  seed_rule_status: "VARCHAR",
  state: "VARCHAR",
  monetary_total: "DOUBLE",
  orders: "INTEGER",
  recency_days: "INTEGER",
  value_at_risk: "DOUBLE",
  top_reasons: "VARCHAR"
} as const satisfies Record<keyof BatchScore, string>;

/** The code this run depends on: its import closure and the queries it names (loaders/dev/graph.ts). */
const codeHash = () => codeKey(["loaders/churn/run.ts"]);

const seconds = (started: number) => Number(((performance.now() - started) / 1000).toFixed(2));

/** Trains and evaluates, and writes the batch scores to `scoresFile` (Parquet, most value at risk first). */
export async function trainChurn(
  warehouse: Warehouse,
  window: ChurnWindow,
  scoresFile: string,
  log: (line: string) => void = () => {}
): Promise<ChurnRun> {
  const H = window.horizonDays;
  const timings: Record<string, number> = {};
  let t = performance.now();
  const train = await labelledSnapshot(warehouse, window.trainingCutoff, H);
  const evaluation = await labelledSnapshot(warehouse, window.evaluationCutoff, H);
  timings.snapshots = seconds(t);
  log(`churn: snapshots ${train.rows.length} / ${evaluation.rows.length} people in ${timings.snapshots} s`);
  const sum = (a: Uint8Array) => a.reduce((s, v) => s + v, 0);
  if (sum(train.labels) === 0 || sum(train.labels) === train.labels.length) {
    throw new Error(
      `churn model: every person of the training snapshot at ${window.trainingCutoff} has the same label; nothing to learn`
    );
  }

  const encoder = fitEncoder(train.rows, FEATURES);
  const names = encoder.features.map((f) => f.name);
  const X = encodeRows(encoder, train.rows);
  const Xe = encodeRows(encoder, evaluation.rows);

  t = performance.now();
  const cv = crossValidateGbdt(X, train.labels, names);
  timings.cross_validation = seconds(t);
  const gbdt = trainFinalGbdt(X, train.labels, names, cv);
  log(`churn: CV ${timings.cross_validation} s, final GBDT ${gbdt.seconds} s (${gbdt.nRounds} trees)`);
  const forest = trainForestModel(X, train.labels, names);
  // Logistic regression on the numeric and flag features: categorical codes are not ordinal.
  const numeric = encoder.features.flatMap((f, j) => (f.kind === "categorical" ? [] : [j]));
  const numericTable = (tb: typeof X) => ({nRows: tb.nRows, columns: numeric.map((j) => tb.columns[j]!)});
  const logistic = trainLogisticModel(
    numericTable(X),
    train.labels,
    numeric.map((j) => names[j]!)
  );
  t = performance.now();
  const recency = recencyBaseline(train, evaluation);
  const recencySeconds = seconds(t);
  t = performance.now();
  const rule = seedRuleBaseline(train, evaluation);
  const ruleSeconds = seconds(t);
  t = performance.now();
  const bgnbd = await bgnbdBaseline(warehouse, train, evaluation, H);
  const bgnbdSeconds = seconds(t);
  const oracle = await oracleProbabilities(warehouse, window.evaluationCutoff, H);

  const gbdtProbs = predictProbabilityBatch(gbdt.model, Xe);
  const y = evaluation.labels;
  const result = (
    name: string,
    kind: ModelResult["kind"],
    description: string,
    fit: number | null,
    probs: ArrayLike<number>
  ): ModelResult => ({
    name,
    kind,
    description,
    fit_seconds: fit,
    metrics: modelMetrics(y, probs),
    curves: modelCurves(y, probs)
  });
  const results: ModelResult[] = [
    result(
      "GBDT",
      "model",
      `Gradient-boosted trees, ${gbdt.model.trees!.length} trees of depth ≤ ${gbdt.chosen.params.maxDepth}, ${gbdt.chosen.params.classWeights === "balanced" ? "balanced class weights" : "no class weights"}, all ${names.length} features (the published model)`,
      gbdt.seconds,
      gbdtProbs
    ),
    result(
      "Random forest",
      "model",
      `${FOREST_PARAMS.nTrees} trees of depth ≤ ${FOREST_PARAMS.maxDepth}, all features`,
      forest.seconds,
      forest.predict(Xe)
    ),
    result(
      "Logistic regression",
      "model",
      `L2-regularised, ${numeric.length} numeric and flag features, missing values at the mean`,
      logistic.seconds,
      predictProbabilityBatch(logistic.model, numericTable(Xe))
    ),
    result("Recency alone", "baseline", "Logistic regression on days since the last order", recencySeconds, recency),
    result(
      "Seed rule",
      "baseline",
      "The dashboard's churn status, as the churn rate of its two groups in training",
      ruleSeconds,
      rule.probs
    ),
    result(
      "BG/NBD",
      "baseline",
      "P(no purchase in the horizon) from BG/NBD's P(alive) and purchase rate",
      bgnbdSeconds,
      bgnbd.probs
    )
  ];
  if (oracle) {
    const probs = Float64Array.from(evaluation.rows, (r) => oracle.get(r.customer_unique_id as string) ?? NaN);
    if (probs.some((p) => p !== p))
      throw new Error("churn oracle: a person of the evaluation snapshot is missing from truth_orders.csv");
    results.push(
      result("Oracle", "oracle", "The generator's true probability (synthetic data only): the ceiling", null, probs)
    );
  }

  t = performance.now();
  const explained = explainSample(gbdt.model, Xe, {sample: 2000, beeswarmRows: 300, topFeatures: 10, seed: 11});
  timings.importance = seconds(t);

  const model: PublishedModel = {
    ...gbdt.model,
    preprocessing: {...gbdt.model.preprocessing, encoder},
    metrics: {...gbdt.model.metrics, ...results[0]!.metrics},
    trainingWindow: {start: window.firstPurchase, end: window.trainingCutoff},
    dataFingerprint: fingerprintData(X.columns, train.labels),
    warehouseFingerprint: warehouse.fingerprint,
    window,
    label: `1 = no valid order (not canceled or unavailable) in the ${H} days after the cutoff`
  };

  t = performance.now();
  const scored = await writeParquet(
    scoresFile,
    BATCH_SCORE_COLUMNS,
    chunked(await batchScores(warehouse, model, window.analysisDate)),
    {orderBy: "value_at_risk DESC, customer_unique_id"}
  );
  timings.batch_scores = seconds(t);
  log(`churn: ${scored} people scored in ${timings.batch_scores} s`);

  return {
    window,
    warehouseFingerprint: warehouse.fingerprint,
    counts: {
      training: train.rows.length,
      training_churned: sum(train.labels),
      evaluation: evaluation.rows.length,
      evaluation_churned: sum(y),
      scored
    },
    model,
    cv,
    chosen: {...gbdt.chosen, n_rounds: gbdt.nRounds},
    gbdt_fixed: GBDT_FIXED,
    forest_params: FOREST_PARAMS,
    logistic_params: {...LOGISTIC_PARAMS, features: numeric.map((j) => names[j]!)},
    bgnbd_params: bgnbd.params,
    seed_rule_rates: rule.rates,
    results,
    buckets: probabilityBuckets(y, gbdtProbs),
    importance: explained.importance,
    beeswarm: explained.beeswarm,
    explained_rows: explained.sampleSize,
    timings
  };
}

function* chunked<T>(rows: readonly T[], size = 50_000): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Everyone as of the analysis date, scored by the model, with their RFM segment and seed-rule status. */
export async function batchScores(warehouse: Warehouse, model: PublishedModel, date: string): Promise<BatchScore[]> {
  const rows = await customerFeatures(warehouse, date);
  const table = encodeRows(model.preprocessing.encoder, rows);
  const probs = predictProbabilityBatch(model, table);
  const n = (v: unknown) => Number(v ?? 0);
  const rfm = rfmScores(
    rows.map((r) => ({
      id: r.customer_unique_id as string,
      recencyDays: n(r.recency_days),
      orders: n(r.frequency),
      monetary: n(r.monetary_total)
    }))
  );
  const atRisk = rows.map((r, i) => probs[i]! * n(r.monetary_total));
  const ranked = Array.from({length: rows.length}, (_, i) => i).sort((a, b) => atRisk[b]! - atRisk[a]! || a - b);
  const reasons = topReasons(model, table, ranked.slice(0, REASONS_FOR_TOP));
  return rows.map((r, i) => ({
    customer_unique_id: r.customer_unique_id as string,
    churn_probability: probs[i]!,
    rfm_segment: assignSegment(rfm[i]!),
    seed_rule_status: seedRuleChurned(r) ? "churned" : "active",
    state: (r.state as string | null) ?? null,
    monetary_total: n(r.monetary_total),
    orders: n(r.frequency),
    recency_days: n(r.recency_days),
    value_at_risk: Number(atRisk[i]!.toFixed(2)),
    top_reasons: reasons.get(i) ?? null
  }));
}

const stderr = (line: string) => process.stderr.write(`${line}\n`);

/** The cached run's two files for this warehouse, code and window; trains (once, under a lock) if missing. */
async function churnRunFiles(
  warehouse: Warehouse,
  log: (line: string) => void
): Promise<{run: string; scores: string}> {
  const window = await churnWindow(warehouse);
  const key = createHash("sha256")
    .update(warehouse.fingerprint)
    .update(codeHash())
    .update(JSON.stringify(window))
    .digest("hex")
    .slice(0, 20);
  const file = join(cacheDir(), "churn", `run-${key}.json`);
  const scores = join(cacheDir(), "churn", `run-${key}.scores.parquet`);
  // The JSON is written last: its presence means both files are complete.
  await buildOnce(file, async () => {
    const started = performance.now();
    const run = await trainChurn(warehouse, window, scores, log);
    run.timings.total = seconds(started);
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(run));
    renameSync(tmp, file);
    log(`churn: trained in ${run.timings.total} s`);
  });
  return {run: file, scores};
}

/** The cached run for this warehouse, code and window; trains (once, under a lock) if missing. */
export async function churnRun(warehouse: Warehouse, log: (line: string) => void = stderr): Promise<ChurnRun> {
  return JSON.parse(readFileSync((await churnRunFiles(warehouse, log)).run, "utf8")) as ChurnRun;
}

/** The run's batch scores as a Parquet file (columns BATCH_SCORE_COLUMNS), for loaders to query with DuckDB. */
export async function churnScoresFile(warehouse: Warehouse, log: (line: string) => void = stderr): Promise<string> {
  return (await churnRunFiles(warehouse, log)).scores;
}
