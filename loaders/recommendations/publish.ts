// What the recommendation loaders print, all from the same cached run (trained up to the analysis date):
// the per-person lists as Parquet, the codes those lists use, and the category affinity and cross-sell tables.
import type {Warehouse} from "../warehouse/warehouse.js";
import {publishedRun} from "./run.js";

const LIST_COLUMNS =
  "{customer_unique_id: 'VARCHAR', state: 'VARCHAR', orders: 'INTEGER', basis: 'VARCHAR', " +
  "product: 'INTEGER[]', product_reason: 'UTINYINT[]', product_because: 'INTEGER[]', product_support: 'INTEGER[]', " +
  "category: 'SMALLINT[]', category_reason: 'UTINYINT[]', category_because: 'INTEGER[]', category_support: 'INTEGER[]'}";

/** One row per person, in customer_unique_id order; the lists hold codes explained by recommendation-codes.json. */
export async function recommendationsParquet(warehouse: Warehouse): Promise<Buffer> {
  const run = await publishedRun(warehouse);
  const file = run.peopleFile.replace(/'/g, "''");
  return warehouse.parquet(
    `SELECT * FROM read_json('${file}', format = 'array', columns = ${LIST_COLUMNS}) ORDER BY customer_unique_id`
  );
}

/** What the codes in recommendations.parquet stand for, and how the lists were made. */
export async function recommendationCodes(warehouse: Warehouse) {
  const run = await publishedRun(warehouse);
  return {
    data_source: warehouse.source.name,
    analysis_date: run.window.analysisDate,
    last_reliable_date: run.window.lastReliableDate,
    recent: run.recent,
    params: run.params,
    trained: run.trained,
    reasons: run.reasons,
    categories: run.categories,
    states: run.states,
    products: run.products
  };
}

/** Category affinity (lift between categories), cross-sell opportunities and products bought together. */
export async function recommendationAffinity(warehouse: Warehouse) {
  const run = await publishedRun(warehouse);
  return {
    data_source: warehouse.source.name,
    analysis_date: run.window.analysisDate,
    people: run.trained.people,
    min_support: run.params.minSupport,
    prior_strength: run.params.priorStrength,
    ...run.affinity
  };
}
