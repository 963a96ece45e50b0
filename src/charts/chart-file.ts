// Shared by the parameterised loaders in this folder: which chart (--chart=NAME), and its SVG, CSV or JSON.
import {parseArgs} from "node:util";
import {renderStandaloneSvg} from "../../loaders/charts/render.js";
import {withWarehouse, type Warehouse} from "../../loaders/warehouse/warehouse.js";
import {csvText} from "../components/csv-download.js";
import type {ChartData} from "./draw.js";
import {chartSpec, type ChartSpec} from "./registry.js";
import {LIGHT_THEME} from "./theme.js";

/**
 * A chart's data, computed once per process for its four files (SVG, PNG, CSV, JSON): the build runs every
 * chart file in one worker (loaders/build/run-loaders.ts). Keyed by the data the warehouse holds.
 */
const computed = new Map<string, Promise<{data: unknown; subtitle: string}>>();

function chartData(spec: ChartSpec, warehouse: Warehouse) {
  const key = `${warehouse.fingerprint} ${process.env.ANALYSIS_DATE ?? ""} ${spec.name}`;
  let found = computed.get(key);
  if (!found) {
    found = (async () => {
      const data = await spec.data(warehouse);
      const source = warehouse.source.name === "synthetic" ? "Synthetic data" : `Data: ${warehouse.source.name}`;
      return {data, subtitle: `${source}, as of ${await warehouse.analysisDate()}`};
    })();
    computed.set(key, found);
  }
  return found;
}

export async function chartFile(format: "svg" | "csv" | "json"): Promise<string> {
  const {values} = parseArgs({options: {chart: {type: "string"}}});
  const spec = chartSpec(values.chart ?? "");
  return withWarehouse(async (warehouse) => {
    const {data, subtitle} = await chartData(spec, warehouse);
    if (format === "json")
      return JSON.stringify({name: spec.name, title: spec.title, subtitle, data} satisfies ChartData);
    if (format === "csv") return csvText(spec.rows(data));
    return renderStandaloneSvg((options) => spec.draw(data, options), {
      title: spec.title,
      subtitle,
      theme: LIGHT_THEME
    });
  });
}
