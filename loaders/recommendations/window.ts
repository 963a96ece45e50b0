// The recommenders' dates. The evaluation trains on baskets up to a cutoff T and tests on each returning
// person's next basket in (T, L], so the test window must be fully observed: L is the churn model's last
// reliable date (the analysis date, or the end of the last month that is not sparse; same query), and
// T = L − 180 days, the churn model's evaluation cutoff too. Why 180 days: repeat purchases are rare (about
// 3% of people) and the median gap is a month with a long tail, so a shorter window loses test people (at
// synthetic scale 1: 302 at 60 days, 443 at 120, 522 at 180, and fewer again at 240 as training shrinks).
// The published lists are trained on everything up to the analysis date; "recent" popularity ends at L so
// that a sparse tail after it never decides what is popular now.
import {sql} from "../sql.js";
import {addDays} from "../churn/window.js";
import type {Warehouse} from "../warehouse/warehouse.js";

export const TEST_DAYS = 180;

export interface RecsWindow {
  analysisDate: string;
  firstPurchase: string;
  /** L: the last day whose purchases are reliably complete. */
  lastReliableDate: string;
  /** T: the evaluation's training data end here (inclusive). */
  cutoff: string;
  testDays: number;
}

export const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
export const dateOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export async function recsWindow(warehouse: Warehouse): Promise<RecsWindow> {
  const analysisDate = await warehouse.analysisDate();
  const [r] = await warehouse.query<{last_reliable: string; first_purchase: string}>(sql("churn/last-reliable-date"), {
    analysis_date: analysisDate
  });
  const cutoff = addDays(r.last_reliable, -TEST_DAYS);
  if (cutoff <= r.first_purchase) {
    throw new Error(
      `recommendations: the data run from ${r.first_purchase} to ${r.last_reliable}, too short to train before a ` +
        `${TEST_DAYS}-day test window (cutoff ${cutoff})`
    );
  }
  return {
    analysisDate,
    firstPurchase: r.first_purchase,
    lastReliableDate: r.last_reliable,
    cutoff,
    testDays: TEST_DAYS
  };
}
