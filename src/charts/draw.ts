// How each chart of the chart catalog (lib/contracts/charts.ts) is drawn from its data, and the rows of its CSV. Browser-safe (components and lib
// only): the build draws with it into jsdom (registry.ts), the iframe pages and the exported modules in the
// browser (src/embed/). The data is what registry.ts computes and src/charts/[chart].json.ts publishes.
import type {Cohort} from "../lib/cohorts.js";
import {abPlannerChart, type PlannerCurve} from "../components/ab-planner-chart.js";
import type {ChartOptions} from "../components/chart-options.js";
import {churnRiskDistribution} from "../components/churn-risk-distribution.js";
import type {ChurnRiskData} from "../lib/contracts/churn-risk.js";
import {cohortHeatmap} from "../components/cohort-heatmap.js";
import {kpiCardsSvg, type KpiCardData} from "../components/kpi-cards.js";
import {KPI_CARDS} from "../lib/contracts/kpis.js";
import {rankedBars} from "../components/ranked-bars.js";
import {revenueTrend, type MonthRow} from "../components/revenue-trend.js";
import {segmentShares, type SegmentShare} from "../components/segment-shares.js";

export type Row = Record<string, unknown>;

/** What an embed loads ([chart].json.ts): the chart's title, where its data comes from, and the data to draw. */
export interface ChartData {
  name: string;
  title: string;
  /** "Synthetic data, as of 2018-08-30" or "Data: olist, as of …", as under the title of the SVG file. */
  subtitle: string;
  data: unknown;
}

export interface ChartDrawing<T> {
  draw: (data: T, options: ChartOptions) => Node;
  /** The data as a table: the chart's CSV. */
  rows: (data: T) => Row[];
}

const drawing = <T>(d: ChartDrawing<T>) => d as ChartDrawing<unknown>;
const TOP = 10;

interface Category {
  category_english: string;
  revenue: number;
}

interface State {
  state: string;
  revenue: number;
}

export interface CohortHeatmapData {
  min_cohort_size: number;
  cohorts: Cohort[];
}

/**
 * kpi-cards.csv: one row per field of kpis.json with its value (the objects — comparison, changes, sentences — are
 * not one value), and on each card's row its figures over the compared months and their changes.
 */
function kpiCardRows(kpis: KpiCardData & Row): Row[] {
  const {comparison} = kpis;
  return Object.entries(kpis)
    .filter(([, value]) => value === null || typeof value !== "object")
    .map(([field, value]) => {
      const change = KPI_CARDS.some((c) => c.field === field)
        ? kpis.changes?.[field as keyof typeof kpis.changes]
        : undefined;
      if (!change || !comparison) return {field, value};
      return {
        field,
        value,
        recent_months: comparison.recent?.label ?? "",
        recent: change.recent,
        previous_months: comparison.previous?.label ?? "",
        previous: change.previous,
        vs_previous: change.vs_previous,
        year_ago_months: comparison.year_ago?.label ?? "",
        year_ago: change.year_ago,
        vs_year_ago: change.vs_year_ago,
        basis: change.basis,
        measure: change.measure,
        better: change.better
      };
    });
}

const CHARTS: Record<string, ChartDrawing<unknown>> = {
  "kpi-cards": drawing<KpiCardData & Row>({
    draw: (kpis, options) => kpiCardsSvg(kpis, options),
    rows: kpiCardRows
  }),
  "revenue-trend": drawing<MonthRow[]>({
    draw: (monthly, options) => revenueTrend(monthly, options),
    rows: (monthly) => monthly as unknown as Row[]
  }),
  "top-categories": drawing<Category[]>({
    draw: (categories, options) =>
      rankedBars(categories.slice(0, TOP), {
        ...options,
        label: (d) => d.category_english,
        value: (d) => d.revenue,
        valueLabel: "Item revenue (R$)"
      }),
    rows: (categories) => categories as unknown as Row[]
  }),
  "top-states": drawing<State[]>({
    draw: (states, options) =>
      rankedBars(states.slice(0, TOP), {
        ...options,
        label: (d) => d.state,
        value: (d) => d.revenue,
        valueLabel: "Payments (R$)"
      }),
    rows: (states) => states as unknown as Row[]
  }),
  "cohort-heatmap": drawing<CohortHeatmapData>({
    draw: (data, options) => cohortHeatmap(data.cohorts, {...options, minCohortSize: data.min_cohort_size}),
    // One row per cohort and month since acquisition, flags included (read them before using a share).
    rows: (data) =>
      data.cohorts.flatMap((c) =>
        c.months.map((m) => ({
          cohort: c.cohort,
          people: c.people,
          small: c.small,
          month_offset: m.month_offset,
          month: m.month,
          retained: m.retained,
          retention: m.retention,
          observable: m.observable
        }))
      )
  }),
  "segment-sizes": drawing<SegmentShare[]>({
    draw: (segments, options) => segmentShares(segments, options),
    rows: (segments) => segments as unknown as Row[]
  }),
  "churn-risk": drawing<ChurnRiskData>({
    draw: (data, options) => churnRiskDistribution(data, options),
    rows: (data) => data.bins.map((b) => ({horizon_days: data.horizon_days, ...b}))
  }),
  "ab-planner": drawing<PlannerCurve>({
    draw: (curve, options) => abPlannerChart(curve, options),
    rows: ({points, ...plan}) =>
      points.map((p) => ({...p, baseline: plan.baseline, alpha: plan.alpha, power: plan.power, method: plan.method}))
  })
};

export function chartDrawing(name: string): ChartDrawing<unknown> {
  const found = CHARTS[name];
  if (!found) throw new Error(`unknown chart "${name}"; known: ${Object.keys(CHARTS).join(", ")}`);
  return found;
}
