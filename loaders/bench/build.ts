// The build part of `npm run bench`: cold build time and peak memory at synthetic scales (data generation and
// ingest, then the full site build), and the warm rebuild time after touching one page. BENCH_SCALES=1,10
// (default) picks the scales.
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, utimesSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {PROJECT_ROOT} from "../config.js";

interface Run {
  seconds: number;
  peakMB: number;
  stderr: string;
}

/** Runs a command under GNU time: wall seconds and the peak RSS of the largest process in the tree. */
function timed(command: string[], env: NodeJS.ProcessEnv): Run {
  const run = spawnSync("/usr/bin/time", ["-f", "BENCH %e %M", ...command], {
    cwd: PROJECT_ROOT,
    env,
    encoding: "utf8",
    maxBuffer: 1 << 28
  });
  const match = /BENCH ([\d.]+) (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !match) throw new Error(`${command.join(" ")} failed:\n${run.stderr.slice(-3000)}`);
  return {seconds: Number(match[1]), peakMB: Number(match[2]) / 1024, stderr: run.stderr};
}

const seconds = (stderr: string, pattern: RegExp) => Number(pattern.exec(stderr)?.[1] ?? NaN);

export function benchBuild(): void {
  const scales = (process.env.BENCH_SCALES ?? "1,10").split(",").map(Number);
  const rows: string[][] = [];
  for (const scale of scales) {
    const work = mkdtempSync(join(tmpdir(), `olist-bench-${scale}-`));
    const env = {
      ...process.env,
      SYNTH_SCALE: String(scale),
      OLIST_CACHE_DIR: join(work, "cache"),
      SITE_OUTPUT: join(work, "dist"),
      OLIST_DATA_DIR: "",
      ANALYSIS_DATE: ""
    };
    process.stderr.write(`bench: scale ${scale} …\n`);
    const ingest = timed(
      [
        "npx",
        "tsx",
        "-e",
        `import("./loaders/warehouse/warehouse.ts").then(async (m) => (await m.openWarehouse()).close())`
      ],
      env
    );
    const build = timed(["npm", "run", "build"], env);
    utimesSync(join(PROJECT_ROOT, "src", "index.md"), new Date(), new Date());
    rmSync(join(work, "dist"), {recursive: true, force: true});
    const warm = timed(["npm", "run", "build"], env);
    rows.push([
      String(scale),
      seconds(ingest.stderr, /synthetic: done in ([\d.]+) s/).toFixed(1),
      seconds(ingest.stderr, /warehouse: ready in ([\d.]+) s/).toFixed(1),
      ingest.peakMB.toFixed(0),
      build.seconds.toFixed(1),
      build.peakMB.toFixed(0),
      (ingest.seconds + build.seconds).toFixed(1),
      warm.seconds.toFixed(1)
    ]);
    rmSync(work, {recursive: true, force: true});
  }

  const header = [
    "scale",
    "generate s",
    "ingest s",
    "gen+ingest peak MB",
    "site build s",
    "build peak MB",
    "cold total s",
    "warm rebuild s"
  ];
  console.log(header.join("\t"));
  for (const row of rows) console.log(row.join("\t"));
  if (rows.length === 2)
    console.log(
      `cold total ratio scale ${scales[1]} / scale ${scales[0]}: ${(Number(rows[1]![6]) / Number(rows[0]![6])).toFixed(2)}`
    );
}
