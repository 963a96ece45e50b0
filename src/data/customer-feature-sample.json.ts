// A fixed 500-person sample of the customer feature table (lib/contracts/customer-feature-sample.ts).
import {customerFeatureSample} from "../../loaders/features/sample.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(customerFeatureSample)));
