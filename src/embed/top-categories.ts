// Exported module /embed/top-categories.js: `import {TopCategories} from "https://…/embed/top-categories.js"`, then
// `element.append(await TopCategories({width: 640}))`. Snippet and CORS note: the Share list of the chart's page.
import {FileAttachment} from "observablehq:stdlib";
import {embedChart, type EmbedOptions} from "./embed-chart.js";

export function TopCategories(options?: EmbedOptions): Promise<HTMLElement> {
  return embedChart(FileAttachment("../charts/top-categories.json"), import.meta.url, options);
}
