// A KPI card's sparkline: the figure month by month (lib/sparkline.ts), with the recent months shaded and the last
// value marked; months that are never compared are gaps. An <svg> of its own, so that it sits in an HTML card and,
// positioned with x/y, inside the cards' standalone SVG.
import type {Comparison} from "../lib/contracts/changes.js";
import {monthName} from "../lib/comparison-window.js";
import {sparklineGeometry} from "../lib/sparkline.js";

const NS = "http://www.w3.org/2000/svg";

export interface SparklineOptions {
  width: number;
  height: number;
  document?: Document;
}

export function kpiSparkline(
  values: readonly (number | null)[],
  comparison: Pick<Comparison, "sparkline_months" | "recent">,
  {width, height, document = globalThis.document}: SparklineOptions
): SVGSVGElement {
  const svg = document.createElementNS(NS, "svg") as SVGSVGElement;
  const set = (el: Element, attributes: Record<string, string | number>) => {
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
    return el;
  };
  set(svg, {width, height, viewBox: `0 0 ${width} ${height}`, class: "kpi-sparkline", role: "img"});
  const months = comparison.sparkline_months;
  const title = svg.appendChild(document.createElementNS(NS, "title"));
  title.textContent = months.length
    ? `Month by month, ${monthName(months[0])}–${monthName(months.at(-1)!)}; gaps are months that are not compared`
    : "No month to show";
  const geometry = sparklineGeometry(values, {width, height, pad: 3});
  const recent = comparison.recent?.months ?? [];
  const from = months.indexOf(recent[0]);
  const to = months.indexOf(recent.at(-1) ?? "");
  if (from >= 0 && to >= 0 && months.length > 1) {
    const step = geometry.x(1) - geometry.x(0);
    svg.appendChild(
      set(document.createElementNS(NS, "rect"), {
        x: geometry.x(from) - step / 2,
        y: 0,
        width: geometry.x(to) - geometry.x(from) + step,
        height,
        fill: "var(--theme-foreground-faintest, #ececec)"
      })
    );
  }
  svg.appendChild(
    set(document.createElementNS(NS, "path"), {
      d: geometry.path || "M0,0",
      fill: "none",
      stroke: "var(--theme-foreground-muted, #6d6d6d)",
      "stroke-width": 1.5,
      "stroke-linejoin": "round",
      "stroke-linecap": "round"
    })
  );
  for (const dot of geometry.dots)
    svg.appendChild(
      set(document.createElementNS(NS, "circle"), {
        cx: dot.x,
        cy: dot.y,
        r: 1.5,
        fill: "var(--theme-foreground-muted, #6d6d6d)"
      })
    );
  if (geometry.last)
    svg.appendChild(
      set(document.createElementNS(NS, "circle"), {
        cx: geometry.last.x,
        cy: geometry.last.y,
        r: 2.5,
        fill: "currentColor"
      })
    );
  return svg;
}
