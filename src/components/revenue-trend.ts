// Monthly payments (bars) with the order count as a line on its own scale.
import * as Plot from "@observablehq/plot";
import type {ChartOptions} from "./chart-options.js";

export interface MonthRow {
  month: string; // YYYY-MM
  orders: number;
  revenue: number;
}

/** `revenueLabel` names the bars: payments on the overview, item revenue where payments cannot be split (categories). */
export function revenueTrend(
  monthly: MonthRow[],
  {width, document, revenueLabel = "Payments (R$)"}: ChartOptions & {revenueLabel?: string}
): SVGSVGElement | HTMLElement {
  const data = monthly.map((d) => ({...d, date: new Date(`${d.month}-01T00:00:00Z`)}));
  const maxRevenue = Math.max(1, ...data.map((d) => d.revenue));
  const maxOrders = Math.max(1, ...data.map((d) => d.orders));
  const scale = maxRevenue / maxOrders; // draws orders on the revenue axis
  return Plot.plot({
    document,
    width,
    height: 300,
    marginLeft: 60,
    x: {type: "utc", label: null},
    y: {grid: true, label: revenueLabel, tickFormat: "~s"},
    marks: [
      Plot.rectY(data, {
        x: "date",
        interval: "month",
        y: "revenue",
        fill: "var(--theme-foreground-focus, #3b5fc0)",
        fillOpacity: 0.6,
        tip: true,
        title: (d) =>
          `${d.month}\nR$${Math.round(d.revenue).toLocaleString("en-US")}\n${d.orders.toLocaleString("en-US")} orders`
      }),
      Plot.lineY(data, {
        x: (d) => new Date(d.date.getTime() + 14 * 864e5),
        y: (d) => d.orders * scale,
        stroke: "currentColor",
        curve: "monotone-x"
      }),
      // An explicit axis replaces the default one: both sides are drawn here.
      Plot.axisY({anchor: "left", label: revenueLabel, tickFormat: "~s"}),
      Plot.axisY({
        anchor: "right",
        label: "Orders",
        tickFormat: (v: number) => Math.round(v / scale).toLocaleString("en-US")
      }),
      Plot.ruleY([0])
    ]
  });
}
