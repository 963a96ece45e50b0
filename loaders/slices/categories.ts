// One templated page per product category (src/categories/[category].md): KPIs and their changes, monthly trend,
// top states, products and sellers. Without the products file no order has a category, so there are no pages.
import type {CategorySlice, SliceFile, SliceKpis} from "../../lib/contracts/slices.js";
import {count, money, percent} from "../../lib/format.js";
import {ratio} from "../../lib/num.js";
import {kpiComparison} from "../comparison.js";
import {useItemFacts} from "../item-facts.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {byKey, indexSentences, sliceKpis, withChanges, type SliceTotals} from "./slices.js";
import {TOP} from "./states.js";

export const CATEGORIES_MISSING = "olist_products_dataset.csv is absent, so orders have no category";

/** The views category queries read: item_facts, and category_orders (one row per category and order). */
async function useCategoryOrders(warehouse: Warehouse): Promise<Warehouse> {
  await useItemFacts(warehouse);
  await warehouse.query(sql("slices/category-orders"));
  return warehouse;
}

export async function categoryKpis(warehouse: Warehouse, analysisDate: string): Promise<SliceKpis[]> {
  if (!(await warehouse.hasInput("products"))) return [];
  await useCategoryOrders(warehouse);
  // An order's payments cannot be split between its categories: the average is item revenue per order.
  const rows = await warehouse.query<Omit<SliceTotals, "orders_paid">>(sql("slices/category-kpis"), {
    analysis_date: analysisDate
  });
  return sliceKpis(rows.map((r) => ({...r, orders_paid: r.orders})));
}

/** "Its items sold for R$…": categories come largest item revenue first. */
function categorySummary(c: SliceKpis, rank: number, all: SliceKpis[], analysisDate: string): string {
  const revenue = all.reduce((sum, x) => sum + x.revenue, 0);
  const place = rank === 1 ? "the largest category" : `number ${rank} of ${all.length} categories`;
  return (
    `Its items sold for ${money(c.revenue)} in ${count(c.orders)} order${c.orders === 1 ? "" : "s"} up to ${analysisDate}, ` +
    `${percent(ratio(c.revenue, revenue) ?? NaN)} of all item revenue (${place}).`
  );
}

export async function categorySlices(warehouse: Warehouse): Promise<SliceFile<CategorySlice>> {
  const analysis_date = await warehouse.analysisDate();
  const {months, comparison} = await kpiComparison(warehouse, analysis_date);
  const file = {analysis_date, revenue_basis: "items" as const, comparison};
  if (!(await warehouse.hasInput("products"))) {
    return {...file, what_changed: [], slices: [], missing: CATEGORIES_MISSING};
  }
  const kpis = await categoryKpis(warehouse, analysis_date);
  const top = {analysis_date, limit: TOP};
  const states = byKey(
    await warehouse.query<CategorySlice["top_states"][number] & {key: string}>(sql("slices/category-top-states"), top)
  );
  const products = byKey(
    await warehouse.query<CategorySlice["top_products"][number] & {key: string}>(
      sql("slices/category-top-products"),
      top
    )
  );
  const sellers = byKey(
    await warehouse.query<CategorySlice["top_sellers"][number] & {key: string}>(sql("slices/category-top-sellers"), top)
  );
  const slices = await withChanges(warehouse, kpis, {
    analysisDate: analysis_date,
    comparison,
    months,
    basis: "items",
    queries: {periods: "slices/category-periods", repeatAsOf: "slices/category-repeat-as-of"}
  });
  return {
    ...file,
    what_changed: indexSentences(slices, comparison, {singular: "category", plural: "categories", basis: "items"}),
    slices: slices.map((c, i) => ({
      ...c,
      summary: categorySummary(c, i + 1, slices, analysis_date),
      top_states: states.get(c.key) ?? [],
      top_products: products.get(c.key) ?? [],
      top_sellers: sellers.get(c.key) ?? []
    }))
  };
}
