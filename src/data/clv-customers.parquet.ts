// Every person's CLV forecast with intervals (lib/contracts/clv.ts: ClvCustomerRow), sorted by CLV: the download
// the CLV page links but does not load (loaders/clv/run.ts).
import {createReadStream} from "node:fs";
import {pipeline} from "node:stream/promises";
import {clvRun} from "../../loaders/clv/run.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

await pipeline(createReadStream((await withWarehouse(clvRun)).customersFile), process.stdout, {end: false});
