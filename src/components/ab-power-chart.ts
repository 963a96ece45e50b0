// Power of the planned test against its length (or size), with the target power and the planned point marked.
import * as Plot from "@observablehq/plot";

export interface PowerPoint {
  x: number;
  power: number;
}

const short = (v: number) =>
  Math.abs(v) >= 1e6 ? `${v / 1e6}M` : Math.abs(v) >= 1e4 ? `${v / 1e3}k` : v.toLocaleString("en-US");

export function powerChart(
  points: PowerPoint[],
  {width, target, planned, xLabel}: {width: number; target: number; planned?: number; xLabel: string}
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 48,
    x: {label: xLabel, tickFormat: short, zero: true},
    y: {label: "Power", domain: [0, 1], tickFormat: "%", grid: true},
    marks: [
      Plot.ruleY([target], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
      ...(planned === undefined
        ? []
        : [Plot.ruleX([planned], {stroke: "var(--theme-foreground-focus, #3b5fc0)", strokeDasharray: "4,3"})]),
      Plot.lineY(points, {
        x: "x",
        y: "power",
        stroke: "var(--theme-foreground-focus, #3b5fc0)",
        strokeWidth: 2,
        tip: true,
        title: (d: PowerPoint) => `${Math.round(d.x).toLocaleString("en-US")}: power ${(d.power * 100).toFixed(0)}%`
      })
    ]
  });
}
