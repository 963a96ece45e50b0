// What the churn loaders print: the model file, the metrics file and the batch scores as Parquet.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {FEATURES} from "../features/dictionary.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {churnRun, REASONS_FOR_TOP, type ChurnRun} from "./run.js";

export async function churnModelFile(warehouse: Warehouse): Promise<ChurnRun["model"]> {
  return (await churnRun(warehouse)).model;
}

export async function churnMetrics(warehouse: Warehouse) {
  const {model, scores, ...run} = await churnRun(warehouse);
  const text = JSON.stringify(model);
  const used = new Set(model.trees!.flatMap((t) => t.feature.filter((f) => f >= 0)));
  return {
    ...run,
    data_source: warehouse.source.name,
    features: FEATURES.map((f) => ({
      name: f.name,
      group: f.group,
      kind: f.kind,
      definition: f.definition,
      used_by_model: used.has(model.featureNames.indexOf(f.name))
    })),
    model_summary: {
      kind: model.kind,
      trees: model.trees!.length,
      params: model.params,
      base_score: model.baseScore,
      bytes: Buffer.byteLength(text),
      gzip_bytes: gzipSync(text).length,
      data_fingerprint: model.dataFingerprint,
      training_window: model.trainingWindow
    },
    reasons_for_top: REASONS_FOR_TOP,
    scored_people: scores.length
  };
}

const SCORE_COLUMNS =
  "{customer_unique_id: 'VARCHAR', churn_probability: 'DOUBLE', rfm_segment: 'VARCHAR', seed_rule_status: 'VARCHAR', state: 'VARCHAR', " +
  "monetary_total: 'DOUBLE', orders: 'INTEGER', recency_days: 'INTEGER', value_at_risk: 'DOUBLE', top_reasons: 'VARCHAR'}";

/** Batch scores as Parquet, most value at risk first. */
export async function churnScoresParquet(warehouse: Warehouse): Promise<Buffer> {
  const {scores} = await churnRun(warehouse);
  const dir = mkdtempSync(join(tmpdir(), "olist-churn-"));
  try {
    const file = join(dir, "scores.json");
    writeFileSync(file, JSON.stringify(scores));
    return await warehouse.parquet(
      `SELECT * FROM read_json('${file.replace(/'/g, "''")}', format = 'array', columns = ${SCORE_COLUMNS}) ORDER BY value_at_risk DESC, customer_unique_id`
    );
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
