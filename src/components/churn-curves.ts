// The churn model page's evaluation charts: one line per model or baseline (the oracle dashed).
import * as Plot from "@observablehq/plot";

export interface CurveResult {
  name: string;
  kind: "model" | "baseline" | "oracle";
  curves: {
    roc: {fpr: number; tpr: number}[];
    pr_return: {recall: number; precision: number}[];
    calibration: {meanPredicted: number; observedRate: number; weight: number}[];
    return_gains: {fraction: number; gain: number}[];
  };
}

const flat = <T>(results: CurveResult[], pick: (r: CurveResult) => T[]) =>
  results.flatMap((r) => pick(r).map((d) => ({...d, name: r.name, kind: r.kind})));
const color = (results: CurveResult[]) => ({legend: true, domain: results.map((r) => r.name)});
/** The models' lines, solid, and the oracle's, dashed (Plot's dash pattern is one per mark). */
function lines<T extends {kind: string}>(data: T[], options: Plot.LineYOptions) {
  return [
    Plot.line(
      data.filter((d) => d.kind !== "oracle"),
      {...options, stroke: "name", tip: true, clip: true}
    ),
    Plot.line(
      data.filter((d) => d.kind === "oracle"),
      {...options, stroke: "name", strokeDasharray: "4,3", clip: true}
    )
  ];
}

export function rocChart(results: CurveResult[], {width}: {width: number}) {
  return Plot.plot({
    width,
    height: 320,
    grid: true,
    color: color(results),
    x: {label: "False positive rate (returners flagged as churners)", domain: [0, 1]},
    y: {label: "True positive rate (churners flagged)", domain: [0, 1]},
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1]
        ],
        {stroke: "currentColor", strokeOpacity: 0.3, strokeDasharray: "2,2"}
      ),
      lines(
        flat(results, (r) => r.curves.roc),
        {x: "fpr", y: "tpr"}
      )
    ]
  });
}

export function prReturnChart(results: CurveResult[], {width, baseRate}: {width: number; baseRate: number}) {
  return Plot.plot({
    width,
    height: 320,
    grid: true,
    color: color(results),
    x: {label: "Recall: share of returners found", domain: [0, 1]},
    y: {label: "Precision: share of those flagged who return", type: "log"},
    marks: [
      Plot.ruleY([baseRate], {stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "2,2"}),
      lines(
        flat(results, (r) => r.curves.pr_return.filter((d) => d.precision > 0)),
        {x: "recall", y: "precision"}
      )
    ]
  });
}

export function calibrationChart(results: CurveResult[], {width}: {width: number}) {
  const data = flat(results, (r) => r.curves.calibration);
  const max = Math.max(...data.map((d) => Math.max(d.meanPredicted, d.observedRate)), 0.01);
  return Plot.plot({
    width,
    height: 320,
    grid: true,
    color: color(results),
    x: {
      label: "Predicted return probability (1 − P(churn)), mean of a tenth of people",
      domain: [0, max],
      percent: true
    },
    y: {label: "Observed return rate (%)", domain: [0, max], percent: true},
    marks: [
      Plot.line(
        [
          [0, 0],
          [max, max]
        ],
        {stroke: "currentColor", strokeOpacity: 0.3, strokeDasharray: "2,2", clip: true}
      ),
      lines(data, {x: "meanPredicted", y: "observedRate"}),
      Plot.dot(data, {x: "meanPredicted", y: "observedRate", stroke: "name", r: 2.5, tip: true, clip: true})
    ]
  });
}

export function gainsChart(results: CurveResult[], {width}: {width: number}) {
  const data = flat(results, (r) => [{fraction: 0, gain: 0}, ...r.curves.return_gains]);
  return Plot.plot({
    width,
    height: 320,
    grid: true,
    color: color(results),
    x: {label: "Share of people, least at risk first (%)", percent: true, domain: [0, 100]},
    y: {label: "Share of all returners among them (%)", percent: true, domain: [0, 100]},
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1]
        ],
        {stroke: "currentColor", strokeOpacity: 0.3, strokeDasharray: "2,2"}
      ),
      lines(data, {x: "fraction", y: "gain"})
    ]
  });
}
