// One customer's P(alive) over time (lifetimes' plot_history_alive): the line falls while the customer is silent and
// jumps at each purchase (dots); computed in the page from the fitted parameters and the purchase days.
import * as Plot from "@observablehq/plot";
import type {HistoryPoint} from "../lib/clv/history.js";
import {dateOfDay} from "../lib/num.js";
import type {ChartOptions} from "./chart-options.js";

export function clvHistory(
  points: readonly HistoryPoint[],
  {width, document, purchaseDays}: ChartOptions & {purchaseDays: readonly number[]}
): SVGSVGElement | HTMLElement {
  const at = (day: number) => new Date(`${dateOfDay(day)}T00:00:00Z`);
  const rows = points.map((p) => ({date: at(p.day), pAlive: p.pAlive}));
  return Plot.plot({
    document,
    width,
    height: 220,
    x: {type: "utc", label: null},
    y: {label: "↑ P(alive)", domain: [0, 1], grid: true, tickFormat: ".0%"},
    marks: [
      Plot.lineY(rows, {x: "date", y: "pAlive", curve: "step-after", tip: true}),
      Plot.ruleX(purchaseDays.map(at), {stroke: "var(--theme-foreground-muted)", strokeDasharray: "2,3"}),
      Plot.dot(
        points.filter((p) => p.purchase).map((p) => ({date: at(p.day), pAlive: p.pAlive})),
        {x: "date", y: "pAlive", fill: "currentColor", r: 3}
      ),
      Plot.ruleY([0])
    ]
  });
}
