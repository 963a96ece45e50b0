// Review score and sentiment by delivery status at the time of the review: the cost of a late parcel.
import * as Plot from "@observablehq/plot";
import {emptyNote} from "./review-empty.js";

export interface DeliveryRow {
  delivery: string;
  reviews: number;
  reviews_with_text: number;
  avg_score: number | null;
  avg_sentiment: number | null;
  repeat_rate: number | null;
}

export function reviewDelivery(rows: DeliveryRow[], {width}: {width: number}): SVGSVGElement | HTMLElement {
  const data = rows.filter((r) => r.avg_score !== null && r.reviews > 0);
  if (!data.length) return emptyNote("No review to show.");
  return Plot.plot({
    // never narrower than the margins plus a readable plot (a resize can briefly report a tiny width)
    width: Math.max(width, 110 + 120 + 160),
    height: 40 * data.length + 60,
    marginLeft: 110,
    marginRight: 120,
    x: {domain: [1, 5], grid: true, label: "Average review score (1–5 stars)"},
    y: {label: null, domain: data.map((d) => d.delivery)},
    color: {type: "diverging", scheme: "RdBu", pivot: 3.5, domain: [1, 5]},
    marks: [
      Plot.barX(data, {
        y: "delivery",
        x1: 1,
        x2: "avg_score",
        fill: "avg_score",
        tip: true,
        title: (d: DeliveryRow) =>
          `${d.delivery}: ${d.reviews.toLocaleString("en-US")} reviews\naverage score ${d.avg_score!.toFixed(2)}` +
          (d.avg_sentiment === null ? "" : `, sentiment ${d.avg_sentiment.toFixed(2)}`)
      }),
      Plot.text(data, {
        y: "delivery",
        x: "avg_score",
        text: (d: DeliveryRow) => `${d.avg_score!.toFixed(2)} · ${d.reviews.toLocaleString("en-US")} reviews`,
        textAnchor: "start",
        dx: 5,
        fill: "currentColor"
      })
    ]
  });
}
