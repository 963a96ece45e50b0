// Builds the site once for all browser tests, on synthetic data at scale 0.02 (≈2,000 people: small, but
// every chart has data), into a temporary folder that the tests get with inject("siteDir"). TEST_SITE_DIR=<dist>
// reuses a site built before (for a quick re-run of one browser test while editing it).
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {buildSite} from "./build.js";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default function setup(project: TestProject) {
  if (process.env.TEST_SITE_DIR) {
    project.provide("siteDir", process.env.TEST_SITE_DIR);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "olist-site-"));
  const output = join(work, "dist");
  buildSite({
    SITE_OUTPUT: output,
    OLIST_CACHE_DIR: join(work, "cache"),
    OLIST_DATA_DIR: "",
    SYNTH_SCALE: "0.02",
    SYNTH_SEED: "7"
  });
  project.provide("siteDir", output);
  return () => rmSync(work, {recursive: true, force: true});
}
