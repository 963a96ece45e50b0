// Metrics of the churn model and its baselines on the evaluation snapshot, the search grid, the chosen
// parameters and fit times (from the same cached training run as churn-model.json).
import {churnMetrics} from "../../loaders/churn/publish.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(churnMetrics)));
