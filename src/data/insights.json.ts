// Business insights: concentration, geography, payments, seasonality, delivery and reviews, categories.
import {insights} from "../../loaders/insights.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(insights)));
