// Renders a chart component to a standalone SVG file and a PNG, for wikis that cannot run scripts. The component
// draws into a jsdom document; the SVG is self-contained (no page stylesheet, so the theme's CSS variables are
// resolved to the given theme's colours), and resvg rasterises it with DejaVu fonts from npm, so the picture
// does not depend on the fonts of the machine that builds it.
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {JSDOM} from "jsdom";
import {installCanvasPixels} from "./canvas-pixels.js";

const SVG_NS = "http://www.w3.org/2000/svg";

export interface StandaloneOptions {
  title: string;
  subtitle?: string;
  width?: number;
  /** Values of the CSS variables the components use (var(--name)), substituted since no stylesheet defines them. */
  theme: Record<string, string>;
}

/**
 * The SVGs a component returned, top to bottom: the svg itself, or those of Plot's figure (a colour ramp, the
 * plot); Plot's swatch legends, which are HTML, become an SVG row of squares and labels.
 */
function chartParts(node: Element, document: Document, width: number): Element[] {
  if (node.localName === "svg") return [node];
  if ([...node.classList].some((c) => c.endsWith("-swatches"))) return [swatchesSvg(node, document, width)];
  return [...node.children].flatMap((child) => chartParts(child, document, width));
}

function swatchesSvg(legend: Element, document: Document, width: number): Element {
  const svg = document.createElementNS(SVG_NS, "svg");
  const rowHeight = 18;
  let x = 0;
  let y = 0;
  for (const item of legend.children) {
    if (item.localName === "style") continue;
    const label = item.textContent?.trim() ?? "";
    const itemWidth = 18 + 6.2 * label.length + 14; // square, label at about 6.2 px a character (DejaVu Sans 10 px)
    if (x > 0 && x + itemWidth > width) ((x = 0), (y += rowHeight));
    const square = svg.appendChild(document.createElementNS(SVG_NS, "rect"));
    for (const [name, value] of [
      ["x", x],
      ["y", y + 3],
      ["width", 12],
      ["height", 12]
    ] as const)
      square.setAttribute(name, String(value));
    square.setAttribute("fill", item.querySelector("svg")?.getAttribute("fill") ?? "currentColor");
    const text = svg.appendChild(document.createElementNS(SVG_NS, "text"));
    text.setAttribute("x", String(x + 18));
    text.setAttribute("y", String(y + 13));
    text.setAttribute("fill", "currentColor");
    text.textContent = label;
    x += itemWidth;
  }
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(y + rowHeight));
  return svg;
}

/** Stacks the chart's SVGs (a legend ramp and the plot, for instance) under a title, in one SVG document. */
export function renderStandaloneSvg(
  draw: (options: {width: number; document: Document}) => Node,
  {title, subtitle, width = 800, theme}: StandaloneOptions
): string {
  const {window} = new JSDOM("<!DOCTYPE html><body></body>");
  installCanvasPixels(window as unknown as Window & typeof globalThis); // continuous colour legends
  const document = window.document;
  const node = draw({width, document});
  const svgs = chartParts(node as Element, document, width);
  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("xmlns", SVG_NS);
  root.setAttribute("font-family", "DejaVu Sans, sans-serif");
  root.setAttribute("font-size", "10");
  root.setAttribute("color", theme["--theme-foreground"] ?? "black");
  const background = root.appendChild(document.createElementNS(SVG_NS, "rect"));
  background.setAttribute("fill", "white");
  const margin = 12;
  let y = margin;
  for (const [text, size, weight] of [[title, 18, "bold"], ...(subtitle ? [[subtitle, 12, "normal"]] : [])] as [
    string,
    number,
    string
  ][]) {
    y += size + 4;
    const label = root.appendChild(document.createElementNS(SVG_NS, "text"));
    label.setAttribute("x", String(margin));
    label.setAttribute("y", String(y));
    label.setAttribute("font-size", String(size));
    label.setAttribute("font-weight", weight);
    label.setAttribute("fill", "currentColor");
    label.textContent = text;
  }
  y += 12;
  let maxWidth = width + 2 * margin;
  for (const svg of svgs) {
    const w = Number(svg.getAttribute("width") ?? width);
    const h = Number(svg.getAttribute("height") ?? 0);
    svg.setAttribute("x", String(margin));
    svg.setAttribute("y", String(y));
    svg.setAttribute("overflow", "visible"); // as in a page: a nested svg would clip a tick label at its edge
    root.appendChild(svg);
    y += h + 8;
    maxWidth = Math.max(maxWidth, w + 2 * margin);
  }
  background.setAttribute("width", String(maxWidth));
  background.setAttribute("height", String(y));
  root.setAttribute("width", String(maxWidth));
  root.setAttribute("height", String(y));
  root.setAttribute("viewBox", `0 0 ${maxWidth} ${y}`);
  let markup = root.outerHTML;
  // var(--name) or var(--name, fallback) → the theme's value.
  markup = markup.replace(/var\((--[\w-]+)(?:,[^)]*)?\)/g, (match, name: string) => theme[name] ?? match);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`;
}

const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");

/** PNG of an SVG at twice its size, for sharp pictures on high-density screens. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: {mode: "zoom", value: scale},
    font: {
      loadSystemFonts: false,
      fontFiles: ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => join(fontDir, file)),
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans"
    }
  });
  return resvg.render().asPng();
}
