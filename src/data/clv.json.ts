// Customer lifetime value: the three purchase models and Gamma-Gamma with standard errors, the holdout comparison
// and model choice, diagnostics, base totals by month with draws, top list and aggregates (loaders/clv/run.ts).
import {clvRun} from "../../loaders/clv/run.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify((await withWarehouse(clvRun)).report));
