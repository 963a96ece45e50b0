// The seed churn rule (lib/seed-churn-rule.ts) applied to everyone as of one or more dates, in one pass over the
// orders: the headline churn figures as of the analysis date, and the month-end figures the KPI cards compare.
// The warehouse returns the rule's inputs counted per distinct value (loaders/sql/seed-churn-as-of.sql), so
// nothing here grows with the number of people.
import {
  churnGroup,
  FREQUENT_GAP_DAYS,
  isChurned,
  SEED_CHURN_RULE,
  type ChurnSummaryRow
} from "../lib/seed-churn-rule.js";
import {sql} from "./sql.js";
import type {Warehouse} from "./warehouse/warehouse.js";
import {listValue} from "@duckdb/node-api";

export interface SeedChurnStatus {
  /** People and churned people per group of the rule. */
  churn: ChurnSummaryRow[];
  /** People with a valid order by the date, and those with two or more. */
  buyers: number;
  repeat_buyers: number;
  churned: number;
}

interface InputCount {
  as_of: string;
  orders: number;
  avg_gap_days: number | null;
  days_since_last_purchase: number;
  people: number;
}

const thresholds = [FREQUENT_GAP_DAYS, ...SEED_CHURN_RULE.map((r) => r.churnAfterDays)];
if (!thresholds.every(Number.isInteger)) throw new Error("the seed churn rule's thresholds must be whole days");

/** The rule's status as of each date (YYYY-MM-DD), keyed by date. */
export async function seedChurnAsOf(warehouse: Warehouse, dates: string[]): Promise<Map<string, SeedChurnStatus>> {
  const status = new Map<string, SeedChurnStatus>(
    dates.map((date) => [
      date,
      {
        churn: SEED_CHURN_RULE.map((rule) => ({...rule, customers: 0, churned: 0})),
        buyers: 0,
        repeat_buyers: 0,
        churned: 0
      }
    ])
  );
  if (dates.length === 0) return status;
  const rows = await warehouse.query<InputCount>(sql("seed-churn-as-of"), {
    as_of: listValue([...new Set(dates)]),
    gap_cap: FREQUENT_GAP_DAYS,
    days_cap: Math.max(...SEED_CHURN_RULE.map((r) => r.churnAfterDays)) + 1
  });
  for (const row of rows) {
    const s = status.get(row.as_of)!;
    const history = {
      orders: row.orders,
      avgGapDays: row.avg_gap_days,
      daysSinceLastPurchase: row.days_since_last_purchase
    };
    const group = s.churn.find((g) => g.group === churnGroup(history))!;
    const churned = isChurned(history);
    group.customers += row.people;
    s.buyers += row.people;
    if (row.orders > 1) s.repeat_buyers += row.people;
    if (churned) {
      group.churned += row.people;
      s.churned += row.people;
    }
  }
  return status;
}
