// Two line charts over months since acquisition: one thin line per cohort (observable months of cohorts that are
// not small; gaps where a month is not observable) and the pooled curve of all of them in bold.
import * as Plot from "@observablehq/plot";
import type {Cohort, PooledMonth} from "../lib/cohorts.js";
import {count, money, percent} from "../lib/format.js";

interface CurveOptions {
  width: number;
  /** Which measure to draw: retention (k ≥ 1) or cumulative revenue per customer (k ≥ 0). */
  measure: "retention" | "ltv";
}

export function cohortCurves(
  cohorts: Cohort[],
  pooled: PooledMonth[],
  {width, measure}: CurveOptions
): HTMLElement | SVGSVGElement {
  const retention = measure === "retention";
  const first = retention ? 1 : 0;
  const lines = cohorts
    .filter((c) => !c.small)
    .flatMap((c) =>
      c.months
        .filter((m) => m.month_offset >= first)
        // NaN breaks the line where a month is not observable, rather than drawing a false 0.
        .map((m) => ({
          cohort: c.cohort,
          k: m.month_offset,
          y: m.observable ? (retention ? m.retention : m.cumulative_revenue_per_customer) : NaN
        }))
    );
  const curve = pooled
    .filter((p) => p.month_offset >= first)
    .map((p) => ({...p, y: retention ? p.retention : p.cumulative_revenue_per_customer}));
  const format = (v: number) => (retention ? percent(v, 2) : money(v, {cents: true}));
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 56,
    x: {label: "Months since first purchase →", ticks: 12, tickFormat: "d"},
    y: retention
      ? {label: "↑ Share who bought that month", tickFormat: "%", grid: true, zero: true}
      : {label: "↑ Cumulative revenue per customer (R$)", grid: true},
    marks: [
      Plot.lineY(lines, {x: "k", y: "y", z: "cohort", stroke: "currentColor", strokeOpacity: 0.18, strokeWidth: 1}),
      Plot.lineY(curve, {x: "month_offset", y: "y", stroke: "var(--theme-foreground-focus, #3b5fc0)", strokeWidth: 3}),
      Plot.dot(curve, {
        x: "month_offset",
        y: "y",
        fill: "var(--theme-foreground-focus, #3b5fc0)",
        r: 2.5,
        tip: true,
        title: (p: PooledMonth & {y: number}) =>
          `Month ${p.month_offset}: ${format(p.y)}\nall cohorts observed then: ${p.cohorts} cohorts, ${count(p.people)} people`
      }),
      retention ? Plot.ruleY([0]) : null
    ]
  });
}
