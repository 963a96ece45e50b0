// One templated page per product category (src/categories/[category].md): KPIs, monthly trend, top states,
// products and sellers. Without the products file no order has a category, so there are no pages.
import type {Warehouse} from "../warehouse/warehouse.js";
import {byKey, sliceKpis, type MonthPoint, type SliceFile, type SliceKpis, type SliceTotals} from "./slices.js";
import {sql} from "../sql.js";
import {TOP} from "./states.js";

export interface CategorySlice extends SliceKpis {
  monthly: MonthPoint[];
  top_states: {state: string; customers: number; orders: number; revenue: number}[];
  top_products: {product_id: string; items: number; orders: number; revenue: number}[];
  top_sellers: {
    seller_id: string;
    seller_city: string | null;
    seller_state: string | null;
    items: number;
    orders: number;
    revenue: number;
  }[];
}

export const CATEGORIES_MISSING = "olist_products_dataset.csv is absent, so orders have no category";

export async function categoryKpis(warehouse: Warehouse, analysisDate: string): Promise<SliceKpis[]> {
  if (!(await warehouse.hasInput("products"))) return [];
  // An order's payments cannot be split between its categories: the average is item revenue per order.
  const rows = await warehouse.query<Omit<SliceTotals, "orders_paid">>(sql("slices/category-kpis"), {
    analysis_date: analysisDate
  });
  return sliceKpis(rows.map((r) => ({...r, orders_paid: r.orders})));
}

export async function categorySlices(warehouse: Warehouse): Promise<SliceFile<CategorySlice>> {
  const analysis_date = await warehouse.analysisDate();
  if (!(await warehouse.hasInput("products")))
    return {analysis_date, revenue_basis: "items", slices: [], missing: CATEGORIES_MISSING};
  const kpis = await categoryKpis(warehouse, analysis_date);
  const params = {analysis_date};
  const top = {...params, limit: TOP};
  const monthly = byKey(await warehouse.query<MonthPoint & {key: string}>(sql("slices/category-monthly"), params));
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
  return {
    analysis_date,
    revenue_basis: "items",
    slices: kpis.map((c) => ({
      ...c,
      monthly: monthly.get(c.key) ?? [],
      top_states: states.get(c.key) ?? [],
      top_products: products.get(c.key) ?? [],
      top_sellers: sellers.get(c.key) ?? []
    }))
  };
}
