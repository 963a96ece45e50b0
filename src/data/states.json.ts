// One entry per customer state for the templated pages /states/[state]: KPIs, monthly trend, top lists.
import {stateSlices} from "../../loaders/slices/states.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(stateSlices)));
