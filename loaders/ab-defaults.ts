// Data-driven defaults for the A/B testing page (src/ab-testing.md): the baseline of a retention test (share of
// first-time buyers who buy again within REPEAT_WINDOW_DAYS), the average order value and its spread, and the
// daily number of new customers and orders in the last full TRAFFIC_DAYS days. Definitions: loaders/sql/ab-defaults.sql.
import {round} from "../lib/num.js";
import {sql} from "./sql.js";
import type {Warehouse} from "./warehouse/warehouse.js";

export const REPEAT_WINDOW_DAYS = 90;
export const TRAFFIC_DAYS = 56; // the last full 8 weeks before the analysis date

export interface AbDefaults {
  analysis_date: string;
  repeat: {
    window_days: number;
    /** First-time buyers whose first order is on or before this date have a fully observed window. */
    cohort_until: string;
    first_time_buyers: number;
    repeat_buyers: number;
    /** repeat_buyers / first_time_buyers, or null when no buyer has a full window yet. */
    rate: number | null;
  };
  order_value: {paid_orders: number; mean: number | null; sd: number | null};
  traffic: {
    days: number;
    from: string;
    to: string;
    new_customers: number;
    new_customers_per_day: number;
    orders: number;
    orders_per_day: number;
  };
}

interface Row {
  cohort_until: string;
  first_time_buyers: number;
  repeat_buyers: number;
  paid_orders: number;
  order_value_mean: number | null;
  order_value_sd: number | null;
  traffic_from: string;
  traffic_to: string;
  new_customers: number;
  orders: number;
}

const roundOrNull = (value: number | null, digits: number) => (value === null ? null : round(value, digits));

export async function abDefaults(warehouse: Warehouse): Promise<AbDefaults> {
  const analysis_date = await warehouse.analysisDate();
  const [r] = await warehouse.query<Row>(sql("ab-defaults"), {
    analysis_date,
    window_days: REPEAT_WINDOW_DAYS,
    traffic_days: TRAFFIC_DAYS
  });
  return {
    analysis_date,
    repeat: {
      window_days: REPEAT_WINDOW_DAYS,
      cohort_until: r.cohort_until,
      first_time_buyers: r.first_time_buyers,
      repeat_buyers: r.repeat_buyers,
      rate: r.first_time_buyers > 0 ? roundOrNull(r.repeat_buyers / r.first_time_buyers, 6) : null
    },
    order_value: {
      paid_orders: r.paid_orders,
      mean: roundOrNull(r.order_value_mean, 2),
      sd: roundOrNull(r.order_value_sd, 2)
    },
    traffic: {
      days: TRAFFIC_DAYS,
      from: r.traffic_from,
      to: r.traffic_to,
      new_customers: r.new_customers,
      new_customers_per_day: roundOrNull(r.new_customers / TRAFFIC_DAYS, 3)!,
      orders: r.orders,
      orders_per_day: roundOrNull(r.orders / TRAFFIC_DAYS, 3)!
    }
  };
}
