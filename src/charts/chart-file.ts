// Shared by the three parameterised loaders in this folder: which chart (--chart=NAME), its rows and its SVG.
import {parseArgs} from "node:util";
import {csvFormat} from "d3-dsv";
import {renderStandaloneSvg} from "../../loaders/charts/render.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";
import {chartSpec} from "./registry.js";

export async function chartFile(format: "svg" | "csv"): Promise<string> {
  const {values} = parseArgs({options: {chart: {type: "string"}}});
  const spec = chartSpec(values.chart ?? "");
  return withWarehouse(async (warehouse) => {
    const rows = await spec.data(warehouse);
    if (format === "csv") return csvFormat(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "object" && v !== null ? JSON.stringify(v) : v]))));
    const subtitle = `${warehouse.source.name === "synthetic" ? "Synthetic data" : `Data: ${warehouse.source.name}`}, as of ${await warehouse.analysisDate()}`;
    return renderStandaloneSvg((options) => spec.draw(rows, options), {title: spec.title, subtitle});
  });
}
