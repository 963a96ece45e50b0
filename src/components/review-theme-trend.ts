// Each theme's share of the month's reviews with text, one small panel per theme on a shared time axis.
import * as Plot from "@observablehq/plot";
import {emptyNote} from "./review-empty.js";
import {THEME_TONE, TONE_COLORS} from "./review-theme-shares.js";

export interface ThemeMonth {
  month: string; // YYYY-MM (month the review was written)
  theme: string;
  label: string;
  share: number;
  reviews: number;
  reviews_with_text: number;
}

export function reviewThemeTrend(monthly: ThemeMonth[], {width}: {width: number}): SVGSVGElement | HTMLElement {
  const data = monthly.map((d) => ({...d, date: new Date(`${d.month}-01T00:00:00Z`)}));
  if (!data.length) return emptyNote("No month has enough reviews with text for a trend.");
  const labels = [...new Set(data.map((d) => d.label))];
  const color = (d: ThemeMonth) => TONE_COLORS[THEME_TONE[d.theme] ?? "either"];
  return Plot.plot({
    // never narrower than the margins plus a readable plot (a resize can briefly report a tiny width)
    width: Math.max(width, 50 + 190 + 160),
    height: 70 * labels.length + 40,
    marginLeft: 50,
    marginRight: 190,
    x: {type: "utc", label: null},
    y: {label: null, tickFormat: "%", ticks: 2, grid: true},
    fy: {label: null, domain: labels, axis: "right", tickSize: 0},
    marks: [
      Plot.areaY(data, {x: "date", y: "share", fy: "label", fill: color, fillOpacity: 0.25, curve: "monotone-x"}),
      Plot.lineY(data, {x: "date", y: "share", fy: "label", stroke: color, curve: "monotone-x"}),
      Plot.ruleY([0]),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: "share",
          fy: "label",
          title: (d: ThemeMonth) =>
            `${d.label}, ${d.month}\n${(d.share * 100).toFixed(1)}% of ${d.reviews_with_text.toLocaleString("en-US")} reviews with text`
        })
      )
    ]
  });
}
