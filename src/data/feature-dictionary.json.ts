// Name, group, definition and unit of every customer feature, with its coverage and distribution.
import {featureDictionary} from "../../loaders/features/customer-features.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(
  JSON.stringify(await withWarehouse(async (w) => featureDictionary(w, await w.analysisDate())), null, 1)
);
