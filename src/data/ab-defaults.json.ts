// Defaults of the A/B testing page: repeat-purchase rate, order value and daily traffic (loaders/ab-defaults.ts).
import {abDefaults} from "../../loaders/ab-defaults.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(abDefaults), null, 2));
