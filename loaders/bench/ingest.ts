// The ingest part of `npm run bench`: from the nine CSVs to the customer feature table, our DuckDB pipeline
// (every ingest check, rejects, orphans and fingerprint included; loaders/bench/features-from-csv.ts) against a
// pandas script of 45 of the same features (loaders/bench/pandas_features.py, Debian's python3-pandas), both as
// whole processes on the same generated files, each run twice alternately; the faster run of each counts.
import {spawnSync} from "node:child_process";
import {mkdtempSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {PROJECT_ROOT} from "../config.js";

interface Run {
  seconds: number;
  peakMB: number;
  stdout: string;
}

function timed(command: string[], env: NodeJS.ProcessEnv): Run {
  const run = spawnSync("/usr/bin/time", ["-f", "BENCH %e %M", ...command], {cwd: PROJECT_ROOT, env, encoding: "utf8"});
  const match = /BENCH ([\d.]+) (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !match) throw new Error(`${command.join(" ")} failed:\n${run.stderr.slice(-3000)}`);
  return {seconds: Number(match[1]), peakMB: Number(match[2]) / 1024, stdout: run.stdout};
}

const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

export function benchIngest(scales: number[], print: (line: string) => void = console.log): void {
  print("\n## CSVs → customer feature table: DuckDB pipeline against pandas (goal: ≥ 3× faster)");
  print("scale\tpeople\tDuckDB s (ingest + features)\tDuckDB MB\tpandas s\tpandas MB\tpandas ÷ DuckDB");
  for (const scale of scales) {
    const work = mkdtempSync(join(tmpdir(), `olist-bench-ingest-${scale}-`));
    try {
      const base = {...process.env, OLIST_DATA_DIR: "", ANALYSIS_DATE: ""};
      process.stderr.write(`bench: generating scale ${scale} for the ingest comparison …\n`);
      timed([tsx, "loaders/dev/ingest.ts"], {...base, SYNTH_SCALE: String(scale), OLIST_CACHE_DIR: join(work, "gen")});
      const generated = join(work, "gen", "synthetic");
      const csvs = join(generated, readdirSync(generated)[0]!);
      const duck: Run[] = [];
      const pandas: Run[] = [];
      for (let round = 0; round < 2; round++) {
        const cache = join(work, `duckdb-${round}`);
        duck.push(
          timed([tsx, "loaders/bench/features-from-csv.ts"], {...base, OLIST_DATA_DIR: csvs, OLIST_CACHE_DIR: cache})
        );
        rmSync(cache, {recursive: true, force: true});
        pandas.push(
          timed(["/usr/bin/python3", "loaders/bench/pandas_features.py", csvs, join(work, "pandas.csv")], base)
        );
      }
      const best = (runs: Run[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const d = best(duck);
      const p = best(pandas);
      const split = JSON.parse(d.stdout) as {people: number; ingest_seconds: number; features_seconds: number};
      print(
        `${scale}\t${split.people}\t${d.seconds.toFixed(1)} (${split.ingest_seconds.toFixed(1)} + ${split.features_seconds.toFixed(1)})\t${d.peakMB.toFixed(0)}\t${p.seconds.toFixed(1)}\t${p.peakMB.toFixed(0)}\t${(p.seconds / d.seconds).toFixed(2)}×`
      );
    } finally {
      rmSync(work, {recursive: true, force: true});
    }
  }
}
