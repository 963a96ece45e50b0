// How each chart of catalog.ts gets its rows (the CSV) and which component draws it (the SVG and PNG); the
// parameterised loaders beside this file render one chart per file.
import {kpis} from "../../loaders/kpis.js";
import {overview} from "../../loaders/overview.js";
import type {Warehouse} from "../../loaders/warehouse/warehouse.js";
import type {ChartOptions} from "../components/chart-options.js";
import {kpiCardsSvg} from "../components/kpi-cards.js";
import {rankedBars} from "../components/ranked-bars.js";
import {revenueTrend} from "../components/revenue-trend.js";
import {CHART_CATALOG, type ChartEntry} from "./catalog.js";

type Row = Record<string, unknown>;

export interface ChartSpec {
  /** The rows behind the chart (written as the CSV). */
  data: (warehouse: Warehouse) => Promise<Row[]>;
  draw: (rows: Row[], options: Required<ChartOptions>) => Node;
}

const CHARTS: Record<string, ChartSpec> = {
  "kpi-cards": {
    data: async (w) => {
      const k = await kpis(w);
      return Object.entries(k).map(([field, value]) => ({field, value}));
    },
    draw: (rows, options) => kpiCardsSvg(Object.fromEntries(rows.map((r) => [r.field, r.value])) as never, options)
  },
  "revenue-trend": {
    data: async (w) => (await overview(w)).monthly,
    draw: (rows, options) => revenueTrend(rows as never, options)
  },
  "top-categories": {
    data: async (w) => (await overview(w)).categories ?? [],
    draw: (rows, options) =>
      rankedBars(rows.slice(0, 10), {...options, label: (d) => String(d.category_english), value: (d) => Number(d.revenue), valueLabel: "Item revenue (R$)"})
  },
  "top-states": {
    data: async (w) => (await overview(w)).states,
    draw: (rows, options) =>
      rankedBars(rows.slice(0, 10), {...options, label: (d) => String(d.state), value: (d) => Number(d.revenue), valueLabel: "Payments (R$)"})
  }
};

export function chartSpec(name: string): ChartSpec & ChartEntry {
  const entry = CHART_CATALOG.find((chart) => chart.name === name);
  if (!entry || !CHARTS[name]) throw new Error(`unknown chart "${name}"; known: ${Object.keys(CHARTS).join(", ")}`);
  return {...entry, ...CHARTS[name]};
}
