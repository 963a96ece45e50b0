// Every person's CLV row (lib/contracts/clv.ts: ClvLookupRow) in a lookup pack: the CLV page's customer lookup
// reads one small shard by HTTP Range requests (lib/lookup/pack.ts, loaders/clv/run.ts).
import {createReadStream} from "node:fs";
import {pipeline} from "node:stream/promises";
import {clvRun} from "../../loaders/clv/run.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

await pipeline(createReadStream((await withWarehouse(clvRun)).lookupFile), process.stdout, {end: false});
