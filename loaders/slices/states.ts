// One templated page per customer state (src/states/[state].md): KPIs, monthly trend, top categories and cities.
import type {Warehouse} from "../warehouse/warehouse.js";
import {byKey, sliceKpis, type MonthPoint, type SliceFile, type SliceKpis, type SliceTotals} from "./slices.js";
import {sql} from "../sql.js";

/** How many entries each top list keeps. */
export const TOP = 10;

export interface StateSlice extends SliceKpis {
  monthly: MonthPoint[];
  top_categories: {category: string; orders: number; revenue: number}[];
  top_cities: {city: string; customers: number; orders: number; revenue: number}[];
}

export async function stateKpis(warehouse: Warehouse, analysisDate: string): Promise<SliceKpis[]> {
  const rows = await warehouse.query<Omit<SliceTotals, "name">>(sql("slices/state-kpis"), {
    analysis_date: analysisDate
  });
  return sliceKpis(rows.map((r) => ({...r, name: r.key})));
}

export async function stateSlices(warehouse: Warehouse): Promise<SliceFile<StateSlice>> {
  const analysis_date = await warehouse.analysisDate();
  const params = {analysis_date};
  const monthly = byKey(await warehouse.query<MonthPoint & {key: string}>(sql("slices/state-monthly"), params));
  const categories = byKey(
    await warehouse.query<StateSlice["top_categories"][number] & {key: string}>(sql("slices/state-top-categories"), {
      ...params,
      limit: TOP
    })
  );
  const cities = byKey(
    await warehouse.query<StateSlice["top_cities"][number] & {key: string}>(sql("slices/state-top-cities"), {
      ...params,
      limit: TOP
    })
  );
  return {
    analysis_date,
    revenue_basis: "payments",
    slices: (await stateKpis(warehouse, analysis_date)).map((s) => ({
      ...s,
      monthly: monthly.get(s.key) ?? [],
      top_categories: categories.get(s.key) ?? [],
      top_cities: cities.get(s.key) ?? []
    }))
  };
}
