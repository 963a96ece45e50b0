// Public contract for wiki teams: headline KPIs as of the analysis date (fields documented in README.md).
import {kpis} from "../../loaders/kpis.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(kpis), null, 2));
