// What a KPI card is, on the overview and on the state / category pages: how its value is shown, what its
// change compares, and which way is good news. The card lists live beside the files they show
// (lib/contracts/kpis.ts, lib/contracts/slices.ts).
import type {ChangeMeasure} from "./changes.js";

export interface KpiCard<F extends string = string> {
  /** The field in the published file (and data-kpi on the page). */
  field: F;
  label: string;
  /** The figure in a sentence: "revenue", "the average order value". */
  noun: string;
  format: (value: number) => string;
  /** Under the value: what it counts. */
  note: string;
  /** Shown under "–" when the value is null. */
  none?: string;
  /** Decimals kept in the published figures. */
  digits: number;
  /** Which way is good news (churn up is bad news). */
  better: "up" | "down";
  measure: ChangeMeasure;
  /** What is compared: the figure over a window's orders ("months") or as of its last day ("month_end"). */
  basis: "months" | "month_end";
  /** What the compared figure is, for the card's tooltip and the page's notes. */
  compared: string;
}
