// Predictive CLV per group (segment or state): total expected revenue over the horizon as bars, with the mean per
// person in the tooltip.
import * as Plot from "@observablehq/plot";
import {count, money} from "../lib/format.js";

export interface ClvGroup {
  group: string;
  people: number;
  predictive_total: number;
  predictive_mean: number;
  historical_mean: number;
}

export function clvGroups(
  groups: ClvGroup[],
  {width, measure}: {width: number; measure: "total" | "mean"}
): SVGSVGElement | HTMLElement {
  const value = (g: ClvGroup) => (measure === "total" ? g.predictive_total : g.predictive_mean);
  return Plot.plot({
    width,
    height: 24 * groups.length + 50,
    marginLeft: Math.min(130, width / 3),
    marginRight: 24,
    x: {
      label: measure === "total" ? "Expected revenue, next 12 months (R$) →" : "Predictive CLV per person (R$) →",
      grid: true,
      tickFormat: "~s"
    },
    y: {label: null, domain: groups.map((g) => g.group)},
    marks: [
      Plot.barX(groups, {
        y: "group",
        x: value,
        fill: "var(--theme-foreground-focus, #3b5fc0)",
        fillOpacity: 0.75,
        tip: true,
        title: (g: ClvGroup) =>
          `${g.group}: ${count(g.people)} people\nexpected next 12 months: ${money(g.predictive_total)} (${money(g.predictive_mean, {cents: true})} per person)\nto date: ${money(g.historical_mean, {cents: true})} per person`
      }),
      Plot.ruleX([0])
    ]
  });
}
