// One timed run for the ingest bench: CSVs in OLIST_DATA_DIR → warehouse (with every ingest check) → the customer
// feature table as Parquet, in a fresh OLIST_CACHE_DIR. Prints {people, ingest_seconds, features_seconds} as JSON.
import {customerFeaturesFile} from "../features/customer-features.js";
import {openWarehouse} from "../warehouse/warehouse.js";

const started = performance.now();
const warehouse = await openWarehouse();
const ingested = performance.now();
const file = await customerFeaturesFile(warehouse, await warehouse.analysisDate());
const [{people}] = await warehouse.query<{people: number}>(
  `SELECT count(*)::INTEGER AS people FROM read_parquet('${file.replace(/'/g, "''")}')`
);
warehouse.close();
process.stdout.write(
  JSON.stringify({
    people,
    ingest_seconds: (ingested - started) / 1000,
    features_seconds: (performance.now() - ingested) / 1000
  })
);
