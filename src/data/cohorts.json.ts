// Public contract for wiki teams: monthly acquisition cohorts (size, retained people and cumulative revenue per
// month offset, observable and small flags) as of the analysis date; fields are listed on the Cohorts page.
import {cohortsReport} from "../../loaders/cohorts.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(cohortsReport), null, 1));
