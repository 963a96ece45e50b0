// The customer feature table at the analysis date (one row per person); columns: feature-dictionary.json.
import {customerFeaturesParquet} from "../../loaders/features/customer-features.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(await withWarehouse(async (w) => customerFeaturesParquet(w, await w.analysisDate())));
