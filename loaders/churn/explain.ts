// Explanations of the chosen model: global importance (mean |SHAP| on a sample of the evaluation snapshot),
// beeswarm points, and each person's top reasons (largest SHAP values, in log-odds of churn).
import type {ColumnTable} from "../../lib/ml/bins.js";
import {takeRows} from "../../lib/ml/gbdt.js";
import type {ChurnModel} from "../../lib/ml/model.js";
import {explainBatch, explainRow, makeExplainer} from "../../lib/ml/treeshap.js";
import {sampleRows} from "../../lib/ml/bins.js";
import {Rng} from "../../lib/random.js";

const r4 = (x: number) => Number(x.toPrecision(4));

export interface Importance {
  feature: string;
  mean_abs_shap: number;
}

export interface BeeswarmPoint {
  feature: string;
  shap: number;
  /** The value's percentile among the sample's non-missing values of that feature (0–1), null if missing. */
  value_rank: number | null;
}

export function explainSample(
  model: ChurnModel,
  table: ColumnTable,
  opts: {sample: number; beeswarmRows: number; topFeatures: number; seed: number}
) {
  const rows = sampleRows(table.nRows, opts.sample, new Rng(opts.seed));
  const sample = takeRows(table, rows);
  const {values, nFeatures} = explainBatch(model, sample);
  const n = sample.nRows;
  const importance: Importance[] = model.featureNames
    .map((feature, j) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(values[i * nFeatures + j]!);
      return {feature, mean_abs_shap: r4(n ? s / n : 0)};
    })
    .sort((a, b) => b.mean_abs_shap - a.mean_abs_shap);
  const top = importance.slice(0, opts.topFeatures).map((d) => model.featureNames.indexOf(d.feature));
  const m = Math.min(n, opts.beeswarmRows);
  const beeswarm: BeeswarmPoint[] = [];
  for (const j of top) {
    const col = sample.columns[j]!;
    const present = Array.from({length: n}, (_, i) => col[i]!)
      .filter((v) => v === v)
      .sort((a, b) => a - b);
    for (let i = 0; i < m; i++) {
      const v = col[i]!;
      let below = 0;
      if (v === v) while (below < present.length && present[below]! < v) below++;
      beeswarm.push({
        feature: model.featureNames[j]!,
        shap: r4(values[i * nFeatures + j]!),
        value_rank: v === v ? r4(present.length > 1 ? below / (present.length - 1) : 0.5) : null
      });
    }
  }
  return {importance, beeswarm, sampleSize: n};
}

/** "feature +0.41; feature −0.12; …": the k largest |SHAP| of each listed row. */
export function topReasons(model: ChurnModel, table: ColumnTable, rows: readonly number[], k = 3): Map<number, string> {
  const ex = makeExplainer(model);
  const p = model.featureNames.length;
  const x = new Float64Array(p);
  const out = new Map<number, string>();
  for (const i of rows) {
    for (let j = 0; j < p; j++) x[j] = table.columns[j]![i]!;
    const {values} = explainRow(ex, x);
    const order = Array.from({length: p}, (_, j) => j).sort((a, b) => Math.abs(values[b]!) - Math.abs(values[a]!));
    out.set(
      i,
      order
        .slice(0, k)
        .map((j) => `${model.featureNames[j]} ${values[j]! >= 0 ? "+" : "−"}${Math.abs(values[j]!).toFixed(2)}`)
        .join("; ")
    );
  }
  return out;
}
