// The compact cohort cube the Cohorts page filters in the browser (columnar cells; see lib/cohorts.ts).
import {cohortCube} from "../../loaders/cohorts.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(cohortCube)));
