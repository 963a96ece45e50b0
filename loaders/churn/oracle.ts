// The oracle churn probability on synthetic data, from the generator's planted truth (truth_orders.csv; the
// formula is in loaders/synth/README.md). With the real data the file is absent and there is no oracle.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Warehouse} from "../warehouse/warehouse.js";
import {sql} from "../sql.js";

interface TruthRow {
  customer_unique_id: string;
  lambda_per_day: number;
  last_dropout_prob: number;
  days_since_last: number;
}

/**
 * P(no purchase in (T, T + H]) for a person last seen `elapsed` days before T, with purchase rate λ per day and
 * dropout probability p after the last order:
 *   alive(T) = (1 − p)·e^(−λ·elapsed) / (p + (1 − p)·e^(−λ·elapsed)),   P(churn) = 1 − alive(T)·(1 − e^(−λH)).
 */
export function oracleChurnProbability(lambda: number, dropout: number, elapsed: number, horizonDays: number): number {
  const stay = (1 - dropout) * Math.exp(-lambda * elapsed);
  const alive = stay / (dropout + stay);
  return 1 - alive * -Math.expm1(-lambda * horizonDays);
}

export async function truthFile(warehouse: Warehouse): Promise<string | null> {
  if (warehouse.source.kind !== "synthetic") return null;
  const [meta] = await warehouse.query<{value: string}>(`SELECT value FROM meta WHERE key = 'data_dir'`);
  const path = meta ? join(meta.value, "truth_orders.csv") : "";
  return path && existsSync(path) ? path : null;
}

/** Oracle P(churn) per person id at the cutoff, or null without truth_orders.csv. */
export async function oracleProbabilities(
  warehouse: Warehouse,
  cutoff: string,
  horizonDays: number
): Promise<Map<string, number> | null> {
  const path = await truthFile(warehouse);
  if (!path) return null;
  const rows = await warehouse.query<TruthRow>(sql("churn/oracle"), {truth_path: path, cutoff});
  return new Map(
    rows.map((r) => [
      r.customer_unique_id,
      oracleChurnProbability(r.lambda_per_day, r.last_dropout_prob, r.days_since_last, horizonDays)
    ])
  );
}
