// The built site the report prints: SITE_OUTPUT (default dist/), built first with `npm run build` if missing.
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Kpis} from "../../lib/contracts/kpis.js";
import {PROJECT_ROOT} from "../config.js";

export function siteDir(): string {
  return resolve(PROJECT_ROOT, process.env.SITE_OUTPUT ?? "dist");
}

export function ensureBuilt(dir: string, log: (line: string) => void): void {
  if (existsSync(join(dir, "index.html"))) return;
  log(`report: no site in ${dir}; running npm run build`);
  const run = spawnSync("npm", ["run", "build"], {
    cwd: PROJECT_ROOT,
    env: {...process.env, SITE_OUTPUT: dir},
    stdio: "inherit"
  });
  if (run.status !== 0) throw new Error(`npm run build failed (exit code ${run.status})`);
}

/** kpis.json as the build copied it into the site (_file/data/kpis.HASH.json): the figures the pages show. */
export function builtKpis(dir: string): Kpis {
  const folder = join(dir, "_file", "data");
  const file = existsSync(folder) ? readdirSync(folder).find((f) => /^kpis\.[\w-]+\.json$/.test(f)) : undefined;
  if (!file) throw new Error(`no kpis.*.json in ${folder}: is ${dir} a build of this site?`);
  return JSON.parse(readFileSync(join(folder, file), "utf8")) as Kpis;
}
