// Bundled by esbuild and run in Chromium for `npm run bench`: what the scoring page does for one customer —
// encode the feature row with the model's encoder, score it, explain it with TreeSHAP — timed per customer.
import {encodeRow, type ChurnEncoder, type FeatureRow} from "../../lib/churn/encode.js";
import type {ChurnModel} from "../../lib/ml/model.js";
import {predictProbability} from "../../lib/ml/score.js";
import {explainRow, makeExplainer} from "../../lib/ml/treeshap.js";

export interface BrowserTiming {
  /** Milliseconds for the first customer, including the explainer's set-up (cold, before the JIT warms up). */
  firstMs: number;
  /** Per customer: milliseconds per score + explanation (the mean of `repeats` runs, as the timer is coarse). */
  perCustomerMs: number[];
}

function timeScoreAndExplain(
  model: ChurnModel & {preprocessing: {encoder: ChurnEncoder}},
  rows: FeatureRow[],
  repeats: number
): BrowserTiming {
  let sink = 0;
  const once = (explainer: ReturnType<typeof makeExplainer>, row: FeatureRow) => {
    const x = encodeRow(model.preprocessing.encoder, row);
    sink += predictProbability(model, x) + explainRow(explainer, x).values[0]!;
  };
  let t = performance.now();
  const explainer = makeExplainer(model);
  once(explainer, rows[0]!);
  const firstMs = performance.now() - t;
  const perCustomerMs = rows.map((row) => {
    t = performance.now();
    for (let k = 0; k < repeats; k++) once(explainer, row);
    return (performance.now() - t) / repeats;
  });
  if (sink !== sink) throw new Error("a score or an explanation was NaN");
  return {firstMs, perCustomerMs};
}

(globalThis as unknown as {timeScoreAndExplain: typeof timeScoreAndExplain}).timeScoreAndExplain = timeScoreAndExplain;
