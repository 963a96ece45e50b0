// Every output of the site's data loaders, as Framework names them: "data/kpis.json" from src/data/kpis.json.ts,
// "charts/kpi-cards.svg" from the parameterised src/charts/[chart].svg.ts with chart=kpi-cards. Framework keeps
// each in src/.observablehq/cache/<target> (its documented loader cache) and runs a loader only when that file is
// missing, so prepare.ts can compute them all ahead of a build (run-loaders.ts).
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {CHART_CATALOG} from "../../lib/contracts/charts.js";
import {PROJECT_ROOT} from "../config.js";

export const FRAMEWORK_CACHE = join(PROJECT_ROOT, "src", ".observablehq", "cache");

export interface LoaderTarget {
  /** The output, relative to the Framework root: "data/kpis.json". */
  target: string;
  /** The loader file, relative to the project: "src/data/kpis.json.ts". */
  loader: string;
  /** The parameters Framework passes as --name=value (parameterised loaders). */
  params: Record<string, string>;
}

/** Formats the chart loaders write for each chart of the catalog (json feeds the embeds, src/embed/). */
const CHART_OUTPUTS = ["svg", "png", "csv", "json"];

export function loaderTargets(root = PROJECT_ROOT): LoaderTarget[] {
  const data = readdirSync(join(root, "src", "data"))
    .filter((name) => /^[\w-]+\.\w+\.ts$/.test(name))
    .sort()
    .map((name) => ({target: `data/${name.replace(/\.ts$/, "")}`, loader: `src/data/${name}`, params: {}}));
  const charts = CHART_CATALOG.flatMap((chart) =>
    CHART_OUTPUTS.map((ext) => ({
      target: `charts/${chart.name}.${ext}`,
      loader: `src/charts/[chart].${ext}.ts`,
      params: {chart: chart.name}
    }))
  );
  return [...data, ...charts];
}

/** Where Framework keeps (and looks for) a target's output. */
export const cachePath = (target: string) => join(FRAMEWORK_CACHE, target);
