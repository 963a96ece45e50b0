// How the number of clusters was chosen: mean silhouette per k (higher is better; the chosen k is marked) and the
// within-cluster sum of squares (inertia), which always falls as k grows.
import * as Plot from "@observablehq/plot";

export interface KScore {
  k: number;
  inertia: number;
  silhouette: number;
}

export function segmentKChoice(ks: KScore[], chosen: number, {width}: {width: number}): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    height: 220,
    marginTop: 30,
    marginRight: 30,
    x: {label: "Number of clusters k →", ticks: ks.map((d) => d.k), tickFormat: "d"},
    y: {label: "↑ Mean silhouette", grid: true, zero: true},
    marks: [
      Plot.lineY(ks, {x: "k", y: "silhouette", stroke: "var(--theme-foreground-muted)"}),
      Plot.dot(ks, {
        x: "k",
        y: "silhouette",
        r: (d: KScore) => (d.k === chosen ? 6 : 3),
        fill: (d: KScore) => (d.k === chosen ? "var(--theme-foreground-focus, #3b5fc0)" : "currentColor"),
        title: (d: KScore) =>
          `k = ${d.k}: silhouette ${d.silhouette.toFixed(3)}, inertia ${Math.round(d.inertia).toLocaleString("en-US")}`,
        tip: true
      }),
      Plot.text(
        ks.filter((d) => d.k === chosen),
        {
          x: "k",
          y: "silhouette",
          text: (d: KScore) => `chosen: k = ${d.k}`,
          dx: 10,
          textAnchor: "start",
          fill: "currentColor"
        }
      )
    ]
  });
}
