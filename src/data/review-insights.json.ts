// Review themes, sentiment quality and what follows a review, for the Review insights page (fields: the
// ReviewInsights interface in loaders/reviews.ts).
import {reviewInsights} from "../../loaders/reviews.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(reviewInsights)));
