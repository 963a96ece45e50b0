// People per seed-rule group, split into active and churned.
import * as Plot from "@observablehq/plot";
import type {ChartOptions} from "./chart-options.js";

export interface ChurnRow {
  shortLabel: string;
  customers: number;
  churned: number;
}

export function churnStatus(rows: ChurnRow[], {width, document}: ChartOptions) {
  const data = rows.flatMap((r) => [
    {group: r.shortLabel, status: "active", people: r.customers - r.churned},
    {group: r.shortLabel, status: "churned", people: r.churned}
  ]);
  return Plot.plot({
    document,
    width,
    height: 140,
    marginLeft: 140,
    x: {grid: true, label: "People", tickFormat: "~s"},
    y: {label: null, domain: rows.map((r) => r.shortLabel)},
    color: {domain: ["active", "churned"], range: ["var(--theme-foreground-focus, #3b5fc0)", "#d9534f"], legend: true},
    marks: [Plot.barX(data, {y: "group", x: "people", fill: "status", tip: true}), Plot.ruleX([0])]
  });
}
