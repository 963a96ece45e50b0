// Builds (or finds) the warehouse for the current data and prints {fingerprint, analysisDate} as JSON. The dev
// watcher runs it in a child process so that an edit to the ingest code itself is picked up.
import {openWarehouse} from "../warehouse/warehouse.js";

const warehouse = await openWarehouse();
const analysisDate = await warehouse.analysisDate();
warehouse.close();
process.stdout.write(JSON.stringify({fingerprint: warehouse.fingerprint, analysisDate}));
