// Global importance of the churn model (mean |SHAP|) and a beeswarm of SHAP values coloured by feature value.
import * as Plot from "@observablehq/plot";

export function importanceBars(
  importance: {feature: string; mean_abs_shap: number}[],
  {width, top = 15}: {width: number; top?: number}
) {
  const data = importance.slice(0, top);
  return Plot.plot({
    width,
    height: 24 * data.length + 40,
    marginLeft: Math.min(190, width * 0.4),
    x: {label: "Mean |SHAP| (log-odds of churn)", grid: true},
    y: {label: null, domain: data.map((d) => d.feature)},
    marks: [
      Plot.barX(data, {y: "feature", x: "mean_abs_shap", fill: "var(--theme-foreground-focus)", tip: true}),
      Plot.ruleX([0])
    ]
  });
}

export function beeswarm(
  points: {feature: string; shap: number; value_rank: number | null}[],
  {width, features}: {width: number; features: string[]}
) {
  return Plot.plot({
    width,
    height: 40 * features.length + 60,
    marginLeft: Math.min(190, width * 0.4),
    x: {label: "SHAP value (log-odds of churn; right = more likely to churn)", grid: true},
    fy: {label: null, domain: features, axis: "left"},
    color: {
      type: "linear",
      scheme: "RdBu",
      reverse: true,
      domain: [0, 1],
      label: "Feature value (percentile; grey = missing)",
      legend: true,
      unknown: "#aaa"
    },
    marks: [
      Plot.ruleX([0], {stroke: "currentColor", strokeOpacity: 0.4}),
      Plot.dot(
        points,
        Plot.dodgeY("middle", {x: "shap", fy: "feature", fill: "value_rank", r: 1.6, padding: 0.2, clip: true})
      )
    ]
  });
}
