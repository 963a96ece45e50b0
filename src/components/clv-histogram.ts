// A histogram over pre-computed bins of unequal width, drawn as equal-width bars with the bin's range as label.
import * as Plot from "@observablehq/plot";
import {count, percent} from "../lib/format.js";

export interface Bin {
  lo: number;
  hi: number | null;
  people: number;
}

export function clvHistogram(
  bins: Bin[],
  {width, label, format}: {width: number; label: string; format: (v: number) => string}
): SVGSVGElement | HTMLElement {
  const total = bins.reduce((s, b) => s + b.people, 0);
  const rows = bins.map((b) => ({
    range: b.hi === null ? `${format(b.lo)}+` : `${format(b.lo)}–${format(b.hi)}`,
    people: b.people
  }));
  return Plot.plot({
    width,
    height: 260,
    marginBottom: 56,
    x: {label, labelOffset: 52, domain: rows.map((r) => r.range), tickRotate: -35},
    y: {label: "↑ People", grid: true, tickFormat: "~s"},
    marks: [
      Plot.barY(rows, {
        x: "range",
        y: "people",
        fill: "var(--theme-foreground-focus, #3b5fc0)",
        fillOpacity: 0.8,
        tip: true,
        title: (r: {range: string; people: number}) =>
          `${r.range}: ${count(r.people)} people (${percent(total ? r.people / total : 0)})`
      }),
      Plot.ruleY([0])
    ]
  });
}
