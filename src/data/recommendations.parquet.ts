// Everyone's top 10 products and top 10 categories as of the analysis date (the hybrid recommender), one row per
// person with the reason for each item; codes are explained by recommendation-codes.json.
import {recommendationsParquet} from "../../loaders/recommendations/publish.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(await withWarehouse(recommendationsParquet));
