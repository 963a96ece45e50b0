// One templated page per customer state (src/states/[state].md): KPIs and their changes, monthly trend, top
// categories and cities.
import type {SliceFile, SliceKpis, StateSlice} from "../../lib/contracts/slices.js";
import {count, money, percent} from "../../lib/format.js";
import {ratio} from "../../lib/num.js";
import {kpiComparison} from "../comparison.js";
import {useItemFacts} from "../item-facts.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {byKey, indexSentences, sliceKpis, withChanges, type SliceTotals} from "./slices.js";

/** How many entries each top list keeps. */
export const TOP = 10;

export async function stateKpis(warehouse: Warehouse, analysisDate: string): Promise<SliceKpis[]> {
  const rows = await warehouse.query<Omit<SliceTotals, "name">>(sql("slices/state-kpis"), {
    analysis_date: analysisDate
  });
  return sliceKpis(rows.map((r) => ({...r, name: r.key})));
}

/** "Customers in SP placed 2,087 orders up to 2018-09-04, 41.9% of …": slices come largest revenue first. */
function stateSummary(s: SliceKpis, rank: number, all: SliceKpis[], analysisDate: string): string {
  const orders = all.reduce((sum, x) => sum + x.orders, 0);
  const revenue = all.reduce((sum, x) => sum + x.revenue, 0);
  const place = rank === 1 ? "the largest state" : `number ${rank} of ${all.length} states`;
  return (
    `Customers in ${s.name} placed ${count(s.orders)} order${s.orders === 1 ? "" : "s"} up to ${analysisDate}, ` +
    `${percent(ratio(s.orders, orders) ?? NaN)} of the orders whose customer's state is known, and paid ` +
    `${money(s.revenue)} (${percent(ratio(s.revenue, revenue) ?? NaN)} of the payments; ${place} by revenue).`
  );
}

export async function stateSlices(warehouse: Warehouse): Promise<SliceFile<StateSlice>> {
  const analysis_date = await warehouse.analysisDate();
  const {months, comparison} = await kpiComparison(warehouse, analysis_date);
  const top = {analysis_date, limit: TOP};
  await useItemFacts(warehouse);
  const categories = byKey(
    await warehouse.query<StateSlice["top_categories"][number] & {key: string}>(sql("slices/state-top-categories"), top)
  );
  const cities = byKey(
    await warehouse.query<StateSlice["top_cities"][number] & {key: string}>(sql("slices/state-top-cities"), top)
  );
  const slices = await withChanges(warehouse, await stateKpis(warehouse, analysis_date), {
    analysisDate: analysis_date,
    comparison,
    months,
    basis: "payments",
    queries: {periods: "slices/state-periods", repeatAsOf: "slices/state-repeat-as-of"}
  });
  return {
    analysis_date,
    revenue_basis: "payments",
    comparison,
    what_changed: indexSentences(slices, comparison, {singular: "state", plural: "states", basis: "payments"}),
    slices: slices.map((s, i) => ({
      ...s,
      summary: stateSummary(s, i + 1, slices, analysis_date),
      top_categories: categories.get(s.key) ?? [],
      top_cities: cities.get(s.key) ?? []
    }))
  };
}
