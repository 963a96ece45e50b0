// RFM segments at the analysis date, their movement over six months and behavioural clusters (loaders/segments.ts).
import {segmentsReport} from "../../loaders/segments.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(segmentsReport)));
