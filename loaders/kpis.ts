// The public KPI contract (src/data/kpis.json): every field is documented in the README.
import {summariseChurn, type PurchaseHistory} from "../lib/seed-churn-rule.js";
import {analysisDateOverride} from "./config.js";
import {sql} from "./sql.js";
import type {Warehouse} from "./warehouse/warehouse.js";

export interface Kpis {
  data_source: string;
  analysis_date: string;
  analysis_date_rule: string;
  first_purchase: string;
  last_purchase: string;
  currency: "BRL";
  customers: number;
  orders: number;
  orders_delivered: number;
  revenue_payments: number;
  revenue_items: number;
  aov: number;
  repeat_customer_rate: number;
  avg_revenue_per_customer: number;
  churn_rate: number;
  active_customers: number;
  churned_customers: number;
  fingerprint: string;
}

interface Totals {
  first_purchase: string;
  last_purchase: string;
  customers: number;
  orders: number;
  orders_delivered: number;
  orders_paid: number;
  revenue_payments: number;
  revenue_items: number;
  buyers: number;
  repeat_buyers: number;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

export async function purchaseHistories(warehouse: Warehouse, analysisDate: string): Promise<PurchaseHistory[]> {
  const rows = await warehouse.query<{orders: number; avg_gap_days: number | null; days_since_last_purchase: number}>(
    sql("purchase-histories"),
    {analysis_date: analysisDate}
  );
  return rows.map((r) => ({
    orders: r.orders,
    avgGapDays: r.avg_gap_days,
    daysSinceLastPurchase: r.days_since_last_purchase
  }));
}

export async function kpis(warehouse: Warehouse): Promise<Kpis> {
  const analysisDate = await warehouse.analysisDate();
  const [t] = await warehouse.query<Totals>(sql("kpis"), {analysis_date: analysisDate});
  const churn = summariseChurn(await purchaseHistories(warehouse, analysisDate));
  const people = churn.reduce((sum, row) => sum + row.customers, 0);
  const churned = churn.reduce((sum, row) => sum + row.churned, 0);
  return {
    data_source: warehouse.source.name,
    analysis_date: analysisDate,
    analysis_date_rule: analysisDateOverride() ? "set by ANALYSIS_DATE" : "the last purchase date in the data",
    first_purchase: t.first_purchase,
    last_purchase: t.last_purchase,
    currency: "BRL",
    customers: t.customers,
    orders: t.orders,
    orders_delivered: t.orders_delivered,
    revenue_payments: round(t.revenue_payments ?? 0, 2),
    revenue_items: round(t.revenue_items ?? 0, 2),
    aov: round(ratio(t.revenue_payments, t.orders_paid), 2),
    repeat_customer_rate: round(ratio(t.repeat_buyers, t.buyers), 6),
    avg_revenue_per_customer: round(ratio(t.revenue_payments, t.customers), 2),
    churn_rate: round(ratio(churned, people), 6),
    active_customers: people - churned,
    churned_customers: churned,
    fingerprint: warehouse.fingerprint
  };
}
