// What every exported module of this folder returns: the chart as a self-contained <figure> (title, source, the
// chart in the light theme), drawn from its data file at the width asked for. The chart code is imported on
// demand: Framework 1.13.4 cannot build an exported module whose *static* imports reach a package from
// node_modules (Plot): to preload them it reads the `_node/` bundle of Plot, turns its relative imports
// ("../d3@7.9.2/index.js") back into bare names and asks Node to resolve them, which fails with "Cannot find module
// 'd3@7.9.2/index.js'" (getModuleStaticImports in its dist/resolvers.js). Dynamic imports are not preloaded, and
// build and load like a page's.
import {CHART_CATALOG} from "../lib/contracts/charts.js";
import type {ChartData} from "../charts/draw.js";
import {LIGHT_THEME} from "../charts/theme.js";

export interface EmbedOptions {
  /** Width of the chart in pixels (default 640). */
  width?: number;
}

/** FileAttachment's handle, as far as this module uses it. */
interface DataFile {
  json(): Promise<unknown>;
}

/** `moduleUrl`: import.meta.url of the exported module (/embed/NAME.js), from which the site's address follows. */
export async function embedChart(
  file: DataFile,
  moduleUrl: string,
  {width = 640}: EmbedOptions = {}
): Promise<HTMLElement> {
  const [{chartDrawing}, chart] = await Promise.all([import("../charts/draw.js"), file.json() as Promise<ChartData>]);
  const figure = document.createElement("figure");
  figure.dataset.chart = chart.name;
  for (const [name, value] of Object.entries(LIGHT_THEME)) figure.style.setProperty(name, value);
  figure.style.cssText +=
    "margin: 0; padding: 8px; width: fit-content; max-width: 100%; background: var(--theme-background); color: var(--theme-foreground); font: 12px/1.4 system-ui, sans-serif;";
  const title = figure.appendChild(document.createElement("div"));
  title.style.cssText = "font-weight: 600; font-size: 15px;";
  title.textContent = chart.title;
  figure.append(chartDrawing(chart.name).draw(chart.data, {width}));
  const source = figure.appendChild(document.createElement("figcaption"));
  source.style.cssText = "color: var(--theme-foreground-muted);";
  const link = document.createElement("a");
  const page = CHART_CATALOG.find((c) => c.name === chart.name)?.page ?? "/";
  link.href = new URL(`..${page}`, moduleUrl).href; // the page the chart comes from
  link.textContent = "Olist Customer Analytics";
  link.style.color = "inherit";
  source.append(`${chart.subtitle} · `, link);
  return figure;
}
