// The small, pre-aggregated data behind the executive overview (no DuckDB-wasm on that page).
import {count, percent} from "../lib/format.js";
import {ratio, round} from "../lib/num.js";
import type {ChurnSummaryRow} from "../lib/seed-churn-rule.js";
import {useItemFacts} from "./item-facts.js";
import {seedChurnAsOf} from "./seed-churn.js";
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
  /** People by number of valid orders (5 stands for 5 or more), with their share of all buyers. */
  orders_per_customer: {orders: number; customers: number; share: number | null}[];
  status_mix: Row[];
  /** The page's sentences: repeat purchases and the seed rule's churn status. */
  findings: {repeat_purchases: string; churn_status: string};
}

const share = (part: number, whole: number) => {
  const r = ratio(part, whole);
  return r === null ? null : round(r, 6);
};

function findings(people: Overview["orders_per_customer"], churn: ChurnSummaryRow[]): Overview["findings"] {
  const buyers = people.reduce((sum, p) => sum + p.customers, 0);
  const once = people.find((p) => p.orders === 1)?.customers ?? 0;
  const all = churn.reduce((sum, g) => sum + g.customers, 0);
  const churned = churn.reduce((sum, g) => sum + g.churned, 0);
  return {
    repeat_purchases:
      `${percent(ratio(once, buyers) ?? NaN)} of ${count(buyers)} buyers placed a single order; ` +
      `${percent(ratio(buyers - once, buyers) ?? NaN)} came back at least once.`,
    churn_status: `By this rule ${percent(ratio(churned, all) ?? NaN)} of ${count(all)} buyers are churned and ${count(all - churned)} are active.`
  };
}

export async function overview(warehouse: Warehouse): Promise<Overview> {
  const analysis_date = await warehouse.analysisDate();
  const params = {analysis_date};
  const hasProducts = await warehouse.hasInput("products");
  const churn = (await seedChurnAsOf(warehouse, [analysis_date])).get(analysis_date)!.churn;
  const counts = await warehouse.query<{orders: number; customers: number}>(sql("orders-per-customer"), params);
  const buyers = counts.reduce((sum, p) => sum + p.customers, 0);
  const orders_per_customer = counts.map((p) => ({...p, share: share(p.customers, buyers)}));
  return {
    analysis_date,
    monthly: await warehouse.query(sql("monthly"), params),
    categories: hasProducts
      ? await (await useItemFacts(warehouse)).query(sql("top-categories"), {...params, limit: 15})
      : null,
    ...(hasProducts ? {} : {categories_missing: "olist_products_dataset.csv is absent, so orders have no category"}),
    states: await warehouse.query(sql("states"), params),
    churn,
    orders_per_customer,
    status_mix: await warehouse.query(sql("status-mix"), params),
    findings: findings(orders_per_customer, churn)
  };
}
