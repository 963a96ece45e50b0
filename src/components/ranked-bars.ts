// A horizontal bar chart of a ranked list (top categories, states…), labels on the left.
import * as Plot from "@observablehq/plot";

export interface RankedBarsOptions<T> {
  width: number;
  label: (d: T) => string;
  value: (d: T) => number;
  valueLabel: string;
  tickFormat?: string;
}

export function rankedBars<T>(data: T[], {width, label, value, valueLabel, tickFormat = "~s"}: RankedBarsOptions<T>) {
  const rows = data.map((d) => ({label: label(d), value: value(d)}));
  return Plot.plot({
    width,
    height: 24 * rows.length + 40,
    marginLeft: Math.min(220, 8 + 7 * Math.max(...rows.map((r) => r.label.length), 4)),
    x: {grid: true, label: valueLabel, tickFormat},
    y: {label: null, domain: rows.map((r) => r.label)},
    marks: [
      Plot.barX(rows, {y: "label", x: "value", fill: "var(--theme-foreground-focus)", fillOpacity: 0.7, tip: true}),
      Plot.ruleX([0])
    ]
  });
}
