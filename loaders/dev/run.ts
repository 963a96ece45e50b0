// npm run dev: Framework's preview server plus a watcher for what Framework does not watch (its issue #204).
// Framework re-renders an edited page by itself and re-runs a loader when the loader file changes. This adds:
// an edit to lib/, loaders/ or src/components|charts touches exactly the loaders that import the edited file
// (see graph.ts), so Framework re-runs them on the next request and live-reloads the open page; an edited CSV
// (or ingest code) first rebuilds the warehouse, then touches every loader that reads it. Arguments are passed
// to `observable preview` (e.g. npm run dev -- --port 4000 --no-open).
import {execFileSync, spawn} from "node:child_process";
import {existsSync, utimesSync, watch} from "node:fs";
import {basename, dirname, join, relative} from "node:path";
import {dataSource, isMotherDuck, PROJECT_ROOT} from "../config.js";
import {loaderTargets} from "../build/loader-targets.js";
import {forgetStamps} from "../build/run-loaders.js";
import {affectedLoaders, dependencies, readGraph, warehouseLoaders} from "./graph.js";

const log = (line: string) => process.stderr.write(`dev: ${line}\n`);
const bin = (name: string) => join(PROJECT_ROOT, "node_modules", ".bin", name);

const preview = spawn(bin("observable"), ["preview", ...process.argv.slice(2)], {cwd: PROJECT_ROOT, stdio: "inherit"});
preview.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));

const source = dataSource();
// Synthetic data is a function of the generator code (loaders/synth, in the warehouse's closure), not of
// hand edits; real or OLIST_DATA_DIR files are watched, and OLIST_DUCKDB's file (and its WAL) in its folder.
const local = source.kind === "duckdb" && !isMotherDuck(source.dir);
const dataDir = source.kind === "files" ? source.dir : local ? dirname(source.dir) : null;
const isInput = (name: string) =>
  local ? name.replace(/\.wal$/, "") === basename(source.dir) : /\.(csv(\.gz)?|parquet)$/.test(name);
const codeDirs = ["lib", "loaders", join("src", "components"), join("src", "charts")];

/** The warehouse's own code and queries: an edit there (or to a CSV) needs a new ingest before loaders re-run. */
const ingestCode = () => new Set(dependencies(readGraph(), ["loaders/warehouse/warehouse.ts"]));

function touch(loaders: string[]): void {
  const now = new Date();
  for (const loader of loaders) utimesSync(join(PROJECT_ROOT, loader), now, now);
}

function reingest(): void {
  const started = Date.now();
  const out = execFileSync(bin("tsx"), [join("loaders", "dev", "ingest.ts")], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"]
  });
  log(`warehouse ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${out}`);
}

let pending = new Set<string>();
let timer: NodeJS.Timeout | undefined;

function handle(): void {
  const changed = [...pending];
  pending = new Set();
  try {
    const graph = readGraph();
    const warehouseCode = ingestCode();
    const data =
      changed.some((path) => !path.startsWith("lib/") && !path.startsWith("loaders/") && !path.startsWith("src/")) ||
      changed.some((path) => warehouseCode.has(path));
    const loaders = new Set(changed.flatMap((path) => affectedLoaders(graph, path)));
    if (data) {
      reingest();
      for (const loader of warehouseLoaders(graph)) loaders.add(loader);
    }
    touch([...loaders]);
    // Framework re-runs these itself on the next view; the next build must not take their old outputs for
    // up to date. Every other output keeps its stamp (run-loaders.ts).
    forgetStamps(
      loaderTargets()
        .filter((t) => loaders.has(t.loader))
        .map((t) => t.target)
    );
    log(
      `${changed.join(", ")} changed → ${loaders.size ? `re-running on next view: ${[...loaders].join(", ")}` : "no loader affected"}`
    );
  } catch (error) {
    log(`could not apply ${changed.join(", ")}: ${error instanceof Error ? error.message : error}`);
  }
}

function queue(path: string): void {
  pending.add(path);
  clearTimeout(timer);
  // Editors write a file in several steps; wait until they are done.
  timer = setTimeout(handle, 300);
}

for (const dir of codeDirs) {
  watch(join(PROJECT_ROOT, dir), {recursive: true}, (_event, name) => {
    if (name && /\.(ts|sql)$/.test(name)) queue(join(dir, name.toString()));
  });
}
if (dataDir && existsSync(dataDir)) {
  watch(dataDir, (_event, name) => {
    if (name && isInput(name.toString())) queue(relative(PROJECT_ROOT, join(dataDir, name.toString())));
  });
  log(`watching ${relative(PROJECT_ROOT, dataDir) || dataDir} and ${codeDirs.join(", ")}`);
} else {
  log(`watching ${codeDirs.join(", ")}`);
}
