// One row per review known on the analysis date with its sentiment score and themes (columns: loaders/reviews.ts),
// for the churn features and for analysts who want the scores outside the site.
import {reviewScoresParquet} from "../../loaders/reviews.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(await withWarehouse(reviewScoresParquet));
