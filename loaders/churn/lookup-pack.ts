// churn-lookup.pack: everyone's feature row and batch score in a lookup pack (loaders/lookup.ts), streamed from
// DuckDB in chunks (the run's score file joined to the feature file), so the pack of any number of customers is
// written without holding them in JavaScript.
import {CHURN_LOOKUP_SCORE_COLUMNS} from "../../lib/contracts/churn-lookup.js";
import {customerFeaturesFile} from "../features/customer-features.js";
import {FEATURES} from "../features/dictionary.js";
import {writeLookupPack, type LookupPackSummary} from "../lookup.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {churnRun, churnScoresFile} from "./run.js";

export const CHURN_LOOKUP_COLUMNS = [
  "customer_unique_id",
  ...FEATURES.map((f) => f.name),
  ...CHURN_LOOKUP_SCORE_COLUMNS
] as const;

export async function writeChurnLookupPack(warehouse: Warehouse, file: string): Promise<LookupPackSummary> {
  const {window} = await churnRun(warehouse);
  const scores = await churnScoresFile(warehouse);
  const features = await customerFeaturesFile(warehouse, window.analysisDate);
  return writeLookupPack(file, warehouse.stream(sql("churn/lookup-rows"), {scores, features}, 20_000), {
    key: "customer_unique_id",
    columns: CHURN_LOOKUP_COLUMNS,
    description: `Churn lookup as of ${window.analysisDate}: each customer's features (feature-dictionary.json) and build-time batch score`
  });
}
