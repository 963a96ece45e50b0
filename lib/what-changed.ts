// The "what changed" paragraph that leads the overview and the state / category pages: a few sentences, computed
// by the loaders from the cards' changes (never typed in), saying what went up or down, whether that is good news,
// which months are compared and which are left out.
import {monthsLabel} from "./comparison-window.js";
import {MIN_ORDERS_TO_COMPARE, type Comparison, type KpiChange} from "./contracts/changes.js";
import type {KpiCard} from "./contracts/kpi-card.js";
import {changeMagnitude, isFlat, type Side} from "./kpi-change.js";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "a", "a and b", "a, b and c". */
export function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const delta = (change: KpiChange, side: Side) => (side === "previous" ? change.vs_previous : change.vs_year_ago);
const tone = (change: KpiChange, side: Side) =>
  side === "previous" ? change.tone_vs_previous : change.tone_vs_year_ago;

/** "revenue rose 4.2% to R$1.2M", "orders held steady at 950"; null when there is nothing to compare. */
export function changeClause(card: KpiCard, change: KpiChange, side: Side): string | null {
  const d = delta(change, side);
  if (d === null || change.recent === null) return null;
  const to = card.format(change.recent);
  if (isFlat(d, card.measure)) return `${card.noun} held steady at ${to}`;
  const size = changeMagnitude(d, card.measure).replace(" pts", " points");
  return `${card.noun} ${d > 0 ? "rose" : "fell"} ${size} to ${to}`;
}

/** "revenue up 65%": the short form, for the year-earlier sentence. */
function shortClause(card: KpiCard, change: KpiChange, side: Side): string | null {
  const d = delta(change, side);
  if (d === null) return null;
  if (isFlat(d, card.measure)) return `${card.noun} unchanged`;
  return `${card.noun} ${d > 0 ? "up" : "down"} ${changeMagnitude(d, card.measure).replace(" pts", " points")}`;
}

export interface WhatChangedInput<F extends string> {
  cards: KpiCard<F>[];
  changes: Record<F, KpiChange>;
  comparison: Comparison;
  /** The cards the first two sentences lead with (the others are sorted into better and worse). */
  headline: F[];
}

export function whatChanged<F extends string>({cards, changes, comparison, headline}: WhatChangedInput<F>): string[] {
  const {recent, previous, year_ago, missing} = comparison;
  if (!recent) return [`There is nothing to compare yet: ${missing.recent ?? "no complete month"}.`];
  const lead = cards.filter((c) => headline.includes(c.field));
  const rest = cards.filter((c) => !headline.includes(c.field));
  const sentences: string[] = [];
  const clauses = (list: KpiCard<F>[], side: Side, form = changeClause) =>
    list.map((c) => form(c, changes[c.field], side)).filter((c): c is string => c !== null);

  if (previous) sentences.push(`${recent.label} against ${previous.label}: ${listOf(clauses(lead, "previous"))}.`);
  else sentences.push(`${recent.label} cannot be compared with the months before: ${missing.previous}.`);
  if (year_ago) sentences.push(`Against ${year_ago.label}: ${listOf(clauses(lead, "year_ago", shortClause))}.`);
  else sentences.push(`There is no comparison with a year earlier: ${missing.year_ago}.`);

  if (previous) {
    const sorted = (t: "better" | "worse") =>
      clauses(
        rest.filter((c) => changes[c.field].tone_vs_previous === t),
        "previous"
      );
    const [better, worse] = [sorted("better"), sorted("worse")];
    if (better.length) sentences.push(`For the better: ${listOf(better)}.`);
    if (worse.length) sentences.push(`For the worse: ${listOf(worse)}.`);
    if (!better.length && !worse.length && rest.some((c) => changes[c.field].tone_vs_previous === "flat"))
      sentences.push("The other figures held steady.");
  }

  const fewOrders = (["previous", "year_ago"] as const).some((side) =>
    cards.some((c) => tone(changes[c.field], side) === "few_orders")
  );
  if (fewOrders) {
    sentences.push(
      `With fewer than ${MIN_ORDERS_TO_COMPARE} orders in ${recent.label} or in the months it is compared with, ` +
        `the changes are too noisy to read: the cards show them without colour.`
    );
  }

  const firstCompared = [recent, previous, year_ago].flatMap((w) => w?.months ?? []).sort()[0];
  const leftOut = comparison.left_out.filter((l) => l.month >= firstCompared);
  for (const why of [...new Set(leftOut.map((l) => l.reason))]) {
    const months = leftOut.filter((l) => l.reason === why).map((l) => l.month);
    const one = months.length === 1;
    const [it, was] = one ? ["it", "was"] : ["them", "were"];
    const because = {
      incomplete: `${one ? "it" : "they"} ${was} not over by the analysis date`,
      sparse: `the data are sparse in ${it}`,
      "incomplete and sparse": `${one ? "it" : "they"} ${was} not over by the analysis date, and the data are sparse in ${it}`
    }[why];
    sentences.push(`${monthsLabel(months)} ${one ? "is" : "are"} left out: ${because}.`);
  }
  return sentences.map(capitalize);
}

/** "+12%", "−8.0%": a change with its sign, for lists. */
export function signedChange(change: number, measure: KpiCard["measure"]): string {
  if (isFlat(change, measure)) return `±${changeMagnitude(0, measure)}`;
  return `${change > 0 ? "+" : "−"}${changeMagnitude(change, measure)}`;
}

/** The index page's sentence: which slices' headline figure (the first card) grew and fell most. */
export function sliceMovers<F extends string>(
  slices: {name: string; changes: Record<F, KpiChange>}[],
  comparison: Comparison,
  {singular, plural, card, top = 3}: {singular: string; plural: string; card: KpiCard<F>; top?: number}
): string[] {
  const {recent, previous, missing} = comparison;
  if (!recent) return [`There is nothing to compare yet: ${missing.recent ?? "no complete month"}.`];
  if (!previous) return [`${recent.label} cannot be compared with the months before: ${missing.previous}.`];
  const readable = slices.filter((s) => {
    const c = s.changes[card.field];
    return c.vs_previous !== null && c.tone_vs_previous !== "few_orders";
  });
  const byChange = [...readable].sort(
    (a, b) => b.changes[card.field].vs_previous! - a.changes[card.field].vs_previous! || (a.name < b.name ? -1 : 1)
  );
  const named = (list: typeof slices) =>
    listOf(list.map((s) => `${s.name} (${signedChange(s.changes[card.field].vs_previous!, card.measure)})`));
  const up = byChange.filter(
    (s) => s.changes[card.field].tone_vs_previous !== "flat" && s.changes[card.field].vs_previous! > 0
  );
  const down = byChange
    .filter((s) => s.changes[card.field].tone_vs_previous !== "flat" && s.changes[card.field].vs_previous! < 0)
    .reverse();
  const sentences: string[] = [];
  const among = `among the ${readable.length} ${plural} with at least ${MIN_ORDERS_TO_COMPARE} orders in both`;
  if (readable.length === 0) {
    sentences.push(
      `No ${singular} has ${MIN_ORDERS_TO_COMPARE} orders in both ${recent.label} and ${previous.label}: changes are not ranked.`
    );
  } else {
    const parts = [];
    if (up.length) parts.push(`${card.noun} grew most in ${named(up.slice(0, top))}`);
    if (down.length) parts.push(`fell most in ${named(down.slice(0, top))}`);
    sentences.push(
      `${recent.label} against ${previous.label}, ${among}: ${parts.length ? parts.join(" and ") : `${card.noun} held steady everywhere`}.`
    );
  }
  const few = slices.length - readable.length;
  if (few > 0 && readable.length > 0)
    sentences.push(`${few} other ${few === 1 ? singular : plural} had too few orders to compare.`);
  return sentences.map(capitalize);
}
