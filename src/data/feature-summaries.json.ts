// Each customer feature's coverage and distribution at the analysis date (lib/contracts/feature-summaries.ts).
import {featureSummaries} from "../../loaders/features/summaries.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(featureSummaries)));
