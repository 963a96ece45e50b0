// customer-feature-sample.json: SAMPLE_SIZE whole rows of the feature table, picked by a hash of the id in DuckDB
// (ORDER BY md5 … LIMIT), for the features page's table view.
import type {CustomerFeatureSample} from "../../lib/contracts/customer-feature-sample.js";
import {count} from "../../lib/format.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {customerFeaturesFile} from "./customer-features.js";
import {FEATURES} from "./dictionary.js";

export const SAMPLE_SIZE = 500;

export async function sampleFeatureFile(
  warehouse: Warehouse,
  file: string,
  cutoff: string,
  n = SAMPLE_SIZE
): Promise<CustomerFeatureSample> {
  const columns = ["customer_unique_id", ...FEATURES.map((f) => f.name)];
  const rows = await warehouse.query<Record<string, string | number | null>>(sql("features/sample"), {file, n});
  const [{people}] = (await warehouse.query<{people: number}>(sql("features/people"), {file})) as [{people: number}];
  return {
    cutoff,
    people,
    sample_size: rows.length,
    rule: `the ${count(n)} people whose customer_unique_id has the smallest MD5 hash: a spread-out sample, the same on every build of the same data`,
    columns,
    rows: rows.map((r) => columns.map((c) => r[c] ?? null))
  };
}

export async function customerFeatureSample(warehouse: Warehouse): Promise<CustomerFeatureSample> {
  const cutoff = await warehouse.analysisDate();
  return sampleFeatureFile(warehouse, await customerFeaturesFile(warehouse, cutoff), cutoff);
}
