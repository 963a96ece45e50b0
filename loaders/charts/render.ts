// Renders a chart component to a standalone SVG file and a PNG, for wikis that cannot run scripts. The component
// draws into a jsdom document; the SVG is self-contained (no page stylesheet, so the theme's CSS variables are
// resolved to the light theme's colours), and resvg rasterises it with DejaVu fonts from npm, so the picture
// does not depend on the fonts of the machine that builds it.
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {JSDOM} from "jsdom";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Light-theme values of the CSS variables components use (Framework's "air" theme). */
const THEME: Record<string, string> = {
  "--theme-foreground": "#1b1e23",
  "--theme-foreground-focus": "#3b5fc0",
  "--theme-foreground-muted": "#6d6d6d",
  "--theme-foreground-faint": "#a0a0a0",
  "--theme-foreground-faintest": "#ececec",
  "--theme-background": "#ffffff",
  "--theme-background-alt": "#f4f4f5"
};

export interface StandaloneOptions {
  title: string;
  subtitle?: string;
  width?: number;
}

/** Stacks the chart's SVGs (a legend ramp and the plot, for instance) under a title, in one SVG document. */
export function renderStandaloneSvg(draw: (options: {width: number; document: Document}) => Node, {title, subtitle, width = 800}: StandaloneOptions): string {
  const {window} = new JSDOM("<!DOCTYPE html><body></body>");
  const document = window.document;
  const node = draw({width, document});
  const svgs: SVGSVGElement[] = node.nodeName.toLowerCase() === "svg" ? [node as SVGSVGElement] : [...(node as Element).querySelectorAll("svg")];
  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("xmlns", SVG_NS);
  root.setAttribute("font-family", "DejaVu Sans, sans-serif");
  root.setAttribute("font-size", "10");
  root.setAttribute("color", THEME["--theme-foreground"]);
  const background = root.appendChild(document.createElementNS(SVG_NS, "rect"));
  background.setAttribute("fill", "white");
  const margin = 12;
  let y = margin;
  for (const [text, size, weight] of [[title, 18, "bold"], ...(subtitle ? [[subtitle, 12, "normal"]] : [])] as [string, number, string][]) {
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
  markup = markup.replace(/var\((--[\w-]+)(?:,[^)]*)?\)/g, (match, name: string) => THEME[name] ?? match);
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
