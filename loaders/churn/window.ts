// The churn model's dates. Label at a cutoff T: no valid order in the next H days, (T, T + H]. To evaluate
// honestly the labels must be fully observed, so T + H may not pass the last reliable purchase date:
//   last reliable  L = the analysis date, or the end of the last non-sparse month before it (see the SQL)
//   evaluation     T = L − H   (features up to T, labels observed up to L)
//   training   T − H          (features up to T − H, labels observed up to T: no overlap with evaluation labels)
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";

export const DEFAULT_HORIZON_DAYS = 180;

export interface ChurnWindow {
  horizonDays: number;
  analysisDate: string;
  firstPurchase: string;
  lastReliableDate: string;
  lastDenseMonth: string;
  /** T − H: features of the training snapshot. */
  trainingCutoff: string;
  /** T: features of the evaluation snapshot; also the end of the training labels. */
  evaluationCutoff: string;
}

/** CHURN_HORIZON_DAYS (whole days, 30…730), default 180. */
export function horizonDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CHURN_HORIZON_DAYS;
  if (raw === undefined || raw === "") return DEFAULT_HORIZON_DAYS;
  const h = Number(raw);
  if (!Number.isInteger(h) || h < 30 || h > 730)
    throw new Error(`CHURN_HORIZON_DAYS=${raw}: expected whole days from 30 to 730`);
  return h;
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export async function churnWindow(warehouse: Warehouse, horizon = horizonDays()): Promise<ChurnWindow> {
  const analysisDate = await warehouse.analysisDate();
  const [r] = await warehouse.query<{last_reliable: string; last_dense_month: string; first_purchase: string}>(
    sql("churn/last-reliable-date"),
    {
      analysis_date: analysisDate
    }
  );
  const evaluationCutoff = addDays(r.last_reliable, -horizon);
  const trainingCutoff = addDays(evaluationCutoff, -horizon);
  if (trainingCutoff < r.first_purchase) {
    throw new Error(
      `churn model: the data run from ${r.first_purchase} to ${r.last_reliable}, too short for two ${horizon}-day windows ` +
        `(training cutoff ${trainingCutoff}); set a shorter CHURN_HORIZON_DAYS`
    );
  }
  return {
    horizonDays: horizon,
    analysisDate,
    firstPurchase: r.first_purchase,
    lastReliableDate: r.last_reliable,
    lastDenseMonth: r.last_dense_month,
    trainingCutoff,
    evaluationCutoff
  };
}
