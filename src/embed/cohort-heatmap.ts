// Exported module /embed/cohort-heatmap.js: `import {CohortHeatmap} from "https://…/embed/cohort-heatmap.js"`, then
// `element.append(await CohortHeatmap({width: 640}))`. Snippet and CORS note: the Share list of the chart's page.
import {FileAttachment} from "observablehq:stdlib";
import {embedChart, type EmbedOptions} from "./embed-chart.js";

export function CohortHeatmap(options?: EmbedOptions): Promise<HTMLElement> {
  return embedChart(FileAttachment("../charts/cohort-heatmap.json"), import.meta.url, options);
}
