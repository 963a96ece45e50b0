// What the codes in recommendations.parquet stand for (products, categories, states, reason kinds) and how the
// published lists were trained.
import {recommendationCodes} from "../../loaders/recommendations/publish.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(recommendationCodes)));
