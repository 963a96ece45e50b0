// Observable Framework configuration: the site's pages, theme and footer.
import {offlineConfig} from "./loaders/build/offline-config.js";
import {dataSource} from "./loaders/config.js";
import {CHART_PATHS} from "./lib/contracts/charts.js";
import {slicePagePaths} from "./loaders/slices/paths.js";

const source = dataSource();
const sourceLabel =
  source.kind === "synthetic"
    ? `synthetic Olist-like data (scale ${source.scale}, seed ${source.seed})`
    : `Olist files in ${source.name}/`;

export default {
  root: "src",
  // SITE_OUTPUT lets tests build elsewhere without touching dist/.
  output: process.env.SITE_OUTPUT ?? "dist",
  title: "Olist Customer Analytics",
  pages: [
    {name: "Executive overview", path: "/"},
    {name: "Business insights", path: "/insights"},
    {name: "States", path: "/states"},
    {name: "Categories", path: "/categories"},
    {name: "Customer features", path: "/features"},
    {name: "Review insights", path: "/reviews"},
    {name: "Recommendations", path: "/recommendations"},
    {name: "Cohorts", path: "/cohorts"},
    {name: "Segments", path: "/segments"},
    {name: "Customer lifetime value", path: "/clv"},
    {name: "Churn model", path: "/churn-model"},
    {name: "Churn scoring", path: "/churn-scoring"},
    {name: "A/B testing", path: "/ab-testing"},
    {name: "Data quality", path: "/data-quality"}
  ],
  // Files with stable paths for wikis: each key chart as SVG, PNG and the CSV of its data (src/charts/).
  // CHART_PATHS also lists each key chart's iframe page /embed/NAME and ES module /embed/NAME.js (src/embed/).
  dynamicPaths: async function* () {
    yield* CHART_PATHS;
    // One page per customer state and per product category (src/states/[state].md, src/categories/[category].md),
    // listed from the data by loaders/build/prepare.ts.
    yield* slicePagePaths();
  },
  // Light and dark themes follow the reader's setting; style.css adds the print stylesheet.
  style: "style.css",
  // No header: Framework parses a header (even an empty one) into a DOM for every page it builds.
  header: null,
  search: true,
  toc: true,
  pager: false,
  footer: `Data: ${sourceLabel}. Built ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with Observable Framework.`,
  ...offlineConfig
};
