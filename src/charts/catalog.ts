// The key charts that also ship as standalone files for wikis (dist/charts/NAME.svg, .png, .csv). Plain data, so
// that observablehq.config.ts can list the paths without loading chart or database code; registry.ts adds how
// each chart gets its data and which component draws it.
export interface ChartEntry {
  name: string;
  title: string;
  /** The page the chart comes from. */
  page: string;
}

export const CHART_CATALOG: ChartEntry[] = [
  {name: "kpi-cards", title: "Headline KPIs", page: "/"},
  {name: "revenue-trend", title: "Revenue and orders by month", page: "/"},
  {name: "top-categories", title: "Top categories by item revenue", page: "/"},
  {name: "top-states", title: "Top states by revenue", page: "/"}
];

export const CHART_FORMATS = ["svg", "png", "csv"] as const;

export const CHART_PATHS = CHART_CATALOG.flatMap((chart) => CHART_FORMATS.map((ext) => `/charts/${chart.name}.${ext}`));
