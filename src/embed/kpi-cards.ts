// Exported module /embed/kpi-cards.js: `import {KpiCards} from "https://…/embed/kpi-cards.js"`, then
// `element.append(await KpiCards({width: 640}))`. Snippet and CORS note: the Share list of the chart's page.
import {FileAttachment} from "observablehq:stdlib";
import {embedChart, type EmbedOptions} from "./embed-chart.js";

export function KpiCards(options?: EmbedOptions): Promise<HTMLElement> {
  return embedChart(FileAttachment("../charts/kpi-cards.json"), import.meta.url, options);
}
