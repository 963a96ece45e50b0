// Everyone's recommendation lists as a lookup pack (lib/contracts/recommendations.ts): the Recommendations page
// fetches one shard to show one customer's lists.
import {printLookupPack} from "../../loaders/lookup.js";
import {writeRecommendationLookupPack} from "../../loaders/recommendations/publish.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

await withWarehouse((w) => printLookupPack((file) => writeRecommendationLookupPack(w, file)));
