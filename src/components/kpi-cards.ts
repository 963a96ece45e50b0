// The overview's headline KPI cards (the list is lib/contracts/kpis.ts): values, changes and sparklines from
// kpis.json. kpiCards draws them in the page (kpi-card-grid.ts); kpiCardsSvg draws the same cards, with the same
// words and colours, as one SVG for the standalone chart files and the exported module.
import type {Comparison, KpiChange} from "../lib/contracts/changes.js";
import {KPI_CARDS, type KpiCardField, type Kpis} from "../lib/contracts/kpis.js";
import {cardChangeText, TONE_STYLE} from "../lib/kpi-change.js";
import type {ChartOptions} from "./chart-options.js";
import {kpiCardGrid} from "./kpi-card-grid.js";
import {kpiSparkline} from "./kpi-sparkline.js";

/** What the cards read from kpis.json: the values, and the changes where the file has them. */
export type KpiCardData = Pick<Kpis, KpiCardField> & {
  changes?: Record<KpiCardField, KpiChange>;
  comparison?: Comparison;
};

export function kpiCards(kpis: KpiCardData): HTMLElement {
  return kpiCardGrid(KPI_CARDS, {values: kpis, changes: kpis.changes, comparison: kpis.comparison});
}

/** About how wide a change's text is in DejaVu Sans Bold, in ems: enough to size the pill behind it. */
function boldWidthEm(text: string): number {
  let em = 0;
  for (const ch of text)
    em += /\d/.test(ch) ? 0.7 : ch === "%" ? 1 : ch === "." || ch === " " ? 0.36 : /[▲▼=]/.test(ch) ? 0.8 : 0.62;
  return em;
}

/** The same cards drawn as one SVG (for the standalone chart files): four columns, or two below 760 pixels. */
export function kpiCardsSvg(kpis: KpiCardData, {width, document = globalThis.document}: ChartOptions): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const columns = width >= 760 ? 4 : 2;
  const gap = 10;
  const cardWidth = (width - gap * (columns - 1)) / columns;
  const withChanges = Boolean(kpis.changes && kpis.comparison?.recent);
  const cardHeight = withChanges ? 172 : 84;
  const rows = Math.ceil(KPI_CARDS.length / columns);
  const svg = document.createElementNS(ns, "svg") as SVGSVGElement;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(rows * (cardHeight + gap)));
  const set = (el: Element, attributes: Record<string, string | number>) => {
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
    return el;
  };
  KPI_CARDS.forEach((card, i) => {
    const g = svg.appendChild(document.createElementNS(ns, "g"));
    set(g, {
      transform: `translate(${(i % columns) * (cardWidth + gap)},${Math.floor(i / columns) * (cardHeight + gap)})`,
      "data-kpi": card.field
    });
    g.appendChild(
      set(document.createElementNS(ns, "rect"), {
        width: cardWidth,
        height: cardHeight,
        rx: 6,
        fill: "var(--theme-background-alt, #f4f4f5)",
        stroke: "#d0d0d0"
      })
    );
    const text = (content: string, x: number, y: number, size: number, extra: Record<string, string | number> = {}) => {
      const t = g.appendChild(
        set(document.createElementNS(ns, "text"), {x, y, "font-size": size, fill: "currentColor", ...extra})
      );
      t.textContent = content;
      return t;
    };
    const value = kpis[card.field];
    text(card.label, 12, 22, 12);
    text(value == null ? "–" : card.format(value), 12, 52, 22, {"font-weight": "bold"});
    text(value == null ? (card.none ?? "") : card.note, 12, 72, 10);
    const changes = cardChangeText(card, kpis.changes?.[card.field], kpis.comparison);
    if (!withChanges || changes.period === null) return;
    g.appendChild(
      set(document.createElementNS(ns, "line"), {x1: 12, x2: cardWidth - 12, y1: 82, y2: 82, stroke: "#d0d0d0"})
    );
    text(changes.period, 12, 99, 11);
    changes.sides.forEach((side, k) => {
      const y = 119 + k * 19;
      const line = g.appendChild(
        set(document.createElementNS(ns, "g"), {"data-side": side.side, "data-tone": side.tone ?? ""})
      );
      let x = 12;
      if (side.change !== null) {
        const pillWidth = boldWidthEm(side.change) * 11 + 10;
        const style = TONE_STYLE[side.tone ?? "flat"];
        line.appendChild(
          set(document.createElementNS(ns, "rect"), {
            x,
            y: y - 11,
            width: pillWidth,
            height: 15,
            rx: 7,
            fill: style.background
          })
        );
        const t = line.appendChild(
          set(document.createElementNS(ns, "text"), {
            x: x + 5,
            y,
            "font-size": 11,
            "font-weight": "bold",
            fill: "#ffffff"
          })
        );
        t.textContent = side.change;
        x += pillWidth + 5;
      }
      const t = line.appendChild(
        set(document.createElementNS(ns, "text"), {
          x,
          y,
          "font-size": 10,
          fill: "var(--theme-foreground-muted, #6d6d6d)"
        })
      );
      t.textContent = side.against;
    });
    const spark = kpiSparkline(kpis.changes![card.field].monthly, kpis.comparison!, {
      width: Math.min(200, cardWidth - 24),
      height: 22,
      document
    });
    set(spark, {x: 12, y: 142});
    g.appendChild(spark);
  });
  return svg;
}
