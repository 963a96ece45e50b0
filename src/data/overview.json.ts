// Monthly trend, categories, states and churn status for the executive overview.
import {overview} from "../../loaders/overview.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(overview)));
