// A labelled snapshot: the customer feature table at a cutoff joined with each person's churn label.
import {customerFeatures} from "../features/customer-features.js";
import type {Row, Warehouse} from "../warehouse/warehouse.js";
import {sql} from "../sql.js";

export interface Label {
  customer_unique_id: string;
  churned: 0 | 1;
  /** First valid purchase after the cutoff within the horizon, or null. */
  next_purchase: string | null;
}

export function churnLabels(warehouse: Warehouse, cutoff: string, horizonDays: number): Promise<Label[]> {
  return warehouse.query<Label>(sql("churn/labels"), {cutoff, horizon_days: horizonDays});
}

export interface Snapshot {
  cutoff: string;
  rows: Row[];
  /** 1 = churned (no valid order in the horizon), aligned with rows. */
  labels: Uint8Array;
}

export async function labelledSnapshot(warehouse: Warehouse, cutoff: string, horizonDays: number): Promise<Snapshot> {
  const rows = await customerFeatures(warehouse, cutoff);
  const labels = await churnLabels(warehouse, cutoff, horizonDays);
  const byId = new Map(labels.map((l) => [l.customer_unique_id, l.churned]));
  const y = new Uint8Array(rows.length);
  rows.forEach((row, i) => {
    const label = byId.get(row.customer_unique_id as string);
    if (label === undefined)
      throw new Error(`churn labels: no label for ${String(row.customer_unique_id)} at ${cutoff}`);
    y[i] = label;
  });
  if (labels.length !== rows.length)
    throw new Error(`churn labels: ${labels.length} labels for ${rows.length} feature rows at ${cutoff}`);
  return {cutoff, rows, labels: y};
}
