// The headline KPI cards. Values come from kpis.json; each card carries data-kpi (the field name) so that
// tests and embeds can find it. Built with DOM text nodes only: no data is ever parsed as HTML.
import {count, money, percent} from "../lib/format.js";
import type {ChartOptions} from "./chart-options.js";

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
  {
    field: "avg_revenue_per_customer",
    label: "Revenue per customer",
    format: (v) => money(v, {cents: true}),
    note: "to date"
  },
  {field: "churn_rate", label: "Churned (seed rule)", format: percent, note: "seed rule: 180/365/540 days"},
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

/** The same cards drawn as one SVG (for the standalone chart files): four columns, text only. */
export function kpiCardsSvg(kpis: KpiCardData, {width, document = globalThis.document}: ChartOptions): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const columns = 4;
  const gap = 10;
  const cardWidth = (width - gap * (columns - 1)) / columns;
  const cardHeight = 84;
  const rows = Math.ceil(KPI_CARDS.length / columns);
  const svg = document.createElementNS(ns, "svg") as SVGSVGElement;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(rows * (cardHeight + gap)));
  KPI_CARDS.forEach((card, i) => {
    const g = svg.appendChild(document.createElementNS(ns, "g"));
    g.setAttribute(
      "transform",
      `translate(${(i % columns) * (cardWidth + gap)},${Math.floor(i / columns) * (cardHeight + gap)})`
    );
    g.setAttribute("data-kpi", card.field);
    const box = g.appendChild(document.createElementNS(ns, "rect"));
    for (const [k, v] of Object.entries({
      width: cardWidth,
      height: cardHeight,
      rx: 6,
      fill: "var(--theme-background-alt, #f4f4f5)",
      stroke: "#d0d0d0"
    }))
      box.setAttribute(k, String(v));
    const text = (content: string, y: number, size: number, weight = "normal") => {
      const t = g.appendChild(document.createElementNS(ns, "text"));
      for (const [k, v] of Object.entries({x: 12, y, "font-size": size, "font-weight": weight, fill: "currentColor"}))
        t.setAttribute(k, String(v));
      t.textContent = content;
    };
    text(card.label, 22, 12);
    text(card.format(kpis[card.field]), 52, 22, "bold");
    text(card.note, 72, 10);
  });
  return svg;
}
