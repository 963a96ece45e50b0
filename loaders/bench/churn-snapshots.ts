// The churn model's two labelled snapshots, encoded exactly as the build trains and evaluates on them, written as
// CSV for the peer learners (loaders/bench/churn_peers.py): training.csv (features at T − H) and evaluation.csv
// (features at T), one column per encoded feature in the model's order, then `churned` (1 = no order in the
// horizon). Missing values are empty cells. features.json lists the columns with their kinds.
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {encodeRows, fitEncoder, type ChurnEncoder} from "../../lib/churn/encode.js";
import type {ColumnTable} from "../../lib/ml/bins.js";
import {labelledSnapshot} from "../churn/snapshot.js";
import {churnWindow, type ChurnWindow} from "../churn/window.js";
import {FEATURES} from "../features/dictionary.js";
import type {Row, Warehouse} from "../warehouse/warehouse.js";

export interface EncodedSnapshots {
  window: ChurnWindow;
  encoder: ChurnEncoder;
  names: string[];
  training: {table: ColumnTable; labels: Uint8Array};
  evaluation: {table: ColumnTable; labels: Uint8Array};
  /** The evaluation snapshot's feature rows as the warehouse returns them (before encoding). */
  evaluationRows: Row[];
}

export async function encodedSnapshots(warehouse: Warehouse): Promise<EncodedSnapshots> {
  const window = await churnWindow(warehouse);
  const train = await labelledSnapshot(warehouse, window.trainingCutoff, window.horizonDays);
  const evaluation = await labelledSnapshot(warehouse, window.evaluationCutoff, window.horizonDays);
  const encoder = fitEncoder(train.rows, FEATURES);
  return {
    window,
    encoder,
    names: encoder.features.map((f) => f.name),
    training: {table: encodeRows(encoder, train.rows), labels: train.labels},
    evaluation: {table: encodeRows(encoder, evaluation.rows), labels: evaluation.labels},
    evaluationRows: evaluation.rows
  };
}

function csv(names: string[], table: ColumnTable, labels: Uint8Array): string {
  const lines = [[...names, "churned"].join(",")];
  for (let i = 0; i < table.nRows; i++) {
    const cells = table.columns.map((col) => {
      const v = col[i]!;
      return v === v ? String(v) : "";
    });
    cells.push(String(labels[i]));
    lines.push(cells.join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Writes training.csv, evaluation.csv and features.json into dir. */
export function writeSnapshotCsvs(snapshots: EncodedSnapshots, dir: string): void {
  mkdirSync(dir, {recursive: true});
  writeFileSync(join(dir, "training.csv"), csv(snapshots.names, snapshots.training.table, snapshots.training.labels));
  writeFileSync(
    join(dir, "evaluation.csv"),
    csv(snapshots.names, snapshots.evaluation.table, snapshots.evaluation.labels)
  );
  writeFileSync(
    join(dir, "features.json"),
    JSON.stringify({
      window: snapshots.window,
      features: snapshots.encoder.features.map(({name, kind}) => ({name, kind}))
    })
  );
}
