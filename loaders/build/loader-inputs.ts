// The stamp of everything a loader's output depends on besides the loader file: the data, the code it imports
// and the analysis date. prepare.ts clears Framework's cached loader outputs when it changes; the dev watcher
// re-runs the affected loaders itself and then records the new stamp.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {createHash} from "node:crypto";
import {PROJECT_ROOT} from "../config.js";
import {hashSources, listFiles} from "../fingerprint.js";

/** Framework's cache of loader outputs (and of npm bundles, in its `_`-prefixed folders). */
export const FRAMEWORK_CACHE = join(PROJECT_ROOT, "src", ".observablehq", "cache");
const STAMP = join(FRAMEWORK_CACHE, "loader-inputs.sha256");

export function loaderInputs(warehouseFingerprint: string, analysisDate: string): string {
  const code = ["lib", "loaders", join("src", "data"), join("src", "components"), join("src", "charts")].flatMap(
    (dir) => listFiles(join(PROJECT_ROOT, dir), (name) => /\.(ts|js|sql|json)$/.test(name), PROJECT_ROOT)
  );
  return createHash("sha256")
    .update(warehouseFingerprint)
    .update(analysisDate)
    .update(hashSources(PROJECT_ROOT, code))
    .digest("hex");
}

export const readStamp = () => (existsSync(STAMP) ? readFileSync(STAMP, "utf8") : "");

export function writeStamp(inputs: string): void {
  mkdirSync(dirname(STAMP), {recursive: true});
  writeFileSync(STAMP, inputs);
}
