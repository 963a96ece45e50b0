// How the published lists were trained (data, dates, settings) and who they are for (people with one order,
// an example of each basis).
import {recommendationLists} from "../../loaders/recommendations/publish.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(recommendationLists)));
