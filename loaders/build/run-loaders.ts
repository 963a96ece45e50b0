// Runs the site's data loaders ahead of Framework, two at a time, in long-lived worker processes
// (loader-worker.ts), and only those whose inputs changed. Framework itself runs loaders one after another, each
// in a new `tsx` process, and re-runs one only when its file changed (its issue #204): here each output is keyed
// by a stamp of the data (warehouse fingerprint, analysis date) and of the code it really depends on (the
// import graph: loaders/dev/graph.ts), so that an edit of one lib/ module recomputes exactly the outputs whose
// loaders reach it. Outputs go where Framework's documented cache keeps them, and Framework then finds them.
import {fork, type ChildProcess} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {PROJECT_ROOT} from "../config.js";
import {dependencies, readGraph, type DependencyGraph} from "../dev/graph.js";
import {cachePath, FRAMEWORK_CACHE, loaderTargets, type LoaderTarget} from "./loader-targets.js";
import type {WorkerJob, WorkerResult} from "./loader-worker.js";

const WORKER = join(dirname(fileURLToPath(import.meta.url)), "loader-worker.ts");
const STAMPS = join(FRAMEWORK_CACHE, "loader-stamps.json");

/** What an output depends on besides its code: which data, as of which day. */
export interface DataState {
  source: string;
  fingerprint: string;
  analysisDate: string;
}

interface StampEntry {
  stamp: string;
  /** How long the loader took last time: the scheduler runs long ones first. */
  seconds: number;
}

type Stamps = Record<string, StampEntry>;

export const readStamps = (): Stamps =>
  existsSync(STAMPS) ? (JSON.parse(readFileSync(STAMPS, "utf8")) as Stamps) : {};

function writeStamps(stamps: Stamps): void {
  mkdirSync(dirname(STAMPS), {recursive: true});
  writeFileSync(STAMPS, JSON.stringify(stamps, null, 1));
}

/** The stamp of one output: its loader's code closure, its parameters and the data state. */
export function targetStamp(target: LoaderTarget, graph: DependencyGraph, data: DataState): string {
  const hash = createHash("sha256").update(JSON.stringify([target.target, target.params, data]));
  for (const path of dependencies(graph, [target.loader])) {
    const file = join(PROJECT_ROOT, path);
    hash.update(path).update(existsSync(file) ? readFileSync(file) : "");
  }
  return hash.digest("hex").slice(0, 24);
}

export interface Plan {
  /** Outputs to (re)compute, with their new stamps. */
  stale: {target: LoaderTarget; stamp: string}[];
  fresh: LoaderTarget[];
}

/** Which outputs must be recomputed: a different stamp, or no cached file (deleted, or never built). */
export function planLoaders(data: DataState, targets = loaderTargets(), graph = readGraph()): Plan {
  const stamps = readStamps();
  const plan: Plan = {stale: [], fresh: []};
  for (const target of targets) {
    const stamp = targetStamp(target, graph, data);
    if (stamps[target.target]?.stamp === stamp && existsSync(cachePath(target.target))) plan.fresh.push(target);
    else plan.stale.push({target, stamp});
  }
  return plan;
}

/**
 * Outputs whose loaders share a cached training run (a module that takes `buildOnce`'s lock, such as the churn
 * or recommendation run) go to the same worker, so that one worker never waits for the other's run.
 */
function groupKey(target: LoaderTarget, graph: DependencyGraph): string {
  const runs = dependencies(graph, [target.loader]).filter(
    (path) => graph.imports.get(path)?.has("loaders/lock.ts") && !path.startsWith("loaders/warehouse/")
  );
  return runs.filter((path) => !path.startsWith("loaders/features/")).join("+") || target.target;
}

/** Longest groups first, each to the worker with the least work so far (the LPT rule). */
export function schedule(
  stale: LoaderTarget[],
  workers: number,
  estimate: (target: LoaderTarget) => number,
  graph: DependencyGraph
): LoaderTarget[][] {
  const groups = new Map<string, LoaderTarget[]>();
  for (const target of stale) {
    const key = groupKey(target, graph);
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  const total = (group: LoaderTarget[]) => group.reduce((s, t) => s + estimate(t), 0);
  const sorted = [...groups.values()].sort((a, b) => total(b) - total(a) || a[0]!.target.localeCompare(b[0]!.target));
  const queues: LoaderTarget[][] = Array.from({length: workers}, () => []);
  const load = new Array<number>(workers).fill(0);
  for (const group of sorted) {
    const w = load.indexOf(Math.min(...load));
    queues[w]!.push(...group.sort((a, b) => estimate(b) - estimate(a)));
    load[w]! += total(group);
  }
  return queues.filter((q) => q.length > 0);
}

export interface RunOptions {
  workers?: number;
  log?: (line: string) => void;
}

export class LoaderError extends Error {}

/**
 * Runs the stale outputs of the plan. Every loader runs even after one failed, so that one build reports every
 * failure; the run then fails with each failed loader's name and error.
 */
export async function runLoaders(plan: Plan, options: RunOptions = {}): Promise<{ran: number; seconds: number}> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const stamps = readStamps();
  const started = performance.now();
  // Outputs about to be recomputed are removed first: if a loader fails, no stale output is left to serve.
  for (const {target} of plan.stale) rmSync(cachePath(target.target), {force: true});
  if (plan.stale.length === 0) return {ran: 0, seconds: 0};

  const graph = readGraph();
  const estimate = (t: LoaderTarget) => stamps[t.target]?.seconds ?? 1;
  const newStamp = new Map(plan.stale.map(({target, stamp}) => [target.target, stamp]));
  const workers = Math.max(1, options.workers ?? Number(process.env.OLIST_BUILD_WORKERS || 2));
  const queues = schedule(
    plan.stale.map((s) => s.target),
    workers,
    estimate,
    graph
  );
  const failures: string[] = [];
  await Promise.all(
    queues.map(async (queue) => {
      const child = fork(WORKER, [], {cwd: PROJECT_ROOT, execArgv: ["--import", "tsx"], stdio: "inherit"});
      try {
        for (const target of queue) {
          const result = await runInWorker(child, {
            id: 0,
            loader: target.loader,
            params: target.params,
            output: cachePath(target.target)
          });
          if (result.ok) {
            stamps[target.target] = {stamp: newStamp.get(target.target)!, seconds: result.seconds};
            log(`loader ${target.target}: ${formatBytes(result.bytes)} in ${result.seconds} s`);
          } else {
            delete stamps[target.target];
            failures.push(
              `loader ${target.loader} (${target.target}) failed after ${result.seconds} s:\n${result.error}`
            );
          }
        }
      } finally {
        child.kill();
      }
    })
  );
  writeStamps(stamps);
  if (failures.length) throw new LoaderError(failures.join("\n\n"));
  return {ran: plan.stale.length, seconds: Number(((performance.now() - started) / 1000).toFixed(1))};
}

let nextId = 0;

function runInWorker(child: ChildProcess, job: WorkerJob): Promise<WorkerResult> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (result: WorkerResult) => {
      if (result.id !== id) return;
      cleanup();
      resolve(result);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new LoaderError(`loader ${job.loader}: its worker process exited (code ${code}) while running it`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
    child.send({...job, id});
  });
}

const formatBytes = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`;

/** Forgets the stamps of some outputs (the dev watcher, after Framework re-ran their loaders itself). */
export function forgetStamps(targets: string[]): void {
  const stamps = readStamps();
  for (const target of targets) delete stamps[target];
  writeStamps(stamps);
}
