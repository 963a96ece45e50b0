// Shared by the parameterised loaders in this folder: which chart (--chart=NAME), and its SVG, CSV or JSON.
import {parseArgs} from "node:util";
import {renderStandaloneSvg} from "../../loaders/charts/render.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";
import {csvText} from "../components/csv-download.js";
import type {ChartData} from "./draw.js";
import {chartSpec} from "./registry.js";
import {LIGHT_THEME} from "./theme.js";

export async function chartFile(format: "svg" | "csv" | "json"): Promise<string> {
  const {values} = parseArgs({options: {chart: {type: "string"}}});
  const spec = chartSpec(values.chart ?? "");
  return withWarehouse(async (warehouse) => {
    const data = await spec.data(warehouse);
    const subtitle = `${warehouse.source.name === "synthetic" ? "Synthetic data" : `Data: ${warehouse.source.name}`}, as of ${await warehouse.analysisDate()}`;
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
