// Exported module /embed/segment-sizes.js: `import {SegmentSizes} from "https://…/embed/segment-sizes.js"`, then
// `element.append(await SegmentSizes({width: 640}))`. Snippet and CORS note: the Share list of the chart's page.
import {FileAttachment} from "observablehq:stdlib";
import {embedChart, type EmbedOptions} from "./embed-chart.js";

export function SegmentSizes(options?: EmbedOptions): Promise<HTMLElement> {
  return embedChart(FileAttachment("../charts/segment-sizes.json"), import.meta.url, options);
}
