// How the churn model's risk is spread over today's customers: a histogram of their build-time churn probability,
// each bar split by the seed rule's status, so that the model's forecast and the descriptive rule can be compared.
// The probabilities crowd in a narrow band near 1 on Olist (few people ever come back), so the bins
// (loaders/charts/churn-risk.ts) span the observed range rather than 0–100%.
import * as Plot from "@observablehq/plot";
import {count, percent} from "../lib/format.js";
import type {ChartOptions} from "./chart-options.js";
import type {ChurnRiskData, RiskBin} from "../lib/contracts/churn-risk.js";

const STATUS = ["active by the seed rule", "churned by the seed rule"];

export function churnRiskDistribution(
  data: ChurnRiskData,
  {width, document}: ChartOptions
): SVGSVGElement | HTMLElement {
  const step = (data.bins.length ? data.bins[0]!.risk_to - data.bins[0]!.risk_from : 0) || 0.01; // one empty-width bin when all are equal
  const digits = Math.max(0, Math.ceil(-Math.log10(step * 100)));
  const bars = data.bins.flatMap((b) => [
    {...b, status: STATUS[0], n: b.seed_rule_active},
    {...b, status: STATUS[1], n: b.seed_rule_churned}
  ]);
  return Plot.plot({
    document,
    width,
    height: 300,
    marginLeft: 56,
    x: {label: `Probability of no order in the next ${data.horizon_days} days (%) →`, percent: true},
    y: {label: "↑ People", grid: true, tickFormat: "~s"},
    color: {domain: STATUS, range: ["var(--theme-foreground-focus, #3b5fc0)", "#d9534f"], legend: true},
    marks: [
      Plot.rectY(bars, {
        x1: "risk_from",
        x2: "risk_to",
        y: "n",
        fill: "status",
        insetLeft: 0.5,
        insetRight: 0.5,
        tip: true,
        title: (d: RiskBin & {status: string; n: number}) =>
          `${percent(d.risk_from, digits + 1)}–${percent(d.risk_to, digits + 1)}: ${count(d.people)} people (${percent(d.people / Math.max(1, data.people))})\n${count(d.n)} ${d.status}`
      }),
      Plot.ruleY([0])
    ]
  });
}
