// What the recommendation loaders print, all from the same cached run (trained up to the analysis date):
// everyone's lists as Parquet (a download) and as a lookup pack (what the page reads, one shard per lookup), how the
// lists were made, and the category affinity and cross-sell tables.
import {RECOMMENDATION_COLUMNS} from "../../lib/contracts/recommendations.js";
import {writeLookupPack, type LookupPackSummary} from "../lookup.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {publishedRun} from "./run.js";

/** The run's Parquet file: one row per person (lib/contracts/recommendations.ts), in customer_unique_id order. */
export async function recommendationsFile(warehouse: Warehouse): Promise<string> {
  return (await publishedRun(warehouse)).peopleFile;
}

/** The same rows as a lookup pack keyed by customer_unique_id, streamed from the run's Parquet file. */
export async function writeRecommendationLookupPack(warehouse: Warehouse, file: string): Promise<LookupPackSummary> {
  const run = await publishedRun(warehouse);
  return writeLookupPack(file, warehouse.stream("SELECT * FROM read_parquet($file)", {file: run.peopleFile}, 20_000), {
    key: "customer_unique_id",
    columns: Object.keys(RECOMMENDATION_COLUMNS),
    description: `Recommendations as of ${run.window.analysisDate}: each customer's ten products and ten categories with their reasons`
  });
}

/** How the published lists were made: the training data and settings, and who they are for. */
export async function recommendationLists(warehouse: Warehouse) {
  const run = await publishedRun(warehouse);
  return {
    data_source: warehouse.source.name,
    analysis_date: run.window.analysisDate,
    last_reliable_date: run.window.lastReliableDate,
    recent: run.recent,
    params: run.params,
    trained: run.trained,
    one_order_people: run.oneOrderPeople,
    /** The first customer (by id) of each basis, for the page's examples. */
    examples: {history: run.examples.history, first_order: run.examples.firstOrder}
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
