// Runs before `observable build` and `observable preview` (npm run build / npm run dev):
// 1. fills Framework's npm cache from node_modules, so the build needs no network;
// 2. builds the warehouse once, before Framework starts loaders in parallel;
// 3. clears Framework's cached loader outputs when their inputs changed. Framework re-runs a loader only when
//    the loader file itself changed (its issue #204): changed CSVs, lib/ or loaders/ code, or ANALYSIS_DATE
//    would otherwise be served stale.
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {createHash} from "node:crypto";
import {PROJECT_ROOT} from "../config.js";
import {hashSources, listFiles} from "../fingerprint.js";
import {openWarehouse} from "../warehouse/warehouse.js";
import {fillNpmCache} from "./offline-npm.js";

const started = Date.now();
const log = (line: string) => process.stderr.write(`${line}\n`);
const root = join(PROJECT_ROOT, "src");
const cache = join(root, ".observablehq", "cache");

await fillNpmCache({root, from: PROJECT_ROOT});

const warehouse = await openWarehouse();
const analysisDate = await warehouse.analysisDate();
warehouse.close();

// Everything a loader's output depends on besides the loader file: the data, the code it imports, the env.
const code = ["lib", "loaders", join("src", "data"), join("src", "components")].flatMap((dir) =>
  listFiles(join(PROJECT_ROOT, dir), (name) => /\.(ts|js|sql|json)$/.test(name), PROJECT_ROOT)
);
const inputs = createHash("sha256")
  .update(warehouse.fingerprint)
  .update(analysisDate)
  .update(hashSources(PROJECT_ROOT, code))
  .digest("hex");
const stamp = join(cache, "loader-inputs.sha256");
const previous = existsSync(stamp) ? readFileSync(stamp, "utf8") : "";
if (previous !== inputs) {
  // Framework keeps loader outputs in its cache beside the bundles of npm packages (_npm, _node, _jsr),
  // which only depend on package versions and are kept.
  mkdirSync(cache, {recursive: true});
  for (const entry of readdirSync(cache)) {
    if (!entry.startsWith("_")) rmSync(join(cache, entry), {recursive: true, force: true});
  }
  writeFileSync(stamp, inputs);
  log(`prepare: loader inputs changed${previous ? "" : " (first build)"}; cached loader outputs cleared`);
}
log(`prepare: ready in ${((Date.now() - started) / 1000).toFixed(1)} s (data: ${warehouse.source.name}, analysis date ${analysisDate})`);
