// Share of people and share of revenue per RFM segment, side by side: where the customers are vs where the money is.
import * as Plot from "@observablehq/plot";
import {count, money, percent} from "../lib/format.js";
import type {ChartOptions} from "./chart-options.js";

export interface SegmentShare {
  segment: string;
  people: number;
  share: number;
  revenue: number;
  revenue_share: number;
}

export function segmentShares(segments: SegmentShare[], {width, document}: ChartOptions): SVGSVGElement | HTMLElement {
  const shown = segments.filter((s) => s.people > 0);
  const rows = shown.flatMap((s) => [
    {
      segment: s.segment,
      measure: "Share of people",
      value: s.share,
      title: `${s.segment}: ${count(s.people)} people (${percent(s.share, 2)})`
    },
    {
      segment: s.segment,
      measure: "Share of revenue",
      value: s.revenue_share,
      title: `${s.segment}: ${money(s.revenue)} (${percent(s.revenue_share, 2)} of revenue)`
    }
  ]);
  return Plot.plot({
    document,
    width,
    height: 34 * shown.length + 60,
    marginLeft: Math.min(140, width / 3),
    marginRight: 44,
    x: {label: "Share →", tickFormat: "%", grid: true},
    y: {axis: null, domain: ["Share of people", "Share of revenue"]},
    fy: {label: null, domain: shown.map((s) => s.segment)},
    color: {
      legend: true,
      domain: ["Share of people", "Share of revenue"],
      range: ["var(--theme-foreground-muted)", "var(--theme-foreground-focus, #3b5fc0)"]
    },
    marks: [
      Plot.barX(rows, {fy: "segment", y: "measure", x: "value", fill: "measure", title: "title", tip: true}),
      Plot.text(rows, {
        fy: "segment",
        y: "measure",
        x: "value",
        text: (d: {value: number}) => percent(d.value, d.value < 0.01 ? 2 : 1),
        textAnchor: "start",
        dx: 4,
        fontSize: 10,
        fill: "currentColor"
      }),
      Plot.ruleX([0])
    ]
  });
}
