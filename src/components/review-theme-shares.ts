// Share of reviews with text that mention each theme, complaints in warm colours and praise in cool ones.
import * as Plot from "@observablehq/plot";

export interface ThemeShare {
  id: string;
  label: string;
  share: number;
  reviews: number;
}

/** Complaint themes vs praise; store service and price can go either way. */
export const THEME_TONE: Record<string, "complaint" | "praise" | "either"> = {
  not_received: "complaint",
  late_delivery: "complaint",
  wrong_or_defective: "complaint",
  good_product: "praise",
  fast_delivery: "praise",
  store_service: "either",
  price: "either"
};
export const TONE_COLORS = {complaint: "#d4543a", praise: "#3b8bc2", either: "#9a8f7d"};

export function reviewThemeShares(themes: ThemeShare[], {width}: {width: number}): SVGSVGElement | HTMLElement {
  const rows = [...themes].sort((a, b) => b.share - a.share);
  const tone = (d: ThemeShare) => THEME_TONE[d.id] ?? "either";
  return Plot.plot({
    // never narrower than the margins plus a readable plot (a resize can briefly report a tiny width)
    width: Math.max(width, 210 + 50 + 160),
    height: 28 * rows.length + 50,
    marginLeft: 210,
    marginRight: 50,
    x: {grid: true, label: "Share of reviews with text", tickFormat: "%"},
    y: {label: null, domain: rows.map((d) => d.label)},
    color: {
      domain: ["complaint", "praise", "either"],
      range: [TONE_COLORS.complaint, TONE_COLORS.praise, TONE_COLORS.either],
      legend: true
    },
    marks: [
      Plot.barX(rows, {
        y: "label",
        x: "share",
        fill: tone,
        tip: true,
        title: (d: ThemeShare) =>
          `${d.label}\n${(d.share * 100).toFixed(1)}% of reviews with text\n${d.reviews.toLocaleString("en-US")} reviews`
      }),
      Plot.text(rows, {
        y: "label",
        x: "share",
        text: (d: ThemeShare) => `${(d.share * 100).toFixed(1)}%`,
        textAnchor: "start",
        dx: 4,
        fill: "currentColor"
      }),
      Plot.ruleX([0])
    ]
  });
}
