// The peeking problem: the share of A/A tests (no real difference) declared "significant" by day, when the
// results are checked every day and the test stops at the first p < alpha, against the promised alpha.
import * as Plot from "@observablehq/plot";

export function peekingChart(
  peekingByDay: number[],
  {width, alpha, sequential}: {width: number; alpha: number; sequential: number}
): SVGSVGElement | HTMLElement {
  const data = peekingByDay.map((share, i) => ({day: i + 1, share}));
  const top = Math.max(alpha * 2, ...peekingByDay) * 1.1;
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 48,
    x: {label: "Day of the test", tickFormat: "d"},
    y: {label: "False winners", domain: [0, top], tickFormat: ".0%", grid: true},
    marks: [
      Plot.ruleY([alpha], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
      Plot.text([alpha], {
        x: 1,
        y: (d: number) => d,
        text: () => "promised",
        textAnchor: "start",
        dy: -6,
        fill: "var(--theme-foreground-muted)"
      }),
      Plot.ruleY([sequential], {stroke: "#2a9d5c", strokeDasharray: "2,2"}),
      Plot.text([sequential], {
        x: data.length,
        y: (d: number) => d,
        text: () => "sequential monitor",
        textAnchor: "end",
        dy: -6,
        fill: "#2a9d5c"
      }),
      Plot.lineY(data, {
        x: "day",
        y: "share",
        stroke: "#d0562b",
        strokeWidth: 2,
        tip: true,
        title: (d: {day: number; share: number}) =>
          `day ${d.day}: ${(d.share * 100).toFixed(1)}% of A/A tests stopped with a "winner"`
      })
    ]
  });
}
