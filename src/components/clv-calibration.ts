// Calibration check of the BG/NBD purchase model: for people grouped by their repeat purchases in the calibration
// period, the mean repeat purchases the model expected in the holdout weeks next to the mean actually made.
import * as Plot from "@observablehq/plot";
import {count} from "../lib/format.js";

export interface CalibrationBucket {
  label: string;
  n: number;
  meanActual: number | null;
  meanExpected: number | null;
}

export function clvCalibration(
  buckets: CalibrationBucket[],
  {width, holdoutWeeks}: {width: number; holdoutWeeks: number}
): SVGSVGElement | HTMLElement {
  const rows = buckets
    .filter((b) => b.n > 0)
    .flatMap((b) => [
      {bucket: b.label, series: "Actual", value: b.meanActual ?? 0, n: b.n},
      {bucket: b.label, series: "Expected by the model", value: b.meanExpected ?? 0, n: b.n}
    ]);
  return Plot.plot({
    width,
    height: 260,
    x: {
      label: "Repeat purchases in the calibration period →",
      domain: buckets.filter((b) => b.n > 0).map((b) => b.label)
    },
    y: {label: `↑ Mean repeat purchases in the ${holdoutWeeks}-week holdout`, grid: true, zero: true},
    color: {
      legend: true,
      domain: ["Actual", "Expected by the model"],
      range: ["var(--theme-foreground-muted)", "var(--theme-foreground-focus, #3b5fc0)"]
    },
    marks: [
      Plot.lineY(rows, {
        x: "bucket",
        y: "value",
        stroke: "series",
        marker: "circle",
        tip: true,
        title: (d: {series: string; bucket: string; value: number; n: number}) =>
          `${d.series}, ${d.bucket} repeat purchases before: ${d.value.toFixed(3)} per person (${count(d.n)} people)`
      }),
      Plot.ruleY([0])
    ]
  });
}
