// How a KPI's change is computed, written and read (lib/kpi-change.ts), the "what changed" sentences
// (lib/what-changed.ts) and the sparkline's geometry (lib/sparkline.ts), on small hand-made inputs.
import {describe, expect, test} from "vitest";
import type {Comparison, KpiChange} from "../lib/contracts/changes.js";
import type {KpiCard} from "../lib/contracts/kpi-card.js";
import {KPI_CARDS} from "../lib/contracts/kpis.js";
import {cardChangeText, changeBetween, changeTone, formatChange, isFlat, kpiChanges} from "../lib/kpi-change.js";
import {sparklineGeometry} from "../lib/sparkline.js";
import {sliceMovers, signedChange, whatChanged} from "../lib/what-changed.js";

const card = (field: string) => KPI_CARDS.find((c) => c.field === field)! as KpiCard<string>;

const COMPARISON: Comparison = {
  rule: "…",
  recent: {months: ["2018-06", "2018-07", "2018-08"], label: "Jun–Aug 2018", as_of: "2018-08-31"},
  previous: {months: ["2018-03", "2018-04", "2018-05"], label: "Mar–May 2018", as_of: "2018-05-31"},
  year_ago: {months: ["2017-06", "2017-07", "2017-08"], label: "Jun–Aug 2017", as_of: "2017-08-31"},
  missing: {},
  left_out: [
    {month: "2017-07", reason: "sparse"},
    {month: "2018-09", reason: "incomplete and sparse"}
  ],
  sparkline_months: ["2017-06", "2017-07", "2017-08", "2018-03", "2018-04", "2018-05", "2018-06", "2018-07", "2018-08"]
};

describe("a change and its tone", () => {
  test("relative for amounts, a difference for rates and scores; nothing against an empty side", () => {
    expect(changeBetween(110, 100, "relative")).toBeCloseTo(0.1, 12);
    expect(changeBetween(0.05, 0.04, "points")).toBeCloseTo(0.01, 12);
    expect(changeBetween(4.1, 4.3, "difference")).toBeCloseTo(-0.2, 12);
    expect(changeBetween(5, 0, "relative")).toBeNull(); // lib/num's rule: a share of nothing is unknown
    expect(changeBetween(null, 3, "points")).toBeNull();
  });

  test("written with an arrow and the magnitude, whole percent from 10%", () => {
    expect(formatChange(0.0421, "relative")).toBe("▲ 4.2%");
    expect(formatChange(-0.1234, "relative")).toBe("▼ 12%");
    expect(formatChange(0.0134, "points")).toBe("▲ 1.3 pts");
    expect(formatChange(-0.071, "difference")).toBe("▼ 0.07");
    expect(formatChange(0.0004, "relative")).toBe("= 0.0%");
    expect(signedChange(-0.08, "relative")).toBe("−8.0%");
    expect(signedChange(0.00001, "relative")).toBe("±0.0%");
  });

  test("the tone follows whether up is good, and what is shown", () => {
    const revenue = card("revenue_payments");
    const churn = card("churn_rate");
    expect(changeTone(0.05, revenue, false)).toBe("better");
    expect(changeTone(-0.05, revenue, false)).toBe("worse");
    expect(changeTone(0.01, churn, false)).toBe("worse"); // churn up is bad news
    expect(changeTone(-0.01, churn, false)).toBe("better");
    expect(changeTone(0.0004, churn, false)).toBe("flat"); // shows as 0.0 pts
    expect(isFlat(0.0004, "points")).toBe(true);
    expect(changeTone(0.5, revenue, true)).toBe("few_orders");
    expect(changeTone(null, revenue, false)).toBeNull();
  });
});

describe("kpiChanges", () => {
  // Orders and revenue per period; the sides are the sums of their months (months not shown are 0).
  const orders: Record<string, number> = {recent: 120, previous: 100, year_ago: 80, "2018-06": 40, "2017-07": 2};
  const revenue: Record<string, number> = {recent: 1320, previous: 1000, year_ago: 1100, "2018-06": 440, "2017-07": 9};
  const cards = [card("revenue_payments"), card("aov")];
  const values = {
    value: (period: string, field: string) =>
      field === "revenue_payments" ? (revenue[period] ?? 0) : (revenue[period] ?? 0) / (orders[period] ?? NaN),
    orders: (period: string) => orders[period] ?? 0
  };

  test("each card against the months before and a year earlier, rounded as published", () => {
    const c = kpiChanges(cards, COMPARISON, values);
    expect(c.revenue_payments).toMatchObject({
      recent: 1320,
      previous: 1000,
      year_ago: 1100,
      vs_previous: 0.32, // 1320 / 1000 − 1
      vs_year_ago: 0.2, // 1320 / 1100 − 1
      tone_vs_previous: "better",
      tone_vs_year_ago: "better",
      better: "up",
      measure: "relative",
      basis: "months"
    });
    // aov: 1320/120 = 11, 1000/100 = 10, 1100/80 = 13.75 → +10%, −20%
    expect(c.aov).toMatchObject({recent: 11, previous: 10, year_ago: 13.75, vs_previous: 0.1, vs_year_ago: -0.2});
    expect(c.aov.tone_vs_year_ago).toBe("worse");
  });

  test("sparklines leave the months that are never compared blank", () => {
    const c = kpiChanges(cards, COMPARISON, values);
    // 2017-07 is sparse: null, not its 9; months without orders are 0 (revenue) or unknown (an average of nothing).
    expect(c.revenue_payments.monthly).toEqual([0, null, 0, 0, 0, 0, 440, 0, 0]);
    expect(c.aov.monthly[6]).toBe(11);
    expect(c.aov.monthly[1]).toBeNull();
  });

  test("fewer than 30 orders on a side: the change is published but reads as too few orders", () => {
    const few = kpiChanges(cards, COMPARISON, {...values, orders: (p) => (p === "year_ago" ? 29 : 100)});
    expect(few.revenue_payments.tone_vs_previous).toBe("better");
    expect(few.revenue_payments.tone_vs_year_ago).toBe("few_orders");
    expect(few.revenue_payments.vs_year_ago).toBe(0.2);
  });

  test("the card's lines: the figure over the months, then each change and what it is against", () => {
    const c = kpiChanges(cards, COMPARISON, values);
    expect(cardChangeText(card("revenue_payments"), c.revenue_payments, COMPARISON)).toEqual({
      period: "Jun–Aug 2018: R$1,320",
      sides: [
        {side: "previous", change: "▲ 32%", tone: "better", against: "vs Mar–May 2018"},
        {side: "year_ago", change: "▲ 20%", tone: "better", against: "vs Jun–Aug 2017"}
      ]
    });
    const churn: KpiChange = {
      ...c.revenue_payments,
      basis: "month_end",
      measure: "points",
      better: "down",
      recent: 0.051,
      vs_previous: 0.034,
      tone_vs_previous: "worse",
      vs_year_ago: null,
      tone_vs_year_ago: null
    };
    const noYear = {...COMPARISON, year_ago: null, missing: {year_ago: "the data start in Jan 2018"}};
    expect(cardChangeText(card("churn_rate"), churn, noYear)).toEqual({
      period: "End of Aug 2018: 5.1%",
      sides: [
        {side: "previous", change: "▲ 3.4 pts", tone: "worse", against: "vs end of May 2018"},
        {side: "year_ago", change: null, tone: null, against: "no comparison a year earlier"}
      ]
    });
  });
});

/** A change as kpiChanges publishes it, for the sentence tests. */
function change(recent: number, vsPrevious: number | null, vsYear: number | null, tone: KpiChange["tone_vs_previous"]) {
  return {
    basis: "months",
    measure: "relative",
    better: "up",
    recent,
    previous: null,
    year_ago: null,
    vs_previous: vsPrevious,
    vs_year_ago: vsYear,
    tone_vs_previous: tone,
    tone_vs_year_ago: vsYear === null ? null : tone,
    monthly: []
  } satisfies KpiChange;
}

describe("what changed, in words", () => {
  const cards = KPI_CARDS.filter((c) =>
    ["revenue_payments", "orders", "aov", "churn_rate"].includes(c.field)
  ) as KpiCard[];
  const changes: Record<string, KpiChange> = {
    revenue_payments: change(167735, 0.0022, 0.77, "better"),
    orders: change(953, -0.0915, 0.63, "worse"),
    aov: change(176.01, 0.102, 0.085, "better"),
    churn_rate: {...change(0.0508, 0.0344, 0.0499, "worse"), measure: "points", better: "down"}
  };

  test("the headline figures against both sides, then what got better and worse, then the months left out", () => {
    expect(whatChanged({cards, changes, comparison: COMPARISON, headline: ["revenue_payments", "orders"]})).toEqual([
      "Jun–Aug 2018 against Mar–May 2018: revenue rose 0.2% to R$167.7K and orders fell 9.2% to 953.",
      "Against Jun–Aug 2017: revenue up 77% and orders up 63%.",
      "For the better: the average order value rose 10% to R$176.01.",
      "For the worse: the churned share (seed rule) rose 3.4 points to 5.1%.",
      "Jul 2017 is left out: the data are sparse in it.",
      "Sep 2018 is left out: it was not over by the analysis date, and the data are sparse in it."
    ]);
  });

  test("a missing side says why; too few orders says the changes are not coloured", () => {
    const few = Object.fromEntries(
      Object.entries(changes).map(([k, c]) => [k, {...c, tone_vs_previous: "few_orders", tone_vs_year_ago: null}])
    ) as typeof changes;
    const sentences = whatChanged({
      cards,
      changes: few,
      comparison: {...COMPARISON, year_ago: null, missing: {year_ago: "the data start in Oct 2017"}, left_out: []},
      headline: ["revenue_payments"]
    });
    expect(sentences).toEqual([
      "Jun–Aug 2018 against Mar–May 2018: revenue rose 0.2% to R$167.7K.",
      "There is no comparison with a year earlier: the data start in Oct 2017.",
      "With fewer than 30 orders in Jun–Aug 2018 or in the months it is compared with, the changes are too noisy to read: the cards show them without colour."
    ]);
  });

  test("nothing to compare", () => {
    const none = {
      ...COMPARISON,
      recent: null,
      previous: null,
      year_ago: null,
      missing: {recent: "fewer than 3 of the 5 months up to Jun 2018 are complete"}
    };
    expect(whatChanged({cards, changes, comparison: none, headline: []})).toEqual([
      "There is nothing to compare yet: fewer than 3 of the 5 months up to Jun 2018 are complete."
    ]);
  });

  test("the index page names the slices that grew and fell most, among those with enough orders", () => {
    const revenue = card("revenue_payments");
    const slice = (name: string, vs: number | null, tone: KpiChange["tone_vs_previous"]) => ({
      name,
      changes: {revenue_payments: change(100, vs, null, tone)}
    });
    const slices = [
      slice("SP", -0.11, "worse"),
      slice("RJ", 0.064, "better"),
      slice("PR", 0.85, "better"),
      slice("AC", 3.0, "few_orders"),
      slice("MG", 0.0001, "flat"),
      slice("AP", null, null)
    ];
    expect(sliceMovers(slices, COMPARISON, {singular: "state", plural: "states", card: revenue, top: 2})).toEqual([
      "Jun–Aug 2018 against Mar–May 2018, among the 4 states with at least 30 orders in both: revenue grew most in PR (+85%) and RJ (+6.4%) and fell most in SP (−11%).",
      "2 other states had too few orders to compare."
    ]);
  });
});

describe("sparkline geometry", () => {
  test("a gap for each month that is not compared, a dot for a lone month, the last value marked", () => {
    // 5 months over 0…100 px, values 0…10 over 0…20 px (pad 0): x = 25 i, y = 20 − 2 v.
    const g = sparklineGeometry([0, 10, null, 5, null], {width: 100, height: 20, pad: 0});
    expect(g.path).toBe("M0,20L25,0M75,10");
    expect(g.dots).toEqual([{x: 75, y: 10}]);
    expect(g.last).toEqual({x: 75, y: 10});
  });

  test("a flat series is drawn across the middle; no value draws nothing", () => {
    expect(sparklineGeometry([3, 3], {width: 10, height: 20, pad: 0}).path).toBe("M0,10L10,10");
    expect(sparklineGeometry([null, null], {width: 10, height: 20}).path).toBe("");
  });
});
