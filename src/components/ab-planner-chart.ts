// The A/B planner at a glance: customers needed per group against the smallest relative lift worth detecting,
// at the planner's defaults (two-sided α 5%, power 80%, unpooled formula, one variant) and the data's baseline
// rate. A dashed line marks how many customers 8 weeks of today's traffic bring per group; the dot is the
// planner's default lift.
import * as Plot from "@observablehq/plot";
import {sampleSizeProportions, type ProportionMethod} from "../lib/ab/index.js";
import {count, percent} from "../lib/format.js";
import type {ChartOptions} from "./chart-options.js";

/** The planner's starting values on the A/B testing page (the baseline comes from the data). */
export const PLANNER_DEFAULTS = {
  mde: 0.1,
  alpha: 0.05,
  power: 0.8,
  variants: 1,
  method: "unpooled" as ProportionMethod
};

/** Weeks of traffic the chart's capacity line stands for (as "Detectable in 8 weeks" on the page). */
const CAPACITY_DAYS = 56;

export interface PlannerPoint {
  relative_lift: number;
  treatment_rate: number;
  customers_per_group: number;
  total_customers: number;
  /** Days of enrolment at the eligible customers per day, all of them in the test; null without traffic. */
  days_of_enrolment: number | null;
}

export interface PlannerCurve {
  baseline: number;
  alpha: number;
  power: number;
  method: ProportionMethod;
  default_lift: number;
  customers_per_day: number;
  points: PlannerPoint[];
}

/** Relative lifts from 2% to 50% in steps of 1 point, as long as the treatment rate stays below 100%. */
export function plannerCurve({baseline, customersPerDay}: {baseline: number; customersPerDay: number}): PlannerCurve {
  const {alpha, power, method, variants, mde} = PLANNER_DEFAULTS;
  const lifts = Array.from({length: 49}, (_, i) => (i + 2) / 100).filter((lift) => baseline * (1 + lift) < 1);
  const points = lifts.map((lift) => {
    const plan = sampleSizeProportions({baseline, mde: lift, mdeType: "relative", alpha, power, variants, method});
    return {
      relative_lift: lift,
      treatment_rate: Number(plan.treatment.toFixed(6)),
      customers_per_group: plan.perArm,
      total_customers: plan.total,
      days_of_enrolment: customersPerDay > 0 ? Math.ceil(plan.total / customersPerDay) : null
    };
  });
  return {baseline, alpha, power, method, default_lift: mde, customers_per_day: customersPerDay, points};
}

export function abPlannerChart(curve: PlannerCurve, {width, document}: ChartOptions): SVGSVGElement | HTMLElement {
  const capacity = Math.floor((CAPACITY_DAYS * curve.customers_per_day) / 2);
  const chosen = curve.points.find((p) => Math.abs(p.relative_lift - curve.default_lift) < 1e-9);
  return Plot.plot({
    document,
    width,
    height: 300,
    marginLeft: 60,
    x: {
      label: `Smallest relative lift worth detecting (baseline ${percent(curve.baseline, 2)}) →`,
      tickFormat: (v: number) => percent(v, 0)
    },
    y: {type: "log", label: "↑ Customers per group", grid: true, tickFormat: "~s"},
    marks: [
      capacity >= 1 ? Plot.ruleY([capacity], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}) : null,
      capacity >= 1
        ? Plot.text([capacity], {
            y: (d: number) => d,
            frameAnchor: "right",
            dy: -6,
            fill: "var(--theme-foreground-muted)",
            text: () => `8 weeks of traffic: ${count(capacity)} per group`
          })
        : null,
      Plot.lineY(curve.points, {
        x: "relative_lift",
        y: "customers_per_group",
        stroke: "var(--theme-foreground-focus, #3b5fc0)",
        strokeWidth: 2,
        tip: true,
        title: (p: PlannerPoint) =>
          `+${percent(p.relative_lift, 0)} lift (${percent(curve.baseline, 2)} → ${percent(p.treatment_rate, 2)})\n${count(p.customers_per_group)} customers per group`
      }),
      chosen
        ? Plot.dot([chosen], {
            x: "relative_lift",
            y: "customers_per_group",
            r: 4,
            fill: "var(--theme-foreground-focus, #3b5fc0)"
          })
        : null,
      chosen
        ? Plot.text([chosen], {
            x: "relative_lift",
            y: "customers_per_group",
            dx: 8,
            textAnchor: "start",
            text: (p: PlannerPoint) => `+${percent(p.relative_lift, 0)}: ${count(p.customers_per_group)} per group`
          })
        : null
    ]
  });
}
