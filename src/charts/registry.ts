// Where the data of each chart of the chart catalog (lib/contracts/charts.ts) comes from, at build time (Node: the warehouse and the loaders).
// draw.ts draws it and turns it into the CSV rows; the parameterised loaders beside this file write one chart
// per file, and [chart].json.ts publishes the data for the iframe pages and exported modules.
import {abDefaults} from "../../loaders/ab-defaults.js";
import {churnRiskData} from "../../loaders/charts/churn-risk.js";
import {cohortsReport} from "../../loaders/cohorts.js";
import {kpis} from "../../loaders/kpis.js";
import {overview} from "../../loaders/overview.js";
import {rfmSnapshot, summariseSegments} from "../../loaders/segments.js";
import type {Warehouse} from "../../loaders/warehouse/warehouse.js";
import {plannerCurve} from "../components/ab-planner-chart.js";
import {CHART_CATALOG, type ChartEntry} from "../lib/contracts/charts.js";
import {chartDrawing, type ChartDrawing, type CohortHeatmapData} from "./draw.js";

const CHART_DATA: Record<string, (warehouse: Warehouse) => Promise<unknown>> = {
  "kpi-cards": kpis,
  "revenue-trend": async (w) => (await overview(w)).monthly,
  "top-categories": async (w) => (await overview(w)).categories ?? [],
  "top-states": async (w) => (await overview(w)).states,
  "cohort-heatmap": async (w): Promise<CohortHeatmapData> => {
    const {min_cohort_size, cohorts} = await cohortsReport(w);
    return {min_cohort_size, cohorts};
  },
  "segment-sizes": async (w) => summariseSegments(await rfmSnapshot(w, await w.analysisDate())),
  "churn-risk": churnRiskData,
  // The planner's baseline as on the A/B testing page: the 90-day repeat rate of first-time buyers, or the share
  // of repeat customers when no buyer has a full window yet.
  "ab-planner": async (w) => {
    const ab = await abDefaults(w);
    const baseline = Number((ab.repeat.rate ?? (await kpis(w)).repeat_customer_rate ?? 0).toFixed(4));
    return plannerCurve({baseline, customersPerDay: ab.traffic.new_customers_per_day});
  }
};

export interface ChartSpec extends ChartEntry, ChartDrawing<unknown> {
  data: (warehouse: Warehouse) => Promise<unknown>;
}

export function chartSpec(name: string): ChartSpec {
  const entry = CHART_CATALOG.find((chart) => chart.name === name);
  const data = CHART_DATA[name];
  if (!entry || !data) throw new Error(`unknown chart "${name}"; known: ${Object.keys(CHART_DATA).join(", ")}`);
  return {...entry, ...chartDrawing(name), data};
}
