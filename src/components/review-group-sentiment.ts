// Average sentiment of the reviews with text per group (category, state), diverging around zero.
import * as Plot from "@observablehq/plot";
import {emptyNote} from "./review-empty.js";

export interface GroupSentiment {
  group: string;
  reviews: number;
  reviews_with_text: number;
  avg_score: number;
  avg_sentiment: number | null;
  negative_share: number | null;
}

export function reviewGroupSentiment(
  groups: GroupSentiment[],
  {width, label}: {width: number; label?: (group: string) => string}
): SVGSVGElement | HTMLElement {
  const name = label ?? ((g: string) => g);
  const rows = groups
    .filter((g) => g.avg_sentiment !== null)
    .map((g) => ({...g, name: name(g.group)}))
    .sort((a, b) => b.avg_sentiment! - a.avg_sentiment!);
  if (!rows.length) return emptyNote("No group has enough reviews with text.");
  const longest = Math.max(4, ...rows.map((r) => r.name.length));
  const marginLeft = Math.min(200, 8 + 7 * longest);
  return Plot.plot({
    // never narrower than the labels plus a readable plot (a resize can briefly report a tiny width)
    width: Math.max(width, marginLeft + 180),
    height: 22 * rows.length + 50,
    marginLeft,
    x: {
      grid: true,
      label: "Average sentiment (−1 negative … +1 positive)",
      domain: [Math.min(0, ...rows.map((r) => r.avg_sentiment!)), Math.max(0.01, ...rows.map((r) => r.avg_sentiment!))],
      nice: true
    },
    y: {label: null, domain: rows.map((r) => r.name)},
    color: {type: "diverging", scheme: "RdBu", domain: [-0.6, 0.6]},
    marks: [
      Plot.barX(rows, {
        y: "name",
        x: "avg_sentiment",
        fill: "avg_sentiment",
        tip: true,
        title: (d: GroupSentiment & {name: string}) =>
          `${d.name}\nsentiment ${d.avg_sentiment!.toFixed(2)}, review score ${d.avg_score.toFixed(2)}\n` +
          `${((d.negative_share ?? 0) * 100).toFixed(1)}% negative of ${d.reviews_with_text.toLocaleString("en-US")} reviews with text`
      }),
      Plot.ruleX([0])
    ]
  });
}
