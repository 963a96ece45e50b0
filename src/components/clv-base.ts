// The base's expected revenue per month over the chosen horizon, with the 90% band from parameter draws.
import * as Plot from "@observablehq/plot";
import {money} from "../lib/format.js";
import type {ChartOptions} from "./chart-options.js";

export interface MonthRow {
  month: number;
  value: number;
  lo: number | null;
  hi: number | null;
}

export function clvBase(rows: readonly MonthRow[], {width, document}: ChartOptions): SVGSVGElement | HTMLElement {
  const band = rows.filter((r) => r.lo !== null);
  return Plot.plot({
    document,
    width,
    height: 240,
    x: {label: "Month from the analysis date →", tickFormat: "d"},
    y: {label: "↑ Expected revenue (R$, discounted)", grid: true, tickFormat: "~s", zero: true},
    marks: [
      Plot.areaY(band, {
        x: "month",
        y1: "lo",
        y2: "hi",
        fill: "var(--theme-foreground-focus, #3b5fc0)",
        fillOpacity: 0.15
      }),
      Plot.lineY(rows, {
        x: "month",
        y: "value",
        stroke: "var(--theme-foreground-focus, #3b5fc0)",
        marker: "circle",
        tip: true,
        title: (r: MonthRow) =>
          `month ${r.month}: ${money(r.value)}${r.lo === null ? "" : ` (${money(r.lo)}–${money(r.hi!)})`}`
      }),
      Plot.ruleY([0])
    ]
  });
}
