// Which categories the same people buy (lift), cross-sell opportunities ranked by expected revenue, and the
// products most often bought in the same order.
import {recommendationAffinity} from "../../loaders/recommendations/publish.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(recommendationAffinity)));
