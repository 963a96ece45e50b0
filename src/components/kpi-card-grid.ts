// A grid of KPI cards (the overview's, a state's or a category's): each card's value, what it counts, and — when the
// file carries them — the figure over the last complete months with its change against the months before and a
// year earlier, coloured by whether the change is good news, and a monthly sparkline. Each card carries data-kpi
// (the field), each change data-side and data-tone, for tests and embeds. DOM text nodes only: no data is ever
// parsed as HTML.
import type {Comparison, KpiChange} from "../lib/contracts/changes.js";
import type {KpiCard} from "../lib/contracts/kpi-card.js";
import {cardChangeText, TONE_STYLE} from "../lib/kpi-change.js";
import {kpiSparkline} from "./kpi-sparkline.js";

export interface CardGridData<F extends string> {
  values: Record<F, number | null>;
  changes?: Record<F, KpiChange>;
  comparison?: Comparison;
}

const PILL =
  "display: inline-block; padding: 0 0.4em; border-radius: 0.6em; font: 600 12px/1.5 var(--sans-serif); color: white;";

export function kpiCardGrid<F extends string>(
  cards: KpiCard<F>[],
  {values, changes, comparison}: CardGridData<F>,
  {document = globalThis.document}: {document?: Document} = {}
): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4 kpi-cards";
  for (const card of cards) {
    const value = values[card.field];
    const div = grid.appendChild(document.createElement("div"));
    div.className = "card";
    div.dataset.kpi = card.field;
    div.appendChild(document.createElement("h2")).textContent = card.label;
    const shown = div.appendChild(document.createElement("div"));
    shown.className = "kpi-value";
    shown.textContent = value == null ? "–" : card.format(value);
    const note = div.appendChild(document.createElement("div"));
    note.className = "kpi-note";
    note.textContent = value == null ? (card.none ?? "") : card.note;
    const change = changes?.[card.field];
    const text = cardChangeText(card, change, comparison);
    if (!change || !comparison || text.period === null) continue;
    const box = div.appendChild(document.createElement("div"));
    box.className = "kpi-change";
    box.style.cssText =
      "margin-top: 0.5rem; padding-top: 0.4rem; border-top: 1px solid var(--theme-foreground-faintest); font: 12px/1.6 var(--sans-serif);";
    const period = box.appendChild(document.createElement("div"));
    period.className = "kpi-period";
    period.title = card.compared;
    period.textContent = text.period;
    for (const side of text.sides) {
      const line = box.appendChild(document.createElement("div"));
      line.dataset.side = side.side;
      if (side.tone) line.dataset.tone = side.tone;
      if (side.change !== null) {
        const pill = line.appendChild(document.createElement("span"));
        pill.className = "kpi-delta";
        pill.textContent = side.change;
        const style = side.tone ? TONE_STYLE[side.tone] : TONE_STYLE.flat;
        pill.style.cssText = `${PILL} background: ${style.background};`;
        pill.title = style.label;
        line.append(" ");
      }
      const against = line.appendChild(document.createElement("span"));
      against.style.color = "var(--theme-foreground-muted)";
      against.textContent = side.change === null && side.against.startsWith("vs ") ? `– ${side.against}` : side.against;
    }
    box.appendChild(kpiSparkline(change.monthly, comparison, {width: 160, height: 28, document})).style.cssText =
      "display: block; margin-top: 0.25rem;";
  }
  return grid;
}
