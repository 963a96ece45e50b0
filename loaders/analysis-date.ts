// Which date is "today" for recency, churn and cohorts, and why. ANALYSIS_DATE overrides; by default it is the
// last purchase date that is neither after today's date nor after the last dense month (sql/analysis-date.sql),
// so a few stray rows (an order dated 2030, a sparse tail of test orders) cannot move every recency by years.
import type {LatePurchases} from "../lib/contracts/data-quality.js";
import {analysisDateOverride} from "./config.js";
import {sql} from "./sql.js";
import type {Warehouse} from "./warehouse/warehouse.js";

export interface AnalysisDateChoice {
  analysis_date: string;
  /** Why that date, in words (the overview banner and the data-quality page show it). */
  analysis_date_rule: string;
  /** The purchases the default date ignores; counted whether or not ANALYSIS_DATE is set. */
  late_purchases: LatePurchases;
}

/** Today's date (UTC): a purchase after it cannot be real. Only data with such purchases is affected by the clock. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function chooseAnalysisDate(warehouse: Warehouse, today = todayUtc()): Promise<AnalysisDateChoice> {
  const [row] = await warehouse.query<{
    first_purchase: string | null;
    last_purchase: string | null;
    chosen: string | null;
    last_dense_month: string | null;
    dense_end: string | null;
    after_today: number;
    after_last_dense_month: number;
  }>(sql("analysis-date"), {today});
  if (!row.first_purchase) throw new Error("The orders table has no rows that could be read: see the rejects");
  if (!row.chosen) throw new Error(`Every purchase in the data is after today's date (${today}): set ANALYSIS_DATE`);
  const examples = await warehouse.query<LatePurchases["examples"][number]>(sql("late-purchases"), {
    today,
    dense_end: row.dense_end ?? "9999-12-31"
  });
  const late_purchases = {
    last_dense_month: row.last_dense_month,
    after_today: row.after_today,
    after_last_dense_month: row.after_last_dense_month,
    examples
  };
  const override = analysisDateOverride();
  if (override) {
    if (override < row.first_purchase) {
      throw new Error(`ANALYSIS_DATE=${override} is before the first purchase in the data (${row.first_purchase})`);
    }
    return {analysis_date: override, analysis_date_rule: "set by ANALYSIS_DATE", late_purchases};
  }
  const ignored = [
    row.after_last_dense_month
      ? `${plural(row.after_last_dense_month, "purchase")} after ${row.last_dense_month}, the last dense month`
      : "",
    row.after_today ? `${plural(row.after_today, "purchase")} dated after today` : ""
  ].filter(Boolean);
  const analysis_date_rule = ignored.length
    ? `the last purchase date, ignoring ${ignored.join(" and ")}`
    : "the last purchase date in the data";
  return {analysis_date: row.chosen, analysis_date_rule, late_purchases};
}
