// The small, pre-aggregated data behind the executive overview (no DuckDB-wasm on that page).
import {summariseChurn, type ChurnSummaryRow} from "../lib/seed-churn-rule.js";
import {purchaseHistories} from "./kpis.js";
import {sql} from "./sql.js";
import type {Row, Warehouse} from "./warehouse/warehouse.js";

export interface Overview {
  analysis_date: string;
  monthly: Row[];
  /** null when the products file is absent; `categories_missing` then says why. */
  categories: Row[] | null;
  categories_missing?: string;
  states: Row[];
  churn: ChurnSummaryRow[];
  orders_per_customer: Row[];
  status_mix: Row[];
}

export async function overview(warehouse: Warehouse): Promise<Overview> {
  const analysis_date = await warehouse.analysisDate();
  const params = {analysis_date};
  const hasProducts = await warehouse.hasInput("products");
  return {
    analysis_date,
    monthly: await warehouse.query(sql("monthly"), params),
    categories: hasProducts ? await warehouse.query(sql("top-categories"), {...params, limit: 15}) : null,
    ...(hasProducts ? {} : {categories_missing: "olist_products_dataset.csv is absent, so orders have no category"}),
    states: await warehouse.query(sql("states"), params),
    churn: summariseChurn(await purchaseHistories(warehouse, analysis_date)),
    orders_per_customer: await warehouse.query(sql("orders-per-customer"), params),
    status_mix: await warehouse.query(sql("status-mix"), params)
  };
}
