// How well each recommender predicts the next purchase: trained on orders up to a cutoff, tested on the next
// order of everyone who bought again after it (hit rate, recall, NDCG, coverage), at product and category level.
import {recommendationMetrics} from "../../loaders/recommendations/evaluate.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(recommendationMetrics)));
