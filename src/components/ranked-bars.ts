// A horizontal bar chart of a ranked list (top categories, states…), labels on the left.
import * as Plot from "@observablehq/plot";
import type {ChartOptions} from "./chart-options.js";

export interface RankedBarsOptions<T> extends ChartOptions {
  label: (d: T) => string;
  value: (d: T) => number;
  valueLabel: string;
  tickFormat?: string;
}

export function rankedBars<T>(
  data: T[],
  {width, document, label, value, valueLabel, tickFormat = "~s"}: RankedBarsOptions<T>
) {
  const rows = data.map((d) => ({label: label(d), value: value(d)}));
  return Plot.plot({
    document,
    width,
    height: 24 * rows.length + 40,
    marginLeft: Math.min(220, 8 + 7 * Math.max(...rows.map((r) => r.label.length), 4)),
    x: {grid: true, label: valueLabel, tickFormat},
    y: {label: null, domain: rows.map((r) => r.label)},
    marks: [
      Plot.barX(rows, {
        y: "label",
        x: "value",
        fill: "var(--theme-foreground-focus, #3b5fc0)",
        fillOpacity: 0.7,
        tip: true
      }),
      Plot.ruleX([0])
    ]
  });
}
