// Runs before `observable build` and `observable preview` (npm run build / npm run dev):
// 1. fills Framework's npm cache from node_modules, so the build needs no network;
// 2. builds the warehouse once, before Framework starts loaders in parallel;
// 3. clears Framework's cached loader outputs when their inputs changed. Framework re-runs a loader only when
//    the loader file itself changed (its issue #204): changed CSVs, lib/ or loaders/ code, or ANALYSIS_DATE
//    would otherwise be served stale.
import {mkdirSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {PROJECT_ROOT} from "../config.js";
import {openWarehouse} from "../warehouse/warehouse.js";
import {FRAMEWORK_CACHE, loaderInputs, readStamp, writeStamp} from "./loader-inputs.js";
import {fillNpmCache} from "./offline-npm.js";
import {writeSlicePaths} from "../slices/write-paths.js";

const started = Date.now();
const log = (line: string) => process.stderr.write(`${line}\n`);
const root = join(PROJECT_ROOT, "src");

await fillNpmCache({root, from: PROJECT_ROOT});

const warehouse = await openWarehouse();
const analysisDate = await warehouse.analysisDate();
// The templated pages (/states/[state], /categories/[category]) Framework builds: it reads the list in the config.
await writeSlicePaths(warehouse, analysisDate);
warehouse.close();

const inputs = loaderInputs(warehouse.fingerprint, analysisDate);
const previous = readStamp();
if (previous !== inputs) {
  // Framework keeps loader outputs in its cache beside the bundles of npm packages (_npm, _node, _jsr),
  // which only depend on package versions and are kept.
  mkdirSync(FRAMEWORK_CACHE, {recursive: true});
  for (const entry of readdirSync(FRAMEWORK_CACHE)) {
    if (!entry.startsWith("_")) rmSync(join(FRAMEWORK_CACHE, entry), {recursive: true, force: true});
  }
  writeStamp(inputs);
  log(`prepare: loader inputs changed${previous ? "" : " (first build)"}; cached loader outputs cleared`);
}
log(
  `prepare: ready in ${((Date.now() - started) / 1000).toFixed(1)} s (data: ${warehouse.source.name}, analysis date ${analysisDate})`
);
