// The customers most likely to churn (top N of the batch scores) with their top TreeSHAP reasons, and everyone's
// count per risk band (lib/contracts/churn-at-risk.ts).
import {churnAtRisk} from "../../loaders/churn/at-risk.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse((w) => churnAtRisk(w))));
