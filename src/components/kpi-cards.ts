// The headline KPI cards. Values come from kpis.json; each card carries data-kpi (the field name) so that
// tests and embeds can find it. Built with DOM text nodes only: no data is ever parsed as HTML.
import {count, money, percent} from "../lib/format.js";

export interface KpiCardData {
  customers: number;
  orders: number;
  revenue_payments: number;
  aov: number;
  repeat_customer_rate: number;
  avg_revenue_per_customer: number;
  churn_rate: number;
  active_customers: number;
}

export const KPI_CARDS: {field: keyof KpiCardData; label: string; format: (v: number) => string; note: string}[] = [
  {field: "revenue_payments", label: "Revenue", format: (v) => money(v, {short: true}), note: "sum of all payments"},
  {field: "orders", label: "Orders", format: count, note: "all statuses"},
  {field: "customers", label: "Customers", format: count, note: "distinct people"},
  {field: "aov", label: "Average order value", format: (v) => money(v, {cents: true}), note: "payments per paid order"},
  {field: "repeat_customer_rate", label: "Repeat customers", format: percent, note: "people with 2+ orders"},
  {field: "avg_revenue_per_customer", label: "Revenue per customer", format: (v) => money(v, {cents: true}), note: "to date"},
  {field: "churn_rate", label: "Churned (seed rule)", format: percent, note: "see the churn status below"},
  {field: "active_customers", label: "Active customers", format: count, note: "not churned by the seed rule"}
];

export function kpiCards(kpis: KpiCardData): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4 kpi-cards";
  for (const card of KPI_CARDS) {
    const div = grid.appendChild(document.createElement("div"));
    div.className = "card";
    div.dataset.kpi = card.field;
    const title = div.appendChild(document.createElement("h2"));
    title.textContent = card.label;
    const value = div.appendChild(document.createElement("div"));
    value.className = "kpi-value";
    value.textContent = card.format(kpis[card.field]);
    const note = div.appendChild(document.createElement("div"));
    note.className = "kpi-note";
    note.textContent = card.note;
  }
  return grid;
}
