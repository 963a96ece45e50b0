// The key charts that can be shared outside the site: each ships as standalone files for wikis
// (dist/charts/NAME.svg, .png, .csv), as an iframe page without sidebar, header or footer (/embed/NAME) and as an
// ES module another site can import (/embed/NAME.js, exporting `exportName`). Plain data, so that
// observablehq.config.ts can list the paths without loading chart or database code; src/charts/draw.ts says how each
// chart is drawn, src/charts/registry.ts where its data comes from.
export interface ChartEntry {
  name: string;
  title: string;
  /** The page the chart comes from. */
  page: string;
  /** The function the exported module /embed/NAME.js exports: `await RevenueTrend({width: 640})`. */
  exportName: string;
  /** Height of the iframe snippet, in pixels, for a frame about 700 pixels wide. */
  frameHeight: number;
}

export const CHART_CATALOG: ChartEntry[] = [
  {name: "kpi-cards", title: "Headline KPIs", page: "/", exportName: "KpiCards", frameHeight: 820},
  {
    name: "revenue-trend",
    title: "Revenue and orders by month",
    page: "/",
    exportName: "RevenueTrend",
    frameHeight: 420
  },
  {
    name: "top-categories",
    title: "Top categories by item revenue",
    page: "/",
    exportName: "TopCategories",
    frameHeight: 400
  },
  {name: "top-states", title: "Top states by revenue", page: "/", exportName: "TopStates", frameHeight: 400},
  {
    name: "cohort-heatmap",
    title: "Retention by monthly cohort",
    page: "/cohorts",
    exportName: "CohortHeatmap",
    frameHeight: 720
  },
  {
    name: "segment-sizes",
    title: "RFM segments: share of people and of revenue",
    page: "/segments",
    exportName: "SegmentSizes",
    frameHeight: 560
  },
  {
    name: "churn-risk",
    title: "Churn risk of today's customers",
    page: "/churn-scoring",
    exportName: "ChurnRisk",
    frameHeight: 420
  },
  {
    name: "ab-planner",
    title: "A/B planner: customers needed per detectable lift",
    page: "/ab-testing",
    exportName: "AbPlanner",
    frameHeight: 420
  }
];

export const CHART_FORMATS = ["svg", "png", "csv"] as const;

/** The charts drawn on a page (path as in the sidebar: "/", "/cohorts"…), in catalog order. */
export function pageCharts(page: string): ChartEntry[] {
  return CHART_CATALOG.filter((chart) => chart.page === page);
}

/** Every path of the shared charts, for Framework's dynamicPaths: the files, the iframe pages and the modules. */
export const CHART_PATHS = CHART_CATALOG.flatMap((chart) => [
  ...CHART_FORMATS.map((ext) => `/charts/${chart.name}.${ext}`),
  `/embed/${chart.name}`,
  `/embed/${chart.name}.js`
]);
