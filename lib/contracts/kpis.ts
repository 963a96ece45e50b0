// The public KPI contract, kpis.json (every field documented in README.md), and the overview's cards: written by
// loaders/kpis.ts, shown by src/components/kpi-cards.ts, the kpi-cards chart files and the PDF report's cover.
import {count, money, percent} from "../format.js";
import type {Comparison, KpiChange} from "./changes.js";
import type {KpiCard} from "./kpi-card.js";

export type KpiCardField =
  | "revenue_payments"
  | "orders"
  | "customers"
  | "aov"
  | "repeat_customer_rate"
  | "avg_revenue_per_customer"
  | "churn_rate"
  | "active_customers";

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
  /** null when no order has a payment row. */
  aov: number | null;
  /** null when nobody has a valid order. */
  repeat_customer_rate: number | null;
  /** null when there is no customer. */
  avg_revenue_per_customer: number | null;
  /** null when nobody has a valid order. */
  churn_rate: number | null;
  active_customers: number;
  churned_customers: number;
  fingerprint: string;
  /** Which months the cards compare, and which are left out. */
  comparison: Comparison;
  /** Each card's change: the last complete months against the months before and a year earlier. */
  changes: Record<KpiCardField, KpiChange>;
  /** The overview's "what changed" paragraph, one sentence per entry. */
  what_changed: string[];
}

const moneyShort = (v: number) => money(v, {short: true});
const moneyCents = (v: number) => money(v, {cents: true});

export const KPI_CARDS: KpiCard<KpiCardField>[] = [
  {
    field: "revenue_payments",
    label: "Revenue",
    noun: "revenue",
    format: moneyShort,
    note: "sum of all payments",
    digits: 2,
    better: "up",
    measure: "relative",
    basis: "months",
    compared: "payments of the orders purchased in those months"
  },
  {
    field: "orders",
    label: "Orders",
    noun: "orders",
    format: count,
    note: "all statuses",
    digits: 0,
    better: "up",
    measure: "relative",
    basis: "months",
    compared: "orders purchased in those months, all statuses"
  },
  {
    field: "customers",
    label: "Customers",
    noun: "customers",
    format: count,
    note: "distinct people",
    digits: 0,
    better: "up",
    measure: "relative",
    basis: "months",
    compared: "distinct people who ordered in those months"
  },
  {
    field: "aov",
    label: "Average order value",
    noun: "the average order value",
    format: moneyCents,
    note: "payments per paid order",
    none: "no paid order",
    digits: 2,
    better: "up",
    measure: "relative",
    basis: "months",
    compared: "payments per paid order, over the orders of those months"
  },
  {
    field: "repeat_customer_rate",
    label: "Repeat customers",
    noun: "the share of repeat customers",
    format: percent,
    note: "people with 2+ orders",
    none: "no valid order",
    digits: 6,
    better: "up",
    measure: "points",
    basis: "month_end",
    compared: "share of people with 2+ valid orders, as of the last day of those months"
  },
  {
    field: "avg_revenue_per_customer",
    label: "Revenue per customer",
    noun: "revenue per customer",
    format: moneyCents,
    note: "to date",
    none: "no customer",
    digits: 2,
    better: "up",
    measure: "relative",
    basis: "months",
    compared: "payments per person who ordered in those months"
  },
  {
    field: "churn_rate",
    label: "Churned (seed rule)",
    noun: "the churned share (seed rule)",
    format: percent,
    note: "seed rule: 180/365/540 days",
    none: "no valid order",
    digits: 6,
    better: "down",
    measure: "points",
    basis: "month_end",
    compared: "share of buyers churned by the seed rule, as of the last day of those months"
  },
  {
    field: "active_customers",
    label: "Active customers",
    noun: "active customers",
    format: count,
    note: "not churned by the seed rule",
    digits: 0,
    better: "up",
    measure: "relative",
    basis: "month_end",
    compared: "buyers not churned by the seed rule, as of the last day of those months"
  }
];
