// The baselines the churn model must beat, each turned into a churn probability fitted on the training
// snapshot only and applied to the evaluation snapshot:
//   recency alone — logistic regression on recency_days;
//   seed rule     — the churn rate of the training snapshot's rule-churned and rule-active people;
//   BG/NBD        — fitted on the training snapshot's purchases (weeks); P(no purchase in the horizon)
//                   = 1 − P(alive) · (1 − ((α + T)/(α + T + h))^(r + x)) (posterior purchase rate while alive).
import {
  fitBgNbd,
  groupSummaries,
  probabilityAlive,
  summarise,
  type BgNbdParams,
  type Transaction
} from "../../lib/clv/index.js";
import {trainLogistic} from "../../lib/ml/logistic.js";
import {dayNumber} from "../../lib/num.js";
import {predictProbabilityBatch} from "../../lib/ml/score.js";
import {isChurned} from "../../lib/seed-churn-rule.js";
import type {Row, Warehouse} from "../warehouse/warehouse.js";
import {sql} from "../sql.js";
import type {Snapshot} from "./snapshot.js";

const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));

/** The seed rule's status of a feature row (the rule reads orders, average gap and recency). */
export function seedRuleChurned(row: Row): boolean {
  const orders = num(row.frequency);
  return isChurned({
    orders,
    avgGapDays: orders > 1 ? num(row.avg_gap_days) : null,
    daysSinceLastPurchase: num(row.recency_days)
  });
}

export function recencyBaseline(train: Snapshot, evaluation: Snapshot): Float64Array {
  const column = (s: Snapshot) => ({
    nRows: s.rows.length,
    columns: [Float64Array.from(s.rows, (r) => num(r.recency_days))]
  });
  const {model} = trainLogistic(
    {table: column(train), labels: train.labels},
    {lambda: 1e-6},
    {featureNames: ["recency_days"]}
  );
  return predictProbabilityBatch(model, column(evaluation));
}

export function seedRuleBaseline(
  train: Snapshot,
  evaluation: Snapshot
): {probs: Float64Array; rates: {churned: number; active: number}} {
  const counts = {churned: [0, 0], active: [0, 0]};
  train.rows.forEach((row, i) => counts[seedRuleChurned(row) ? "churned" : "active"][train.labels[i]!]!++);
  const rate = ([stay, churn]: number[]) => (stay! + churn! > 0 ? churn! / (stay! + churn!) : 0.5);
  const rates = {churned: rate(counts.churned), active: rate(counts.active)};
  return {
    probs: Float64Array.from(evaluation.rows, (row) => (seedRuleChurned(row) ? rates.churned : rates.active)),
    rates
  };
}

async function transactions(warehouse: Warehouse, cutoff: string): Promise<Transaction[]> {
  const rows = await warehouse.query<{customer_unique_id: string; day: number; amount: number | null}>(
    sql("churn/transactions"),
    {cutoff}
  );
  return rows.map((r) => ({id: r.customer_unique_id, day: r.day, amount: r.amount ?? 0}));
}

/** P(no purchase in (T, T + h]) under BG/NBD; h and T in the params' unit. */
export function bgnbdChurnProbability(params: BgNbdParams, x: number, tx: number, T: number, h: number): number {
  const alive = probabilityAlive(params, x, tx, T);
  const noPurchaseIfAlive = Math.exp((params.r + x) * Math.log((params.alpha + T) / (params.alpha + T + h)));
  return 1 - alive * (1 - noPurchaseIfAlive);
}

export async function bgnbdBaseline(
  warehouse: Warehouse,
  train: Snapshot,
  evaluation: Snapshot,
  horizonDays: number
): Promise<{probs: Float64Array; params: BgNbdParams}> {
  const unitDays = 7;
  // The observation ends at the end of the cutoff day, so a first purchase on the cutoff day has T > 0.
  const fitRows = summarise(await transactions(warehouse, train.cutoff), {
    observationEnd: dayNumber(train.cutoff) + 1,
    unitDays
  });
  const {params} = fitBgNbd(groupSummaries(fitRows), {maxIter: 1000});
  const evalRows = summarise(await transactions(warehouse, evaluation.cutoff), {
    observationEnd: dayNumber(evaluation.cutoff) + 1,
    unitDays
  });
  const byId = new Map(evalRows.map((s) => [s.id, s]));
  const probs = Float64Array.from(evaluation.rows, (row) => {
    const s = byId.get(row.customer_unique_id as string);
    if (!s) throw new Error(`BG/NBD baseline: no purchases for ${String(row.customer_unique_id)}`);
    return bgnbdChurnProbability(params, s.x, s.tx, s.T, horizonDays / unitDays);
  });
  return {probs, params};
}
