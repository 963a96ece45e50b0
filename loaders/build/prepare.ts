// Runs before `observable build` and `observable preview` (npm run build / npm run dev):
// 1. fills Framework's npm cache from node_modules, so the build needs no network;
// 2. builds the warehouse once (ingest), before any loader reads it;
// 3. computes every loader output whose data or code changed, two at a time in long-lived workers
//    (run-loaders.ts), into Framework's loader cache; the others are kept. Framework then finds every output in
//    its cache and only builds the pages. A loader that fails stops the build here, with its name and error.
// PREPARE_LOADERS=0 skips step 3 (Framework then runs the missing loaders itself, one process each).
import {join} from "node:path";
import {PROJECT_ROOT} from "../config.js";
import {openWarehouse} from "../warehouse/warehouse.js";
import {fillNpmCache} from "./offline-npm.js";
import {writeSlicePaths} from "../slices/write-paths.js";
import {LoaderError, planLoaders, runLoaders} from "./run-loaders.js";

const started = performance.now();
const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const root = join(PROJECT_ROOT, "src");

await fillNpmCache({root, from: PROJECT_ROOT});

let step = performance.now();
const warehouse = await openWarehouse();
const analysisDate = await warehouse.analysisDate();
// The templated pages (/states/[state], /categories/[category]) Framework builds: it reads the list in the config.
await writeSlicePaths(warehouse, analysisDate);
warehouse.close();
log(`prepare: warehouse ready in ${seconds(step)} s`);

if (process.env.PREPARE_LOADERS !== "0") {
  step = performance.now();
  const plan = planLoaders({source: warehouse.source.name, fingerprint: warehouse.fingerprint, analysisDate});
  log(`prepare: ${plan.stale.length} loader outputs to compute, ${plan.fresh.length} up to date`);
  try {
    await runLoaders(plan, {log});
  } catch (error) {
    if (!(error instanceof LoaderError)) throw error;
    log(`\nprepare: the build stops because a data loader failed.\n${error.message}`);
    process.exit(1);
  }
  log(`prepare: loaders done in ${seconds(step)} s`);
}
log(`prepare: ready in ${seconds(started)} s (data: ${warehouse.source.name}, analysis date ${analysisDate})`);
