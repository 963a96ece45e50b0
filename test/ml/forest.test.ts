import {describe, expect, it} from "vitest";
import {featuresPerSplit, trainForest} from "../../lib/ml/forest.js";
import {rocAuc} from "../../lib/ml/metrics.js";
import {leafIndex, predictMarginBatch, predictProbability} from "../../lib/ml/score.js";
import {nonlinear, slice} from "./synthetic.js";

describe("random forest", () => {
  it("predicts averaged leaf probabilities, not vote fractions", () => {
    // x = 0,0,0 | 1,1,1,1 with labels 1,0,0 | 1,1,1,0: one split, leaves 1/3 and 3/4.
    const table = {nRows: 7, columns: [Float64Array.from([0, 0, 0, 1, 1, 1, 1])]};
    const labels = Float64Array.from([1, 0, 0, 1, 1, 1, 0]);
    const {model} = trainForest(
      {table, labels},
      {nTrees: 3, bootstrap: false, maxFeatures: "all", minSamplesLeaf: 1, maxDepth: 1}
    );
    expect(model.link).toBe("identity-probability");
    expect(predictProbability(model, [0])).toBeCloseTo(1 / 3, 6); // a vote would give 0
    expect(predictProbability(model, [1])).toBeCloseTo(3 / 4, 6); // a vote would give 1
    expect(model.trees![0]!.cover).toEqual([7, 3, 4]); // cover = weighted sample count
    // sample weights enter the leaf fractions: weight 3 on the first row → (3)/(3+1+1)
    const w = Float64Array.from([3, 1, 1, 1, 1, 1, 1]);
    const wm = trainForest(
      {table, labels, weights: w},
      {nTrees: 1, bootstrap: false, maxFeatures: "all", minSamplesLeaf: 1, maxDepth: 1}
    ).model;
    expect(predictProbability(wm, [0])).toBeCloseTo(3 / 5, 6);
  });

  it("with bootstrap, the prediction is the mean of the trees' leaf values", () => {
    const d = nonlinear(1000, 8, 4);
    const {model} = trainForest({table: d.table, labels: d.labels}, {nTrees: 7, seed: 3});
    const x = d.table.columns.map((c) => c[5]!);
    const mean = model.trees!.reduce((a, t) => a + t.value[leafIndex(t, x)]!, 0) / 7;
    expect(predictProbability(model, x)).toBeCloseTo(mean, 15);
    // leaf values are proper fractions, and at least some are strictly between 0 and 1
    const leaves = model.trees!.flatMap((t) => t.value.filter((_, i) => t.left[i]! < 0));
    expect(leaves.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(leaves.some((v) => v > 0 && v < 1)).toBe(true);
    expect(featuresPerSplit(40, "sqrt")).toBe(6);
    expect(featuresPerSplit(40, 0.25)).toBe(10);
  });

  it("reaches a good holdout AUC on the synthetic problem and is deterministic", () => {
    const d = nonlinear(6000, 10, 21);
    const tr = slice(d, 0, 5000);
    const te = slice(d, 5000, 6000);
    const run = (seed: number) =>
      trainForest({table: tr.table, labels: tr.labels}, {nTrees: 60, maxDepth: 12, seed}).model;
    const m = run(1);
    const auc = rocAuc(te.labels, predictMarginBatch(m, te.table));
    expect(auc).toBeGreaterThan(0.78);
    expect(JSON.stringify(run(1).trees!.slice(0, 3))).toBe(JSON.stringify(m.trees!.slice(0, 3)));
  });
});
