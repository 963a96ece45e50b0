// Period transactions (lifetimes' plot_period_transactions): people by their number of repeat purchases in the
// calibration period, as observed and as each model expects for people of the same ages.
import * as Plot from "@observablehq/plot";
import type {ClvReport} from "../lib/contracts/clv.js";
import {count} from "../lib/format.js";
import type {ChartOptions} from "./chart-options.js";

export function clvPeriod(
  report: Pick<ClvReport, "period_transactions" | "models">,
  {width, document, skipZero = true}: ChartOptions & {skipZero?: boolean}
): SVGSVGElement | HTMLElement {
  const {labels, actual} = report.period_transactions;
  const series = [
    {label: "Actual", values: actual},
    ...report.models.filter((m) => m.period_transactions).map((m) => ({label: m.label, values: m.period_transactions!}))
  ];
  // x = 0 holds nearly everyone; without it the repeat buyers' bars are readable.
  const rows = series.flatMap((s) =>
    labels.map((x, i) => ({x, series: s.label, people: s.values[i]!})).filter((r) => !skipZero || r.x !== "0")
  );
  return Plot.plot({
    document,
    width,
    height: 260,
    marginBottom: 36,
    fx: {label: "Repeat purchases in the calibration period →", domain: labels.filter((x) => !skipZero || x !== "0")},
    x: {axis: null, domain: series.map((s) => s.label), paddingInner: 0.1},
    y: {label: "↑ People", grid: true},
    color: {legend: true, domain: series.map((s) => s.label)},
    marks: [
      Plot.barY(rows, {
        fx: "x",
        x: "series",
        y: "people",
        fill: "series",
        tip: true,
        title: (d: {x: string; series: string; people: number}) =>
          `${d.series}, ${d.x} repeat purchases: ${count(d.people)} people`
      }),
      Plot.ruleY([0])
    ]
  });
}
