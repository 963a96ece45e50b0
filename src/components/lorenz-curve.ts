// Lorenz curves: the cumulative share of revenue held by the smallest x% of customers (or sellers). The further
// a curve sags below the diagonal, the more revenue is concentrated in a few.
import * as Plot from "@observablehq/plot";
import type {ChartOptions} from "./chart-options.js";

export interface LorenzSeries {
  label: string;
  lorenz: {population: number; share: number}[];
}

export function lorenzCurves(series: LorenzSeries[], {width, document}: ChartOptions) {
  const points = series.flatMap((s) => s.lorenz.map((p) => ({...p, label: s.label})));
  return Plot.plot({
    document,
    width,
    height: Math.min(360, width),
    x: {label: "Share of units, smallest first", percent: true, domain: [0, 100]},
    y: {label: "Share of revenue", percent: true, domain: [0, 100], grid: true},
    color: {legend: true},
    marks: [
      Plot.line(
        [
          {population: 0, share: 0},
          {population: 1, share: 1}
        ],
        {x: "population", y: "share", stroke: "currentColor", strokeOpacity: 0.3, strokeDasharray: "4,3"}
      ),
      Plot.line(points, {x: "population", y: "share", stroke: "label", strokeWidth: 2, tip: true})
    ]
  });
}
