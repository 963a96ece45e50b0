// Posterior densities of two arms (A, the control, and B), drawn from precomputed curves.
import * as Plot from "@observablehq/plot";

export interface DensityPoint {
  arm: "A" | "B";
  x: number;
  density: number;
}

/** Evenly spaced curves of each arm's density over the range that holds both arms' mass. */
export function densityCurves(
  arms: {arm: "A" | "B"; density: (x: number) => number; lower: number; upper: number}[],
  steps = 200
): DensityPoint[] {
  const lo = Math.min(...arms.map((a) => a.lower));
  const hi = Math.max(...arms.map((a) => a.upper));
  const points: DensityPoint[] = [];
  for (const a of arms) {
    for (let i = 0; i <= steps; i++) {
      const x = lo + ((hi - lo) * i) / steps;
      points.push({arm: a.arm, x, density: a.density(x)});
    }
  }
  return points;
}

export function posteriorChart(
  points: DensityPoint[],
  {width, xLabel, percent = false}: {width: number; xLabel: string; percent?: boolean}
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    height: 200,
    marginLeft: 20,
    x: {label: xLabel, tickFormat: percent ? ".1%" : "~s"},
    y: {axis: null},
    color: {domain: ["A", "B"], range: ["#8a8f98", "#3b82c4"], legend: true},
    marks: [
      Plot.areaY(points, {x: "x", y: "density", fill: "arm", fillOpacity: 0.25}),
      Plot.lineY(points, {x: "x", y: "density", stroke: "arm", strokeWidth: 2}),
      Plot.ruleY([0])
    ]
  });
}
