// Customer lifetime value: BG/NBD and Gamma-Gamma parameters with standard errors, the calibration check and
// historical and predictive CLV by segment and state (loaders/clv.ts).
import {clvReport} from "../../loaders/clv.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(clvReport)));
