// A KPI's change between two windows of months, how it is written ("▲ 4.2%", "▼ 1.3 pts") and how it reads
// (better, worse, flat as shown, or too few orders to read). Used by the loaders that publish the changes and by
// the cards, chart files and report that show them, so that all of them agree.
import {
  MIN_ORDERS_TO_COMPARE,
  type ChangeMeasure,
  type ChangeTone,
  type Comparison,
  type KpiChange
} from "./contracts/changes.js";
import type {KpiCard} from "./contracts/kpi-card.js";
import {monthsLabel} from "./comparison-window.js";
import {ratio, round} from "./num.js";

/** The sides a window is compared with. */
export type Side = "previous" | "year_ago";

/** recent against before: relative (recent / before − 1, null when before is 0) or a difference. */
export function changeBetween(recent: number | null, before: number | null, measure: ChangeMeasure): number | null {
  if (recent === null || before === null) return null;
  if (measure !== "relative") return recent - before;
  const r = ratio(recent, before);
  return r === null ? null : r - 1;
}

/** The change's magnitude as shown: "4.2%" (whole percent from 10%), "1.3 pts", "0.12". */
export function changeMagnitude(change: number, measure: ChangeMeasure): string {
  const size = Math.abs(change);
  if (measure === "relative") return `${(size * 100).toFixed(size >= 0.1 ? 0 : 1)}%`;
  if (measure === "points") return `${(size * 100).toFixed(1)} pts`;
  return size.toFixed(2);
}

/** Whether the change rounds to nothing as shown. */
export function isFlat(change: number, measure: ChangeMeasure): boolean {
  return Number(changeMagnitude(change, measure).replace(/[^\d.]/g, "")) === 0;
}

/** "▲ 4.2%", "▼ 1.3 pts", "= 0.0%": the arrow gives the direction of the figure, the tone its meaning. */
export function formatChange(change: number, measure: ChangeMeasure): string {
  const arrow = isFlat(change, measure) ? "=" : change > 0 ? "▲" : "▼";
  return `${arrow} ${changeMagnitude(change, measure)}`;
}

export function changeTone(
  change: number | null,
  {measure, better}: Pick<KpiCard, "measure" | "better">,
  fewOrders: boolean
): ChangeTone | null {
  if (change === null) return null;
  if (fewOrders) return "few_orders";
  if (isFlat(change, measure)) return "flat";
  const wentUp = change > 0;
  return wentUp === (better === "up") ? "better" : "worse";
}

/** Where a card's figures come from: a period is a month (YYYY-MM) or a side ("recent", "previous", "year_ago"). */
export interface PeriodValues<F extends string> {
  value: (period: string, field: F) => number | null;
  /** Orders in the period, for the few-orders rule. */
  orders: (period: string) => number;
}

/** Every card's change for the comparison, rounded to the card's digits. */
export function kpiChanges<F extends string>(
  cards: KpiCard<F>[],
  comparison: Comparison,
  {value, orders}: PeriodValues<F>
): Record<F, KpiChange> {
  const blank = new Set(comparison.left_out.map((l) => l.month));
  const few = (side: Side) =>
    comparison[side] !== null &&
    comparison.recent !== null &&
    Math.min(orders("recent"), orders(side)) < MIN_ORDERS_TO_COMPARE;
  const changes = {} as Record<F, KpiChange>;
  for (const card of cards) {
    const at = (side: "recent" | Side) => {
      const v = comparison[side] ? value(side, card.field) : null;
      return v === null ? null : round(v, card.digits);
    };
    const [recent, previous, year_ago] = [at("recent"), at("previous"), at("year_ago")];
    const vs_previous = changeBetween(recent, previous, card.measure);
    const vs_year_ago = changeBetween(recent, year_ago, card.measure);
    changes[card.field] = {
      basis: card.basis,
      measure: card.measure,
      better: card.better,
      recent,
      previous,
      year_ago,
      vs_previous: vs_previous === null ? null : round(vs_previous, 6),
      vs_year_ago: vs_year_ago === null ? null : round(vs_year_ago, 6),
      tone_vs_previous: changeTone(vs_previous, card, few("previous")),
      tone_vs_year_ago: changeTone(vs_year_ago, card, few("year_ago")),
      monthly: comparison.sparkline_months.map((m) => {
        const v = blank.has(m) ? null : value(m, card.field);
        return v === null ? null : round(v, card.digits);
      })
    };
  }
  return changes;
}

/**
 * The words and colours of the tones, shared by the cards, the chart files and the report (white text on each). A
 * change that is flat or rests on too few orders is grey either way: neither should be read as news.
 */
export const TONE_STYLE: Record<ChangeTone, {background: string; label: string}> = {
  better: {background: "#1a7f37", label: "better"},
  worse: {background: "#c62828", label: "worse"},
  flat: {background: "#6e7781", label: "about the same"},
  few_orders: {background: "#6e7781", label: "too few orders to read"}
};

/** A card's comparison lines, as every view of the cards writes them. */
export interface CardChangeText {
  /** "Jun–Aug 2018: R$167.7K" or "End of Aug 2018: 5.1%": the figure the changes are about. */
  period: string | null;
  sides: {
    side: Side;
    /** "▲ 0.2%"; null when there is nothing to compare with. */
    change: string | null;
    tone: ChangeTone | null;
    /** "vs Mar–May 2018", or why there is no comparison. */
    against: string;
  }[];
}

function windowName(comparison: Comparison, side: "recent" | Side, basis: KpiChange["basis"]): string | null {
  const w = comparison[side];
  if (!w) return null;
  return basis === "month_end" ? `end of ${monthsLabel([w.months.at(-1)!])}` : w.label;
}

export function cardChangeText(
  card: KpiCard,
  change: KpiChange | undefined,
  comparison: Comparison | undefined
): CardChangeText {
  if (!change || !comparison?.recent) return {period: null, sides: []};
  const recent = windowName(comparison, "recent", change.basis)!;
  const period = `${recent.charAt(0).toUpperCase()}${recent.slice(1)}: ${change.recent === null ? "–" : card.format(change.recent)}`;
  const sides = (["previous", "year_ago"] as const).map((side) => {
    const delta = side === "previous" ? change.vs_previous : change.vs_year_ago;
    const name = windowName(comparison, side, change.basis);
    return {
      side,
      change: delta === null ? null : formatChange(delta, change.measure),
      tone: side === "previous" ? change.tone_vs_previous : change.tone_vs_year_ago,
      against: name
        ? `vs ${name}`
        : side === "previous"
          ? "no earlier months to compare"
          : "no comparison a year earlier"
    };
  });
  return {period, sides};
}
