// Tracking (lifetimes' plot_cumulative_transactions and plot_incremental_transactions): repeat purchases of the
// people first seen in the calibration period, per week and cumulated, against each model (fitted on the
// calibration period) through the holdout; the rule marks the end of the calibration period.
import * as Plot from "@observablehq/plot";
import type {ClvReport} from "../lib/contracts/clv.js";
import type {ChartOptions} from "./chart-options.js";

export function trackingRows(report: Pick<ClvReport, "tracking" | "models">, cumulative: boolean) {
  const {week_starts, actual_weekly} = report.tracking;
  let sum = 0;
  const actual = actual_weekly.map((v) => (sum += v));
  const rows = week_starts.map((week, k) => ({
    week: new Date(`${week}T00:00:00Z`),
    series: "Actual",
    value: cumulative ? actual[k]! : actual_weekly[k]!
  }));
  for (const m of report.models) {
    const c = m.tracking_cumulative;
    if (!c) continue;
    week_starts.forEach((week, k) =>
      rows.push({
        week: new Date(`${week}T00:00:00Z`),
        series: m.label,
        value: cumulative ? c[k]! : c[k]! - (c[k - 1] ?? 0)
      })
    );
  }
  return rows;
}

export function clvTracking(
  report: Pick<ClvReport, "tracking" | "models">,
  {width, document, cumulative}: ChartOptions & {cumulative: boolean}
): SVGSVGElement | HTMLElement {
  const end = report.tracking.week_starts[report.tracking.calibration_end_week];
  return Plot.plot({
    document,
    width,
    height: 280,
    x: {label: null, type: "utc"},
    y: {label: cumulative ? "↑ Cumulative repeat purchases" : "↑ Repeat purchases per week", grid: true},
    color: {
      legend: true,
      domain: ["Actual", ...report.models.filter((m) => m.tracking_cumulative).map((m) => m.label)]
    },
    marks: [
      end ? Plot.ruleX([new Date(`${end}T00:00:00Z`)], {stroke: "currentColor", strokeDasharray: "4,3"}) : null,
      end
        ? Plot.text([new Date(`${end}T00:00:00Z`)], {
            text: ["end of calibration"],
            frameAnchor: "top",
            dx: 4,
            textAnchor: "start"
          })
        : null,
      Plot.lineY(trackingRows(report, cumulative), {
        x: "week",
        y: "value",
        stroke: "series",
        strokeWidth: (d: {series: string}) => (d.series === "Actual" ? 2.5 : 1.5),
        tip: true
      }),
      Plot.ruleY([0])
    ]
  });
}
