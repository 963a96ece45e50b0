// Row counts, rejects with examples, orphans and nulls for the data-quality page.
import {dataQuality} from "../../loaders/data-quality.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(dataQuality), null, 2));
