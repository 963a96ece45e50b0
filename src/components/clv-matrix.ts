// A frequency × recency matrix (lifetimes' plot_probability_alive_matrix and plot_frequency_recency_matrix): one cell
// per number of repeat purchases x (rows) and weeks from the first to the last purchase t_x (columns), for a
// customer of the oldest age; impossible cells (t_x > 0 with x = 0) are left empty.
import * as Plot from "@observablehq/plot";
import type {ChartOptions} from "./chart-options.js";

export function clvMatrix(
  matrix: readonly (readonly (number | null)[])[],
  recencyWeeks: readonly number[],
  {width, document, label, percent: asPercent}: ChartOptions & {label: string; percent: boolean}
): SVGSVGElement | HTMLElement {
  const cells = matrix.flatMap((row, x) =>
    row.flatMap((value, j) => (value === null ? [] : [{x: String(x), recency: String(recencyWeeks[j]), value}]))
  );
  return Plot.plot({
    document,
    width,
    height: 40 + 24 * matrix.length,
    marginLeft: 40,
    x: {
      label: "Weeks from first to last purchase (t_x) →",
      type: "band",
      tickFormat: (d: string, i: number) => (i % 3 === 0 ? d : "")
    },
    y: {label: "↑ Repeat purchases (x)", type: "band", reverse: true},
    color: {type: "linear", scheme: "blues", legend: true, label, tickFormat: asPercent ? ".0%" : "~g"},
    marks: [
      Plot.cell(cells, {
        x: "recency",
        y: "x",
        fill: "value",
        inset: 0.5,
        tip: true,
        title: (d: {x: string; recency: string; value: number}) =>
          `x = ${d.x}, t_x = ${d.recency} weeks: ${asPercent ? `${(d.value * 100).toFixed(1)}%` : d.value.toPrecision(3)}`
      })
    ]
  });
}
