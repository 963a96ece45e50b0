// Framework runs loaders as parallel processes: they must share one ingest, not race to build it twice.
import {spawn} from "node:child_process";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {expect, test} from "vitest";
import {tinyOlist, writeDataset} from "./fixtures/tiny-olist.js";

const ROOT = resolve(import.meta.dirname, "..");

function runLoader(env: NodeJS.ProcessEnv): Promise<{stdout: string; stderr: string; code: number | null}> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/data/kpis.json.ts"], {
      cwd: ROOT,
      env: {...process.env, ...env}
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => done({stdout, stderr, code}));
  });
}

test("three loader processes started together ingest once and agree", async () => {
  const env = {
    OLIST_DATA_DIR: writeDataset(tinyOlist()),
    OLIST_CACHE_DIR: mkdtempSync(join(tmpdir(), "olist-cache-")),
    ANALYSIS_DATE: ""
  };
  const runs = await Promise.all([runLoader(env), runLoader(env), runLoader(env)]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  const ingests = runs.filter((run) => run.stderr.includes("warehouse: ingesting")).length;
  expect(ingests).toBe(1);
  const outputs = runs.map((run) => JSON.parse(run.stdout));
  expect(outputs[1]).toEqual(outputs[0]);
  expect(outputs[2]).toEqual(outputs[0]);
  expect(outputs[0].orders).toBe(8);
}, 60_000);
