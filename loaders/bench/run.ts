// npm run bench: figures only, no pass/fail (this machine is shared and noisy). BENCH_PARTS picks the parts,
// default "build,churn":
//   build — cold build time and peak memory at synthetic scale 1 and 10, warm rebuild time (loaders/bench/build.ts);
//   churn — our learners against XGBoost, scikit-learn and ml-random-forest on the churn snapshots, model size,
//           and the time to score and explain one customer in Chromium (loaders/bench/churn.ts).
import {benchBuild} from "./build.js";
import {benchChurn} from "./churn.js";

const parts = (process.env.BENCH_PARTS ?? "build,churn").split(",").map((p) => p.trim());
for (const part of parts)
  if (part !== "build" && part !== "churn") throw new Error(`BENCH_PARTS: unknown part "${part}" (build, churn)`);
if (parts.includes("build")) benchBuild();
if (parts.includes("churn")) await benchChurn();
