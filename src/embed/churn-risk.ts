// Exported module /embed/churn-risk.js: `import {ChurnRisk} from "https://…/embed/churn-risk.js"`, then
// `element.append(await ChurnRisk({width: 640}))`. Snippet and CORS note: the Share list of the chart's page.
import {FileAttachment} from "observablehq:stdlib";
import {embedChart, type EmbedOptions} from "./embed-chart.js";

export function ChurnRisk(options?: EmbedOptions): Promise<HTMLElement> {
  return embedChart(FileAttachment("../charts/churn-risk.json"), import.meta.url, options);
}
