// Everyone's top 10 products and top 10 categories as of the analysis date (the hybrid recommender), one row per
// person with the reason for each item (lib/contracts/recommendations.ts). A download: the page reads the pack.
import {createReadStream} from "node:fs";
import {pipeline} from "node:stream/promises";
import {recommendationsFile} from "../../loaders/recommendations/publish.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

await pipeline(createReadStream(await withWarehouse(recommendationsFile)), process.stdout, {end: false});
