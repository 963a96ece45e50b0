// npm run bench: figures beside their goals, no pass/fail (this machine is shared and noisy). BENCH_PARTS picks the
// parts, default "build,pages,ingest,churn":
//   build — cold build wall time, peak RSS and per-step breakdown at each of BENCH_SCALES (default 1,10; 100 may
//           run alone: BENCH_SCALES=100), and at the first scale the warm rebuild after a page edit and the
//           rebuild after a lib/ edit (loaders/bench/build.ts), and how soon `npm run dev` serves an edited page
//           (loaders/bench/preview.ts);
//   pages — every page's weight in Chromium on the first scale's site, and the heaviest pages at the next scales
//           (loaders/bench/pages.ts; needs the build part);
//   ingest — CSVs → feature table, our DuckDB pipeline against a pandas script of the same features, at each of
//           BENCH_SCALES (loaders/bench/ingest.ts);
//   churn — our learners against XGBoost, scikit-learn and ml-random-forest on the churn snapshots, model size,
//           and the time to score and explain one customer in Chromium (loaders/bench/churn.ts).
import {rmSync} from "node:fs";
import {benchBuild} from "./build.js";
import {benchChurn} from "./churn.js";
import {benchIngest} from "./ingest.js";
import {builtRoutes, pageWeights} from "./pages.js";
import {benchPreviewEdit} from "./preview.js";

const PARTS = ["build", "pages", "ingest", "churn"];
const parts = (process.env.BENCH_PARTS ?? PARTS.join(",")).split(",").map((p) => p.trim());
for (const part of parts)
  if (!PARTS.includes(part)) throw new Error(`BENCH_PARTS: unknown part "${part}" (${PARTS.join(", ")})`);
if (parts.includes("pages") && !parts.includes("build")) throw new Error("BENCH_PARTS: pages needs build");

const scales = (process.env.BENCH_SCALES ?? "1,10").split(",").map(Number);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

if (parts.includes("build")) {
  const sites = benchBuild(scales);
  try {
    const preview = await benchPreviewEdit(sites[0]!.env);
    console.log(
      `npm run dev (Framework preview) at scale ${sites[0]!.scale}: an edit of src/index.md is served ${preview.edit_visible_seconds.toFixed(2)} s after saving (first render of the page ${preview.first_render_seconds.toFixed(2)} s)`
    );
    if (parts.includes("pages")) {
      for (const [index, site] of sites.entries()) {
        const goal = site.scale >= 100 ? 1.5 * 1024 * 1024 : 1024 * 1024;
        const weights = await pageWeights(site.output, builtRoutes(site.output, index > 0 || site.scale > 1));
        const heavy = index === 0 ? weights : weights.slice(0, 8);
        console.log(`\n## Page weight, synthetic scale ${site.scale} (goal < ${kb(goal)} over the wire)`);
        console.log("page\trequests\traw\tgzip\tto network idle s\tgoal");
        for (const w of heavy)
          console.log(
            `${w.page}\t${w.requests}\t${kb(w.raw_bytes)}\t${kb(w.gzip_bytes)}\t${w.seconds_to_idle}\t${w.gzip_bytes < goal ? "met" : "MISSED"}`
          );
        const missed = weights.filter((w) => w.gzip_bytes >= goal).length;
        console.log(`${weights.length} pages, ${missed} over the goal; heaviest ${weights[0]?.page}`);
      }
    }
  } finally {
    for (const site of sites) rmSync(site.work, {recursive: true, force: true});
  }
}
if (parts.includes("ingest")) benchIngest(scales);
if (parts.includes("churn")) await benchChurn();
