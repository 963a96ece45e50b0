// One row per person at the analysis date with RFM scores and segment (columns: SEGMENT_CUSTOMER_COLUMNS in
// loaders/segments.ts), for the Segments page's filtered list and CSV download.
import {segmentCustomersParquet} from "../../loaders/segments.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(await withWarehouse(segmentCustomersParquet));
