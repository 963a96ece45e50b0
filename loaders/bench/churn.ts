// The churn part of `npm run bench`, on the data the build uses (synthetic scale 1 by default):
//   1. trains as the build does (loaders/churn/run.ts, fresh, not the cached run) and times it;
//   2. exports the same encoded training and evaluation snapshots to CSV in a temporary folder (their
//      fingerprint must equal the model's) and runs the peers on them, one thread each
//      (loaders/bench/churn_peers.py: XGBoost hist, sklearn HistGradientBoosting, RandomForest,
//      LogisticRegression with our chosen settings), then prints fit time and ROC-AUC side by side with ours.
//      Fit times on both sides are the median of REPEATS fits (the machine is shared and noisy); ours refit
//      with the build's code and settings, and must give the build's ROC-AUC;
//   3. trains ml-random-forest, which cannot train on the whole snapshot (quadratic split search), on a small
//      sample as a reference, beside our forest on the same sample;
//   4. the published model file's size, raw and gzipped, and the time to score and explain one customer in
//      Chromium.
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {gzipSync} from "node:zlib";
import {RandomForestClassifier} from "ml-random-forest";
import type {ColumnTable} from "../../lib/ml/bins.js";
import {trainForest} from "../../lib/ml/forest.js";
import {rocAuc} from "../../lib/ml/metrics.js";
import {fingerprintData} from "../../lib/ml/model.js";
import {predictProbabilityBatch} from "../../lib/ml/score.js";
import {Rng} from "../../lib/random.js";
import {trainChurn, type ChurnRun} from "../churn/run.js";
import {FOREST_PARAMS, gbdtParams, trainFinalGbdt, trainForestModel, trainLogisticModel} from "../churn/train.js";
import {churnWindow} from "../churn/window.js";
import {withWarehouse} from "../warehouse/warehouse.js";
import {browserScoreAndExplain} from "./churn-browser.js";
import {encodedSnapshots, writeSnapshotCsvs, type EncodedSnapshots} from "./churn-snapshots.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = "/usr/bin/python3";
/** Fits per learner whose median time is reported. */
const REPEATS = 3;
/** ml-random-forest's sample: every returner of the training snapshot, then churners up to this many rows. */
const REFERENCE_ROWS = 1000;
const REFERENCE_FOREST = {nTrees: 20, maxDepth: 6, seed: 42};
/** Customers timed in Chromium, and runs per customer (the page's timer is coarse). */
const BROWSER_CUSTOMERS = 300;
const BROWSER_REPEATS = 20;

interface PeerResult {
  name: string;
  peer_of: string;
  fit_seconds: number;
  roc_auc: number;
  settings: string;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const elapsed = (started: number) => (performance.now() - started) / 1000;
const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Whether /usr/bin/python3 has the peers' modules; installs Debian's packages once if it has not. */
function pythonReady(): boolean {
  const check = () => spawnSync(PYTHON, ["-c", "import sklearn, xgboost, pandas"], {stdio: "ignore"}).status === 0;
  if (check()) return true;
  log("bench churn: installing python3-sklearn, python3-xgboost and python3-pandas with apt-get …");
  spawnSync("apt-get", ["install", "-y", "python3-sklearn", "python3-xgboost", "python3-pandas"], {
    stdio: ["ignore", "ignore", "inherit"]
  });
  return check();
}

function runPeers(dir: string): PeerResult[] | string {
  if (!pythonReady())
    return "skipped: /usr/bin/python3 cannot import sklearn, xgboost and pandas, and apt-get could not install them";
  const run = spawnSync(PYTHON, [join(HERE, "churn_peers.py"), dir, String(REPEATS)], {
    encoding: "utf8",
    env: {...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1"},
    maxBuffer: 1 << 24
  });
  if (run.status !== 0) return `skipped: churn_peers.py failed:\n${run.stderr.slice(-2000)}`;
  return run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as PeerResult);
}

/** Our three learners refitted REPEATS times each as the build fits them: median fit seconds and ROC-AUC. */
function refitOurs(s: EncodedSnapshots, run: ChurnRun): Map<string, {fit: number; auc: number}> {
  const {table, labels} = s.training;
  const numeric = run.logistic_params.features.map((name) => s.names.indexOf(name));
  const numericTable = (t: ColumnTable) => ({nRows: t.nRows, columns: numeric.map((j) => t.columns[j]!)});
  const fits = {
    GBDT: () => {
      const fit = trainFinalGbdt(table, labels, s.names, run.cv);
      return {seconds: fit.seconds, probs: predictProbabilityBatch(fit.model, s.evaluation.table)};
    },
    "Random forest": () => {
      const fit = trainForestModel(table, labels, s.names);
      return {seconds: fit.seconds, probs: fit.predict(s.evaluation.table)};
    },
    "Logistic regression": () => {
      const fit = trainLogisticModel(numericTable(table), labels, run.logistic_params.features);
      return {seconds: fit.seconds, probs: predictProbabilityBatch(fit.model, numericTable(s.evaluation.table))};
    }
  };
  return new Map(
    Object.entries(fits).map(([name, fit]) => {
      const runs = Array.from({length: REPEATS}, fit);
      const auc = Number(rocAuc(s.evaluation.labels, runs[0]!.probs).toPrecision(6));
      const built = run.results.find((r) => r.name === name)!.metrics.roc_auc;
      if (auc !== built)
        throw new Error(`bench churn: ${name} refitted gives ROC-AUC ${auc}, the build's run ${built}`);
      return [name, {fit: median(runs.map((r) => r.seconds)), auc}];
    })
  );
}

/** ml-random-forest (reference only) and our forest with the same size on the same small sample. */
function referenceForests(s: EncodedSnapshots) {
  const y = s.training.labels;
  const returners = [...y.keys()].filter((i) => y[i] === 0);
  const churners = [...y.keys()].filter((i) => y[i] === 1);
  const rng = new Rng(REFERENCE_FOREST.seed);
  for (let i = churners.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [churners[i], churners[j]] = [churners[j]!, churners[i]!];
  }
  const rows = [...returners, ...churners.slice(0, Math.max(0, REFERENCE_ROWS - returners.length))].sort(
    (a, b) => a - b
  );
  const labels = rows.map((i) => y[i]!);
  // ml-cart compares numbers only: missing values become a value below every feature
  const matrix = (table: ColumnTable, at: ArrayLike<number>) =>
    Array.from(at as ArrayLike<number>, (i) => table.columns.map((c) => (c[i]! === c[i]! ? c[i]! : -1e9)));
  const evalRows = Array.from({length: s.evaluation.table.nRows}, (_, i) => i);

  let started = performance.now();
  const reference = new RandomForestClassifier({
    nEstimators: REFERENCE_FOREST.nTrees,
    maxFeatures: 0.3,
    replacement: false,
    useSampleBagging: true,
    seed: REFERENCE_FOREST.seed,
    noOOB: true,
    treeOptions: {maxDepth: REFERENCE_FOREST.maxDepth, minNumSamples: 5, gainThreshold: 0}
  });
  reference.train(matrix(s.training.table, rows), labels);
  const referenceSeconds = elapsed(started);
  // the vote fraction for "churned" over all trees (its predictProbability drops the first tree's vote)
  const votes = reference
    .predictionValues(matrix(s.evaluation.table, evalRows))
    .to2DArray()
    .map((v: number[]) => v.reduce((a, b) => a + b, 0) / v.length);

  const table = {
    nRows: rows.length,
    columns: s.training.table.columns.map((c) => Float64Array.from(rows, (i) => c[i]!))
  };
  started = performance.now();
  const {model} = trainForest({table, labels}, {...REFERENCE_FOREST, minSamplesLeaf: 5});
  const oursSeconds = elapsed(started);
  return {
    rows: rows.length,
    returners: returners.length,
    reference: {fit: referenceSeconds, auc: rocAuc(s.evaluation.labels, votes)},
    ours: {fit: oursSeconds, auc: rocAuc(s.evaluation.labels, predictProbabilityBatch(model, s.evaluation.table))}
  };
}

const f3 = (x: number) => x.toFixed(3);
const f2 = (x: number) => x.toFixed(2);

export async function benchChurn(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "olist-bench-churn-"));
  try {
    await withWarehouse(async (warehouse) => {
      const window = await churnWindow(warehouse);
      log(
        `bench churn: training as the build does (${warehouse.source.name}, cutoffs ${window.trainingCutoff} and ${window.evaluationCutoff}) …`
      );
      let started = performance.now();
      const run = await trainChurn(warehouse, window, join(dir, "scores.parquet"), log);
      const trainSeconds = elapsed(started);

      const snapshots = await encodedSnapshots(warehouse);
      if (fingerprintData(snapshots.training.table.columns, snapshots.training.labels) !== run.model.dataFingerprint) {
        throw new Error("bench churn: the exported training snapshot is not the one the model was trained on");
      }
      writeSnapshotCsvs(snapshots, dir);
      const chosen = {
        ...gbdtParams(run.chosen.params),
        nRounds: run.chosen.n_rounds,
        classWeights: run.chosen.params.classWeights
      };
      writeFileSync(
        join(dir, "params.json"),
        JSON.stringify({gbdt: chosen, forest: FOREST_PARAMS, logistic: run.logistic_params})
      );
      log(`bench churn: our learners, ${REPEATS} fits each …`);
      const ours = refitOurs(snapshots, run);
      log("bench churn: peers …");
      const peers = runPeers(dir);
      log(`bench churn: ml-random-forest on ${REFERENCE_ROWS} rows …`);
      const reference = referenceForests(snapshots);
      log("bench churn: Chromium …");
      const sample = snapshots.evaluationRows
        .filter((_, i) => i % Math.max(1, Math.floor(snapshots.evaluationRows.length / BROWSER_CUSTOMERS)) === 0)
        .slice(0, BROWSER_CUSTOMERS);
      const browser = await browserScoreAndExplain(run.model, sample, BROWSER_REPEATS);

      const baselines = new Map(run.results.map((r) => [r.name, r]));
      const c = run.counts;
      console.log(
        `\nchurn: ${warehouse.source.name} data, training snapshot ${window.trainingCutoff} (${c.training} people, ${c.training - c.training_churned} returners), ` +
          `evaluation snapshot ${window.evaluationCutoff} (${c.evaluation} people, ${c.evaluation - c.evaluation_churned} returners), one thread`
      );
      console.log(
        `churn training as in the build: ${f2(trainSeconds)} s (snapshots ${run.timings.snapshots} s, cross-validation ${run.timings.cross_validation} s, batch scores ${run.timings.batch_scores} s)`
      );
      console.log(
        `GBDT chosen by ${run.cv.length}-point CV: depth ${chosen.maxDepth}, learning rate ${chosen.learningRate}, ${chosen.nRounds} rounds, class weights ${chosen.classWeights}, ` +
          `subsample ${chosen.subsample}, colsample ${chosen.colsampleByTree}, min child weight ${chosen.minChildWeight}, λ ${chosen.lambda}`
      );
      console.log(`fit times: median of ${REPEATS} fits; ROC-AUC on the evaluation snapshot`);
      console.log(
        ["ours", "fit s", "AUC", "peer", "fit s", "AUC", "fit ours/peer", "AUC ours/peer", "AUC ours − peer"].join("\t")
      );
      if (typeof peers === "string") console.log(`peers ${peers}`);
      else {
        for (const p of peers) {
          const o = ours.get(p.peer_of)!;
          console.log(
            [
              p.peer_of,
              f2(o.fit),
              f3(o.auc),
              p.name,
              f2(p.fit_seconds),
              f3(p.roc_auc),
              f2(o.fit / p.fit_seconds),
              f3(o.auc / p.roc_auc),
              f3(o.auc - p.roc_auc)
            ].join("\t")
          );
        }
      }
      const r = reference;
      console.log(
        [
          `Random forest (${r.rows}-row sample)`,
          f2(r.ours.fit),
          f3(r.ours.auc),
          "ml-random-forest 2.1.0",
          f2(r.reference.fit),
          f3(r.reference.auc),
          f2(r.ours.fit / r.reference.fit),
          f3(r.ours.auc / r.reference.auc),
          f3(r.ours.auc - r.reference.auc)
        ].join("\t")
      );
      console.log(
        `  (sample: all ${r.returners} returners and ${r.rows - r.returners} churners; both ${REFERENCE_FOREST.nTrees} trees of depth ≤ ${REFERENCE_FOREST.maxDepth}; ml-random-forest 30% of the features per tree, ours √p per split)`
      );
      if (typeof peers !== "string") for (const p of peers) console.log(`  ${p.name}: ${p.settings}`);
      for (const name of ["Recency alone", "BG/NBD", "Oracle"]) {
        const b = baselines.get(name);
        if (b) console.log(`  for scale, ${name}: AUC ${f3(b.metrics.roc_auc)}`);
      }

      const text = JSON.stringify(run.model);
      const gz = gzipSync(text).length;
      console.log(
        `model file (churn-model.json): ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped (target < 300 KB), ${run.model.trees!.length} trees`
      );
      console.log(
        `Chromium, score + explain one customer: median ${f3(median(browser.perCustomerMs))} ms over ${browser.perCustomerMs.length} customers ` +
          `(${BROWSER_REPEATS} runs each; slowest ${f3(Math.max(...browser.perCustomerMs))} ms; first customer with the explainer's set-up ${f3(browser.firstMs)} ms; target < 5 ms)`
      );
      if (typeof peers !== "string") {
        const xgb = peers.find((p) => p.name === "XGBoost hist")!;
        const gbdt = ours.get("GBDT")!;
        console.log(
          `targets: GBDT AUC ${f3(gbdt.auc)} vs XGBoost ${f3(xgb.roc_auc)} − 0.005 → ${gbdt.auc >= xgb.roc_auc - 0.005 ? "met" : "missed"}; ` +
            `GBDT fit ${f2(gbdt.fit / xgb.fit_seconds)}× XGBoost's (≤ 3×) → ${gbdt.fit <= 3 * xgb.fit_seconds ? "met" : "missed"}`
        );
      }
    });
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
