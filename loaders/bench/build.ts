// The build part of `npm run bench`: at each synthetic scale (BENCH_SCALES, default 1,10) a cold `npm run build`
// (no data cache, no Framework cache, no dist: data generation included), its peak memory and where the time goes;
// at the first scale also the warm rebuild after a page edit and the rebuild after a lib/ edit, with the outputs it
// recomputed beside those the import graph says it must. Figures only: the machine is shared and noisy.
import {spawnSync} from "node:child_process";
import {appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {PROJECT_ROOT} from "../config.js";
import {FRAMEWORK_CACHE} from "../build/loader-targets.js";
import {affectedLoaders, readGraph} from "../dev/graph.js";

export interface BuildRun {
  seconds: number;
  peakMB: number;
  log: string;
}

/** Runs a command under GNU time: wall seconds and the peak RSS of the largest process in the tree. */
function timed(command: string[], env: NodeJS.ProcessEnv): BuildRun {
  const run = spawnSync("/usr/bin/time", ["-f", "BENCH %e %M", ...command], {
    cwd: PROJECT_ROOT,
    env,
    encoding: "utf8",
    maxBuffer: 1 << 30
  });
  const log = `${run.stdout}\n${run.stderr}`;
  const match = /BENCH ([\d.]+) (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !match) throw new Error(`${command.join(" ")} failed:\n${run.stderr.slice(-3000)}`);
  return {seconds: Number(match[1]), peakMB: Number(match[2]) / 1024, log};
}

const figure = (log: string, pattern: RegExp) => Number(pattern.exec(log)?.[1] ?? NaN);

/** The step of the pipeline a loader output belongs to (the first output of a cached run pays for the run). */
function stepOf(target: string): string {
  if (target.startsWith("charts/")) return "charts (32 files, one worker)";
  const name = target.replace(/^data\//, "");
  if (/^(customer-features|feature-dictionary)/.test(name)) return "features";
  if (name.startsWith("churn")) return "churn";
  if (name.startsWith("segment")) return "segments";
  if (name.startsWith("clv")) return "CLV";
  if (name.startsWith("recommendation")) return "recommendations";
  if (name.startsWith("review")) return "reviews";
  return "KPIs, cohorts, insights, slices, A/B";
}

/** Loader outputs computed by prepare in a build log, with their seconds. */
export function loaderRuns(log: string): {target: string; seconds: number}[] {
  return [...log.matchAll(/^loader (\S+): .* in ([\d.]+) s$/gm)].map((m) => ({target: m[1]!, seconds: Number(m[2])}));
}

/** Where a cold build's time went: generation, ingest, loader seconds per step, Framework's page build. */
export function breakdown(run: BuildRun): [string, number][] {
  const prepare = figure(run.log, /prepare: ready in ([\d.]+) s/);
  const steps = new Map<string, number>();
  for (const {target, seconds} of loaderRuns(run.log))
    steps.set(stepOf(target), (steps.get(stepOf(target)) ?? 0) + seconds);
  return [
    ["generate synthetic CSVs", figure(run.log, /synthetic: done in ([\d.]+) s/)],
    ["ingest (warehouse)", figure(run.log, /warehouse: ready in ([\d.]+) s/)],
    ...[...steps].sort((a, b) => b[1] - a[1]).map(([step, s]): [string, number] => [`  loaders: ${step}`, s]),
    ["prepare, wall (loaders in 2 workers)", prepare],
    ["Framework page build", run.seconds - prepare]
  ];
}

// The goals of issues 12 and 13, and what main measured at 98074fa before this work (2 cores, quiet machine).
const COLD_GOAL: Record<number, {seconds: number; mb?: number; was?: string}> = {
  1: {seconds: 45, mb: 2048, was: "259 s, 1.46 GB"},
  10: {seconds: 240, was: "died after 1,242 s (JS heap out of memory, 7.4 GB RSS)"},
  100: {seconds: 1800, mb: 8192, was: "never built"}
};
const LIB_EDIT = process.env.BENCH_LIB_EDIT ?? "lib/text/sentiment.ts";

function withAppended<T>(file: string, text: string, run: () => T): T {
  const path = join(PROJECT_ROOT, file);
  const before = readFileSync(path);
  appendFileSync(path, text);
  try {
    return run();
  } finally {
    writeFileSync(path, before);
  }
}

export interface ScaleResult {
  scale: number;
  output: string;
  work: string;
  env: NodeJS.ProcessEnv;
}

/** Cold builds at each scale; returns the built sites (the caller measures their pages, then removes `work`). */
export function benchBuild(scales: number[], print: (line: string) => void = console.log): ScaleResult[] {
  const results: ScaleResult[] = [];
  for (const [index, scale] of scales.entries()) {
    const work = mkdtempSync(join(tmpdir(), `olist-bench-${scale}-`));
    const output = join(work, "dist");
    const env = {
      ...process.env,
      SYNTH_SCALE: String(scale),
      OLIST_CACHE_DIR: join(work, "cache"),
      SITE_OUTPUT: output,
      OLIST_DATA_DIR: "",
      ANALYSIS_DATE: ""
    };
    process.stderr.write(`bench: cold build at scale ${scale} …\n`);
    rmSync(FRAMEWORK_CACHE, {recursive: true, force: true});
    const cold = timed(["npm", "run", "build"], env);
    const goal = COLD_GOAL[scale];
    print(`\n## Cold build, synthetic scale ${scale}`);
    print(
      `wall ${cold.seconds.toFixed(1)} s (goal < ${goal ? `${goal.seconds} s` : "–"}), peak RSS of the largest process ${cold.peakMB.toFixed(0)} MB${goal?.mb ? ` (goal < ${goal.mb} MB)` : ""}${goal?.was ? `; before this work: ${goal.was}` : ""}`
    );
    print("step\tseconds");
    for (const [step, seconds] of breakdown(cold)) print(`${step}\t${seconds.toFixed(1)}`);

    if (index === 0) {
      process.stderr.write(`bench: warm rebuilds at scale ${scale} …\n`);
      // Framework refuses to write over files it finds in an output folder outside the project.
      const rebuild = () => (rmSync(output, {recursive: true, force: true}), timed(["npm", "run", "build"], env));
      const warm = withAppended("src/index.md", "\n", rebuild);
      print(
        `\nwarm rebuild after a page edit (src/index.md): ${warm.seconds.toFixed(1)} s (goal < 5 s; before: 32.6 s), ${loaderRuns(warm.log).length} loader outputs recomputed, prepare ${figure(warm.log, /prepare: ready in ([\d.]+) s/).toFixed(1)} s`
      );
      const expected = affectedLoaders(readGraph(), LIB_EDIT);
      const edited = withAppended(LIB_EDIT, "\n// bench edit\n", rebuild);
      const recomputed = loaderRuns(edited.log);
      print(
        `rebuild after editing ${LIB_EDIT}: ${edited.seconds.toFixed(1)} s; recomputed ${recomputed.length} outputs: ${recomputed.map((r) => `${r.target} (${r.seconds} s)`).join(", ")}`
      );
      print(`  loaders whose import graph reaches ${LIB_EDIT}: ${expected.join(", ")}`);
    }
    results.push({scale, output, work, env});
  }
  return results;
}
