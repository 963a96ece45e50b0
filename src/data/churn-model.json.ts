// The churn model file: lib/ml's model format with the feature encoder in its preprocessing, its metrics,
// training window and data fingerprints (loaders/churn/run.ts trains it once per build).
import {churnModelFile} from "../../loaders/churn/publish.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(churnModelFile)));
