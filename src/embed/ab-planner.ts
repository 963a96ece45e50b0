// Exported module /embed/ab-planner.js: `import {AbPlanner} from "https://…/embed/ab-planner.js"`, then
// `element.append(await AbPlanner({width: 640}))`. Snippet and CORS note: the Share list of the chart's page.
import {FileAttachment} from "observablehq:stdlib";
import {embedChart, type EmbedOptions} from "./embed-chart.js";

export function AbPlanner(options?: EmbedOptions): Promise<HTMLElement> {
  return embedChart(FileAttachment("../charts/ab-planner.json"), import.meta.url, options);
}
