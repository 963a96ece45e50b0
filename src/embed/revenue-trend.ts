// Exported module /embed/revenue-trend.js: `import {RevenueTrend} from "https://…/embed/revenue-trend.js"`, then
// `element.append(await RevenueTrend({width: 640}))`. Snippet and CORS note: the Share list of the chart's page.
import {FileAttachment} from "observablehq:stdlib";
import {embedChart, type EmbedOptions} from "./embed-chart.js";

export function RevenueTrend(options?: EmbedOptions): Promise<HTMLElement> {
  return embedChart(FileAttachment("../charts/revenue-trend.json"), import.meta.url, options);
}
