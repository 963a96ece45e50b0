// Building the site for tests: `npm run build` into a temporary folder, with the data chosen by `env`.
import {spawnSync} from "node:child_process";
import {readdirSync, readFileSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

export function buildSite(env: NodeJS.ProcessEnv & {SITE_OUTPUT: string}): void {
  rmSync(env.SITE_OUTPUT, {recursive: true, force: true}); // Framework clears only output folders inside the project
  const run = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    env: {...process.env, ANALYSIS_DATE: "", ...env},
    encoding: "utf8",
    timeout: 900_000 // a safety net: a loaded 2-core machine once needed more than 300 s for this small build
  });
  if (run.status !== 0) throw new Error(`npm run build failed (${run.status}):\n${run.stderr.slice(-4000)}`);
}

/** A loader's output as Framework copied it into the site: OUTPUT/_file/data/NAME.HASH.EXT. */
export function builtFile(output: string, name: string, ext = "json"): string {
  const dir = join(output, "_file", "data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(`.${ext}`));
  if (!file) throw new Error(`no ${name}.*.${ext} in ${dir}`);
  return join(dir, file);
}

export function builtJson<T = Record<string, unknown>>(output: string, name: string): T {
  return JSON.parse(readFileSync(builtFile(output, name), "utf8")) as T;
}

/** Built pages as routes: "index", "data-quality", … */
export function builtPages(output: string): string[] {
  return readdirSync(output, {recursive: true, encoding: "utf8"})
    .filter((f) => f.endsWith(".html") && f !== "404.html" && !f.startsWith("_"))
    .map((f) => f.replace(/\.html$/, ""))
    .sort();
}
