// Everyone's churn probability as of the analysis date (batch scores of churn-model.json), with RFM segment,
// seed-rule status, state, spend and, for the most value at risk, the top reasons.
import {churnScoresParquet} from "../../loaders/churn/publish.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(await withWarehouse(churnScoresParquet));
