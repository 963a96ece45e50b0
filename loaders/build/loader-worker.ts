// A worker of run-loaders.ts: runs loader modules in this one process, one after the other, and writes what each
// prints to its place in Framework's cache. A loader is a module whose top-level code prints its artifact to
// stdout (Framework runs it as `tsx loader.ts --param=value`); here the module is imported with process.argv set
// as Framework would set it and stdout captured, so the process start, tsx, DuckDB's native addon, jsdom and
// every module the loaders share are paid once per worker instead of once per output.
import {mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {pathToFileURL} from "node:url";
import {PROJECT_ROOT} from "../config.js";

export interface WorkerJob {
  id: number;
  loader: string;
  params: Record<string, string>;
  /** Absolute path of the output in Framework's cache. */
  output: string;
}

export type WorkerResult =
  {id: number; ok: true; bytes: number; seconds: number} | {id: number; ok: false; error: string; seconds: number};

let runs = 0;

/** Imports the loader with stdout captured; returns what it printed. */
async function runLoader(job: WorkerJob): Promise<Buffer> {
  const path = join(PROJECT_ROOT, job.loader);
  const chunks: Buffer[] = [];
  const write = process.stdout.write;
  const argv = process.argv;
  process.stdout.write = ((chunk: string | Uint8Array, encoding?: unknown, done?: unknown) => {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, encoding as BufferEncoding) : Buffer.from(chunk));
    const callback = typeof encoding === "function" ? encoding : done;
    if (typeof callback === "function") callback();
    return true;
  }) as typeof process.stdout.write;
  process.argv = [argv[0]!, path, ...Object.entries(job.params).map(([k, v]) => `--${k}=${v}`)];
  try {
    // A query string makes Node evaluate the module again (a loader runs once per import); the modules it
    // imports are shared between runs.
    await import(`${pathToFileURL(path).href}?run=${++runs}`);
  } finally {
    process.stdout.write = write;
    process.argv = argv;
  }
  return Buffer.concat(chunks);
}

async function handle(job: WorkerJob): Promise<WorkerResult> {
  const started = performance.now();
  const seconds = () => Number(((performance.now() - started) / 1000).toFixed(2));
  const tmp = `${job.output}.tmp-${process.pid}`;
  try {
    const output = await runLoader(job);
    mkdirSync(dirname(job.output), {recursive: true});
    writeFileSync(tmp, output);
    renameSync(tmp, job.output); // atomic: Framework never sees half an output
    return {id: job.id, ok: true, bytes: output.length, seconds: seconds()};
  } catch (error) {
    rmSync(tmp, {force: true});
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {id: job.id, ok: false, error: text, seconds: seconds()};
  }
}

process.on("message", async (job: WorkerJob) => {
  process.send!(await handle(job));
});
