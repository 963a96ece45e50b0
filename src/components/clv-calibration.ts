// Calibration vs holdout (lifetimes' plot_calibration_purchases_vs_holdout_purchases): for people grouped by their
// repeat purchases in the calibration period, the mean repeat purchases each model expected in the holdout next to
// the mean actually made.
import * as Plot from "@observablehq/plot";
import type {ModelReport} from "../lib/contracts/clv.js";
import {count} from "../lib/format.js";
import type {ChartOptions} from "./chart-options.js";

export function clvCalibration(
  models: readonly ModelReport[],
  {width, document, holdoutWeeks}: ChartOptions & {holdoutWeeks: number}
): SVGSVGElement | HTMLElement {
  const fitted = models.filter((m) => m.holdout);
  const buckets = fitted[0]?.holdout?.buckets.filter((b) => b.n > 0) ?? [];
  const rows = [
    ...buckets.map((b) => ({bucket: b.label, series: "Actual", value: b.mean_actual ?? 0, n: b.n})),
    ...fitted.flatMap((m) =>
      m
        .holdout!.buckets.filter((b) => b.n > 0)
        .map((b) => ({bucket: b.label, series: m.label, value: b.mean_expected ?? 0, n: b.n}))
    )
  ];
  return Plot.plot({
    document,
    width,
    height: 280,
    x: {label: "Repeat purchases in the calibration period →", domain: buckets.map((b) => b.label)},
    y: {label: `↑ Mean repeat purchases in the ${holdoutWeeks}-week holdout`, grid: true, zero: true},
    color: {legend: true, domain: ["Actual", ...fitted.map((m) => m.label)]},
    marks: [
      Plot.lineY(rows, {
        x: "bucket",
        y: "value",
        stroke: "series",
        strokeWidth: (d: {series: string}) => (d.series === "Actual" ? 3 : 1.5),
        marker: "circle",
        tip: true,
        title: (d: {series: string; bucket: string; value: number; n: number}) =>
          `${d.series}, ${d.bucket} repeat purchases before: ${d.value.toFixed(3)} per person (${count(d.n)} people)`
      }),
      Plot.ruleY([0])
    ]
  });
}
