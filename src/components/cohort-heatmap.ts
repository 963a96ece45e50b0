// The retention heatmap: one row per cohort (its size in the label), one column per month since acquisition,
// coloured by the share of the cohort that bought in that month. Cells of small cohorts and months that are
// not observable are grey and carry no percentage, so that a sparse edge never reads as 0% or 100%.
import * as Plot from "@observablehq/plot";
import type {Cohort} from "../lib/cohorts.js";
import {count, percent} from "../lib/format.js";
import type {ChartOptions} from "./chart-options.js";

interface Cell {
  cohort: string;
  k: number;
  retention: number;
  retained: number;
  people: number;
  status: "shown" | "small" | "unobservable";
}

export function cohortCells(cohorts: Cohort[]): Cell[] {
  return cohorts.flatMap((c) =>
    c.months
      .filter((m) => m.month_offset >= 1)
      .map((m) => ({
        cohort: c.cohort,
        k: m.month_offset,
        retention: m.retention,
        retained: m.retained,
        people: c.people,
        status: !m.observable ? "unobservable" : c.small ? "small" : "shown"
      }))
  );
}

/** A share as cell text: tiny shares keep two decimals so that they never read as 0.0%; none at all is "0". */
function cellLabel(share: number, digits: number): string {
  if (share === 0) return "0";
  return share < 0.001 ? percent(share, 2) : percent(share, digits);
}

export function cohortHeatmap(
  cohorts: Cohort[],
  {width, document, minCohortSize}: ChartOptions & {minCohortSize: number}
): HTMLElement | SVGSVGElement {
  const cells = cohortCells(cohorts);
  const shown = cells.filter((d) => d.status === "shown");
  const flagged = cells.filter((d) => d.status !== "shown");
  const maxK = Math.max(1, ...cells.map((d) => d.k));
  const top = Math.max(0.001, ...shown.map((d) => d.retention));
  const sizes = new Map(cohorts.map((c) => [c.cohort, c.people]));
  const marginLeft = 112;
  const cellWidth = (width - marginLeft - 10) / maxK;
  const digits = top < 0.1 ? 1 : 0;
  return Plot.plot({
    document,
    width,
    height: 40 + 22 * Math.max(1, cohorts.length),
    marginLeft,
    marginTop: 30,
    padding: 0.06,
    x: {
      type: "band",
      domain: Array.from({length: maxK}, (_, i) => i + 1),
      axis: "top",
      label: "Months since first purchase →",
      tickSize: 0
    },
    y: {
      domain: cohorts.map((c) => c.cohort),
      label: "Cohort (people)",
      tickSize: 0,
      tickFormat: (c: string) => `${c}  ${count(sizes.get(c) ?? 0)}`
    },
    // sqrt: month-1 retention is a few percent and later months a fraction of that, all of which should show.
    color: {
      type: "sqrt",
      scheme: "blues",
      domain: [0, top],
      label: "Bought again that month",
      tickFormat: "%",
      legend: shown.length > 0
    },
    marks: [
      Plot.cell(flagged, {
        x: "k",
        y: "cohort",
        fill: "var(--theme-foreground-faintest)",
        fillOpacity: (d: Cell) => (d.status === "small" ? 0.5 : 1),
        title: (d: Cell) =>
          d.status === "small"
            ? `${d.cohort}, month ${d.k}: cohort of ${d.people} people, fewer than ${minCohortSize}`
            : `${d.cohort}, month ${d.k}: not observable (month not complete by the analysis date, or sparse in the data)`
      }),
      Plot.cell(shown, {
        x: "k",
        y: "cohort",
        fill: "retention",
        tip: true,
        title: (d: Cell) =>
          `${d.cohort}, month ${d.k}\n${percent(d.retention, 2)} bought again (${count(d.retained)} of ${count(d.people)})`
      }),
      cellWidth >= 30
        ? Plot.text(shown, {
            x: "k",
            y: "cohort",
            text: (d: Cell) => cellLabel(d.retention, digits),
            fontSize: 10,
            fill: (d: Cell) => (Math.sqrt(d.retention / top) > 0.6 ? "white" : "black")
          })
        : null
    ]
  });
}
