// The public KPI contract (src/data/kpis.json, types in lib/contracts/kpis.ts): the headline figures as of the
// analysis date, each card's change between the last complete months and the months before / a year earlier, and
// the overview's "what changed" sentences. Every field is documented in the README.
import {KPI_CARDS, type KpiCardField, type Kpis} from "../lib/contracts/kpis.js";
import {kpiChanges} from "../lib/kpi-change.js";
import {ratio, round} from "../lib/num.js";
import {whatChanged} from "../lib/what-changed.js";
import {asOfDate, kpiComparison, monthEnds, periodParams} from "./comparison.js";
import {seedChurnAsOf} from "./seed-churn.js";
import {sql} from "./sql.js";
import type {Warehouse} from "./warehouse/warehouse.js";

export type {Kpis} from "../lib/contracts/kpis.js";

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

interface PeriodTotals {
  period: string;
  orders: number;
  orders_paid: number;
  revenue_payments: number;
  customers: number;
}

/** The figure of a nullable share or average, rounded; null for an empty denominator (pages show "–"). */
const share = (part: number, whole: number, digits: number) => {
  const r = ratio(part, whole);
  return r === null ? null : round(r, digits);
};

/** The cards' changes and the sentences: figures over each period's orders, or as of its last day. */
async function kpiChangesOf(warehouse: Warehouse, analysisDate: string) {
  const {comparison} = await kpiComparison(warehouse, analysisDate);
  const periods = new Map(
    (
      await warehouse.query<PeriodTotals>(sql("kpi-periods"), {
        analysis_date: analysisDate,
        ...periodParams(comparison, comparison.sparkline_months)
      })
    ).map((p) => [p.period, p])
  );
  const status = await seedChurnAsOf(warehouse, monthEnds(comparison));
  const value = (period: string, field: KpiCardField): number | null => {
    const p = periods.get(period) ?? {orders: 0, orders_paid: 0, revenue_payments: 0, customers: 0};
    const date = asOfDate(comparison, period);
    const s = date ? status.get(date) : undefined;
    switch (field) {
      case "revenue_payments":
        return p.revenue_payments;
      case "orders":
        return p.orders;
      case "customers":
        return p.customers;
      case "aov":
        return ratio(p.revenue_payments, p.orders_paid);
      case "avg_revenue_per_customer":
        return ratio(p.revenue_payments, p.customers);
      case "repeat_customer_rate":
        return s ? ratio(s.repeat_buyers, s.buyers) : null;
      case "churn_rate":
        return s ? ratio(s.churned, s.buyers) : null;
      case "active_customers":
        return s ? s.buyers - s.churned : null;
    }
  };
  const changes = kpiChanges(KPI_CARDS, comparison, {value, orders: (period) => periods.get(period)?.orders ?? 0});
  const what_changed = whatChanged({
    cards: KPI_CARDS,
    changes,
    comparison,
    headline: ["revenue_payments", "orders", "customers"]
  });
  return {comparison, changes, what_changed};
}

export async function kpis(warehouse: Warehouse): Promise<Kpis> {
  const {analysis_date: analysisDate, analysis_date_rule} = await warehouse.analysisDateChoice();
  const [t] = await warehouse.query<Totals>(sql("kpis"), {analysis_date: analysisDate});
  const churn = (await seedChurnAsOf(warehouse, [analysisDate])).get(analysisDate)!;
  return {
    data_source: warehouse.source.name,
    analysis_date: analysisDate,
    analysis_date_rule,
    first_purchase: t.first_purchase,
    last_purchase: t.last_purchase,
    currency: "BRL",
    customers: t.customers,
    orders: t.orders,
    orders_delivered: t.orders_delivered,
    revenue_payments: round(t.revenue_payments ?? 0, 2),
    revenue_items: round(t.revenue_items ?? 0, 2),
    aov: share(t.revenue_payments ?? 0, t.orders_paid, 2),
    repeat_customer_rate: share(t.repeat_buyers, t.buyers, 6),
    avg_revenue_per_customer: share(t.revenue_payments ?? 0, t.customers, 2),
    churn_rate: share(churn.churned, churn.buyers, 6),
    active_customers: churn.buyers - churn.churned,
    churned_customers: churn.churned,
    fingerprint: warehouse.fingerprint,
    ...(await kpiChangesOf(warehouse, analysisDate))
  };
}
