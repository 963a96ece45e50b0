// Category affinity: a matrix of the categories with the most buyers, each cell coloured by the lift of the pair
// (orange: bought together more often than random pairing would give; purple: less). Pairs bought by fewer
// people than the minimum support are grey and carry no colour, so noise never reads as an affinity.
import * as Plot from "@observablehq/plot";
import {count} from "../lib/format.js";
import {categoryLabel} from "../lib/recs/reasons.js";
import type {ChartOptions} from "./chart-options.js";

export interface AffinityData {
  categories: {name: string; buyers: number}[];
  pairs: {a: string; b: string; people: number; orders: number; lift: number; p_value: number}[];
  min_support: {category: number};
}

interface Cell {
  a: string;
  b: string;
  people: number;
  orders: number;
  lift: number;
  p_value: number;
}

/** The `top` categories by buyers, and every cell between two of them (both orders of a pair). */
export function affinityCells(
  data: AffinityData,
  top: number
): {names: string[]; shown: Cell[]; sparse: {a: string; b: string}[]} {
  const names = [...data.categories]
    .filter((c) => c.buyers > 0)
    .sort((x, y) => y.buyers - x.buyers || (x.name < y.name ? -1 : 1))
    .slice(0, top)
    .map((c) => c.name);
  const inTop = new Set(names);
  const shown = data.pairs.filter((p) => inTop.has(p.a) && inTop.has(p.b)).flatMap((p) => [p, {...p, a: p.b, b: p.a}]);
  const has = new Set(shown.map((c) => `${c.a}\u0000${c.b}`));
  const sparse = names.flatMap((a) => names.filter((b) => b !== a && !has.has(`${a}\u0000${b}`)).map((b) => ({a, b})));
  return {names, shown, sparse};
}

export function recsAffinityHeatmap(
  data: AffinityData,
  {width, top, document}: ChartOptions & {top: number}
): SVGSVGElement | HTMLElement {
  const {names, shown, sparse} = affinityCells(data, top);
  const marginLeft = 170;
  const marginBottom = 150;
  const cell = Math.max(8, Math.min(28, (width - marginLeft - 20) / Math.max(1, names.length)));
  // A symmetric colour domain around 1 (lifts are above 0: every pair shown has buyers).
  const extreme = Math.max(2, ...shown.map((c) => Math.max(c.lift, 1 / c.lift)));
  const label = (name: string) => categoryLabel(name);
  return Plot.plot({
    document,
    width: Math.min(width, marginLeft + 20 + cell * names.length),
    height: marginBottom + 20 + cell * names.length,
    marginLeft,
    marginBottom,
    marginTop: 20,
    padding: 0.04,
    x: {domain: names, tickFormat: label, tickRotate: -60, label: null, tickSize: 0},
    y: {domain: names, tickFormat: label, label: null, tickSize: 0},
    color: {
      type: "diverging-log",
      scheme: "PuOr",
      pivot: 1,
      domain: [1 / extreme, extreme],
      legend: true,
      label: "Lift (1 = as if paired at random)",
      ticks: [0.125, 0.25, 0.5, 1, 2, 4, 8].filter((t) => t >= 1 / extreme && t <= extreme),
      tickFormat: (v: number) => String(v)
    },
    marks: [
      Plot.cell(sparse, {
        x: "a",
        y: "b",
        fill: "var(--theme-foreground-faintest)",
        title: (d: {a: string; b: string}) =>
          `${label(d.a)} & ${label(d.b)}: fewer than ${data.min_support.category} people bought both`
      }),
      Plot.cell(shown, {
        x: "a",
        y: "b",
        fill: "lift",
        tip: true,
        title: (d: Cell) =>
          `${label(d.a)} & ${label(d.b)}\n${count(d.people)} people bought both (${count(d.orders)} in one order)\nlift ${d.lift.toFixed(2)}, p = ${d.p_value.toPrecision(2)}`
      })
    ]
  });
}
