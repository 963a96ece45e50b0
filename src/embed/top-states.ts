// Exported module /embed/top-states.js: `import {TopStates} from "https://…/embed/top-states.js"`, then
// `element.append(await TopStates({width: 640}))`. Snippet and CORS note: the Share list of the chart's page.
import {FileAttachment} from "observablehq:stdlib";
import {embedChart, type EmbedOptions} from "./embed-chart.js";

export function TopStates(options?: EmbedOptions): Promise<HTMLElement> {
  return embedChart(FileAttachment("../charts/top-states.json"), import.meta.url, options);
}
