// Intervals for the lift of B over A (one row per method), with zero marked: an interval that crosses zero has
// not shown a difference.
import * as Plot from "@observablehq/plot";

export interface IntervalRow {
  method: string;
  estimate: number;
  lower: number;
  upper: number;
}

export function intervalChart(
  rows: IntervalRow[],
  {width, xLabel, format}: {width: number; xLabel: string; format: (v: number) => string}
): SVGSVGElement | HTMLElement {
  const finite = rows.filter((r) => Number.isFinite(r.lower) && Number.isFinite(r.upper));
  return Plot.plot({
    width,
    height: 50 + 36 * rows.length,
    marginLeft: 150,
    x: {label: xLabel, tickFormat: format, grid: true},
    y: {label: null, domain: rows.map((r) => r.method)},
    marks: [
      Plot.ruleX([0], {stroke: "var(--theme-foreground-muted)"}),
      Plot.ruleY(finite, {
        y: "method",
        x1: "lower",
        x2: "upper",
        stroke: "var(--theme-foreground-focus, #3b5fc0)",
        strokeWidth: 3
      }),
      Plot.dot(rows, {
        y: "method",
        x: "estimate",
        r: 5,
        fill: "var(--theme-foreground-focus, #3b5fc0)",
        tip: true,
        title: (r: IntervalRow) => `${r.method}: ${format(r.estimate)} (${format(r.lower)} to ${format(r.upper)})`
      })
    ]
  });
}
