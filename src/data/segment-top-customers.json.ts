// Each RFM segment's size and its 100 people with the highest spend at the analysis date: the Segments page's
// customer list (everyone is in segment-customers.parquet, which the page links to and does not load).
import {segmentTopCustomers} from "../../loaders/segments.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(segmentTopCustomers)));
