// What the churn loaders print: the model file, the metrics file and the batch scores as Parquet.
import {readFileSync} from "node:fs";
import {gzipSync} from "node:zlib";
import {FEATURES} from "../features/dictionary.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {churnRun, churnScoresFile, REASONS_FOR_TOP, type ChurnRun} from "./run.js";

export async function churnModelFile(warehouse: Warehouse): Promise<ChurnRun["model"]> {
  return (await churnRun(warehouse)).model;
}

export async function churnMetrics(warehouse: Warehouse) {
  const {model, ...run} = await churnRun(warehouse);
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
    scored_people: run.counts.scored
  };
}

/** Everyone's batch scores as Parquet, most value at risk first: the run's cached file as it is. */
export async function churnScoresParquet(warehouse: Warehouse): Promise<Buffer> {
  return readFileSync(await churnScoresFile(warehouse));
}
