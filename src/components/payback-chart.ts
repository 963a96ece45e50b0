// Payback: gross margin earned per customer to date (margin × cumulative revenue, the first order included)
// against the acquisition cost per customer, with the month where the line first reaches it.
import * as Plot from "@observablehq/plot";
import type {PaybackInputs, PooledMonth} from "../lib/cohorts.js";
import {money} from "../lib/format.js";

export function paybackChart(
  pooled: PooledMonth[],
  inputs: PaybackInputs,
  payback: number | null,
  {width}: {width: number}
): HTMLElement | SVGSVGElement {
  const data = pooled.map((p) => ({k: p.month_offset, margin: inputs.grossMargin * p.cumulative_revenue_per_customer}));
  const reached = data.find((d) => d.k === payback);
  // The margin curve is nearly flat when few customers come back: frame it and the cost line closely rather than
  // from zero, and say so on the axis.
  const values = [inputs.acquisitionCost, ...data.map((d) => d.margin)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max(1, (high - low) * 0.25);
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 56,
    x: {label: "Months since first purchase →", ticks: 12, tickFormat: "d"},
    y: {
      label: "↑ Gross margin per customer to date (R$, axis not from 0)",
      grid: true,
      domain: [Math.max(0, low - pad), high + pad]
    },
    marks: [
      Plot.lineY(data, {
        x: "k",
        y: "margin",
        stroke: "var(--theme-foreground-focus, #3b5fc0)",
        strokeWidth: 2.5,
        tip: true,
        title: (d: {k: number; margin: number}) => `Month ${d.k}: ${money(d.margin, {cents: true})} margin per customer`
      }),
      Plot.ruleY([inputs.acquisitionCost], {stroke: "#d08c00", strokeWidth: 2, strokeDasharray: "5,3"}),
      Plot.text([inputs.acquisitionCost], {
        y: (d: number) => d,
        frameAnchor: "right",
        dy: -8,
        fill: "#d08c00",
        text: (d: number) => `acquisition cost ${money(d, {cents: true})}`
      }),
      Plot.dot(data, {x: "k", y: "margin", r: 2.5, fill: "var(--theme-foreground-focus, #3b5fc0)"}),
      reached
        ? Plot.dot([reached], {x: "k", y: "margin", r: 7, stroke: "#d08c00", strokeWidth: 2.5, fill: "none"})
        : null
    ]
  });
}
