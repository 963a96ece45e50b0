// Everyone's features and batch score as a lookup pack (lib/contracts/churn-lookup.ts): the churn-scoring page
// fetches one shard to score and explain one customer.
import {writeChurnLookupPack} from "../../loaders/churn/lookup-pack.js";
import {printLookupPack} from "../../loaders/lookup.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

await withWarehouse((w) => printLookupPack((file) => writeChurnLookupPack(w, file)));
