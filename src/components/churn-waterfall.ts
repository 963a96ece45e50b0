// One person's churn explanation as a waterfall: from the model's average log-odds, each feature's SHAP value
// moves the score up (toward churn) or down, ending at the person's log-odds; the rest are summed in one bar.
import * as Plot from "@observablehq/plot";

export interface Contribution {
  feature: string;
  /** The feature's value as shown to the reader (already formatted). */
  shown: string;
  shap: number;
}

export function waterfall(
  baseValue: number,
  contributions: Contribution[],
  {width, top = 8}: {width: number; top?: number}
) {
  const sorted = [...contributions].sort((a, b) => Math.abs(b.shap) - Math.abs(a.shap));
  const head = sorted.slice(0, top);
  const rest = sorted.slice(top).reduce((s, c) => s + c.shap, 0);
  const bars = [
    ...head.map((c) => ({label: `${c.feature} = ${c.shown}`, shap: c.shap})),
    {label: `${sorted.length - head.length} other features`, shap: rest}
  ];
  let at = baseValue;
  const data = bars.map((b) => {
    const start = at;
    at += b.shap;
    return {...b, start, end: at, direction: b.shap >= 0 ? "toward churn" : "toward return"};
  });
  return Plot.plot({
    width,
    height: 26 * data.length + 70,
    marginLeft: Math.min(260, width * 0.45),
    x: {label: `Log-odds of churn (average ${baseValue.toFixed(2)} → this person ${at.toFixed(2)})`, grid: true},
    y: {label: null, domain: data.map((d) => d.label)},
    color: {domain: ["toward churn", "toward return"], range: ["#d9534f", "#3b7dd8"], legend: true},
    marks: [
      Plot.ruleX([baseValue], {stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "2,2"}),
      Plot.barX(data, {
        y: "label",
        x1: "start",
        x2: "end",
        fill: "direction",
        tip: true,
        title: (d: {label: string; shap: number}) => `${d.label}: ${d.shap >= 0 ? "+" : ""}${d.shap.toFixed(3)}`
      })
    ]
  });
}
