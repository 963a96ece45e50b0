// The KPI cards of a templated page (a state, a category): the overview's KPIs over the slice's orders. Each card
// carries data-kpi (the field in states.json / categories.json) for tests; text nodes only, never HTML.
import {count, money, percent} from "../lib/format.js";

export interface SliceKpiData {
  customers: number;
  orders: number;
  revenue: number;
  aov: number;
  repeat_customer_rate: number;
  on_time_rate: number | null;
  review_score: number | null;
}

export type RevenueBasis = "payments" | "items";

export interface SliceCard {
  field: keyof SliceKpiData;
  label: string;
  format: (v: number) => string;
  note: string;
  /** Shown instead of a value when the field is null. */
  none?: string;
}

/** The cards, worded for what `revenue` sums: an order's payments, or the category's item prices. */
export function sliceCards(basis: RevenueBasis): SliceCard[] {
  const items = basis === "items";
  return [
    {
      field: "revenue",
      label: items ? "Item revenue" : "Revenue",
      format: (v) => money(v, {short: true}),
      note: items ? "prices of its items" : "sum of all payments"
    },
    {field: "orders", label: "Orders", format: count, note: items ? "holding one of its items" : "all statuses"},
    {field: "customers", label: "Customers", format: count, note: "distinct people"},
    {
      field: "aov",
      label: items ? "Item revenue per order" : "Average order value",
      format: (v) => money(v, {cents: true}),
      note: items ? "its items in an order" : "payments per paid order"
    },
    {
      field: "repeat_customer_rate",
      label: "Repeat customers",
      format: percent,
      note: items ? "people with 2+ orders of it" : "people with 2+ orders"
    },
    {
      field: "on_time_rate",
      label: "On-time delivery",
      format: percent,
      note: "delivered by the estimated date",
      none: "no delivered order"
    },
    {
      field: "review_score",
      label: "Review score",
      format: (v) => `${v.toFixed(2)} / 5`,
      note: "mean score of reviewed orders",
      none: "no review"
    }
  ];
}

export function sliceKpiCards(slice: SliceKpiData, basis: RevenueBasis): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4 kpi-cards";
  for (const card of sliceCards(basis)) {
    const value = slice[card.field];
    const div = grid.appendChild(document.createElement("div"));
    div.className = "card";
    div.dataset.kpi = card.field;
    div.appendChild(document.createElement("h2")).textContent = card.label;
    const shown = div.appendChild(document.createElement("div"));
    shown.className = "kpi-value";
    shown.textContent = value == null ? "–" : card.format(value);
    const note = div.appendChild(document.createElement("div"));
    note.className = "kpi-note";
    note.textContent = value == null ? (card.none ?? "") : card.note;
  }
  return grid;
}
