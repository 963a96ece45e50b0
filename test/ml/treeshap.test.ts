import {describe, expect, it} from "vitest";
import {trainForest} from "../../lib/ml/forest.js";
import {trainGbdt} from "../../lib/ml/gbdt.js";
import {MODEL_FORMAT, type ChurnModel, type ModelTree} from "../../lib/ml/model.js";
import {predictMargin} from "../../lib/ml/score.js";
import {explainBatch, explainRow, globalImportance} from "../../lib/ml/treeshap.js";
import {nonlinear, slice} from "./synthetic.js";

function rowOf(cols: ArrayLike<number>[], i: number): number[] {
  return cols.map((c) => c[i]!);
}

/** Path-dependent conditional expectation of one tree given the features in S (bitmask) fixed to x. */
function condExp(t: ModelTree, x: number[], S: number, node = 0): number {
  if (t.left[node]! < 0) return t.value[node]!;
  const f = t.feature[node]!;
  const l = t.left[node]!;
  const r = t.right[node]!;
  if (S & (1 << f)) {
    const v = x[f]!;
    const left = Number.isNaN(v) ? t.defaultLeft[node] === 1 : v <= t.threshold[node]!;
    return condExp(t, x, S, left ? l : r);
  }
  const c = t.cover[node]!;
  return (t.cover[l]! / c) * condExp(t, x, S, l) + (t.cover[r]! / c) * condExp(t, x, S, r);
}

/** Brute-force Shapley values over all 2^p coalitions. */
function bruteForce(model: ChurnModel, x: number[]): Float64Array {
  const p = model.featureNames.length;
  const trees = model.trees!;
  const scale = model.kind === "forest" ? 1 / trees.length : 1;
  const v = (S: number) => trees.reduce((a, t) => a + scale * condExp(t, x, S), 0);
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    for (let S = 0; S < 1 << p; S++) {
      if (S & (1 << i)) continue;
      let size = 0;
      for (let j = 0; j < p; j++) if (S & (1 << j)) size++;
      const weight = (fact(size) * fact(p - size - 1)) / fact(p);
      phi[i] += weight * (v(S | (1 << i)) - v(S));
    }
  }
  return phi;
}

const data = nonlinear(3000, 6, 8, 0.1);
const train = slice(data, 0, 2500);
const test = slice(data, 2500, 3000);
const gbdt = trainGbdt(
  {table: train.table, labels: train.labels},
  {nRounds: 30, maxDepth: 5, seed: 1, subsample: 0.8}
).model;
const forest = trainForest({table: train.table, labels: train.labels}, {nTrees: 15, maxDepth: 7, seed: 1}).model;

describe("TreeSHAP", () => {
  it("local accuracy: base value + Σ SHAP = model margin (gbdt: log-odds, forest: probability)", () => {
    for (const model of [gbdt, forest]) {
      const batch = explainBatch(model, test.table);
      for (let i = 0; i < test.table.nRows; i++) {
        const x = rowOf(test.table.columns, i);
        const e = explainRow(model, x);
        const sum = e.values.reduce((a, b) => a + b, e.baseValue);
        expect(Math.abs(sum - predictMargin(model, x))).toBeLessThan(1e-9);
        expect(Array.from(batch.values.subarray(i * 6, i * 6 + 6))).toEqual(Array.from(e.values));
      }
    }
    // the forest's base value is a probability (mean cover-weighted leaf value)
    expect(explainRow(forest, rowOf(test.table.columns, 0)).baseValue).toBeGreaterThan(0);
    expect(explainRow(forest, rowOf(test.table.columns, 0)).baseValue).toBeLessThan(1);
  });

  it("equals brute-force Shapley values of the path-dependent expectation (6 features, incl. missing values)", () => {
    let checked = 0;
    for (const model of [gbdt, forest]) {
      for (let i = 0; i < 25; i++) {
        const x = rowOf(test.table.columns, i);
        if (Number.isNaN(x[1]!)) checked++;
        const e = explainRow(model, x);
        const b = bruteForce(model, x);
        for (let j = 0; j < 6; j++) expect(Math.abs(e.values[j]! - b[j]!)).toBeLessThan(1e-9);
      }
    }
    expect(checked).toBeGreaterThan(0); // some rows had a missing value
  });

  it("symmetry and dummy on a constructed tree", () => {
    // f = 1 if x0 > 0 and x1 > 0 else 0, with balanced covers; feature 2 is never used.
    const tree: ModelTree = {
      feature: [0, -1, 1, -1, -1],
      threshold: [0, 0, 0, 0, 0],
      left: [1, -1, 3, -1, -1],
      right: [2, -1, 4, -1, -1],
      defaultLeft: [0, 0, 0, 0, 0],
      value: [0, 0, 0, 0, 1],
      cover: [100, 50, 50, 25, 25]
    };
    const model: ChurnModel = {
      format: MODEL_FORMAT,
      version: 1,
      kind: "gbdt",
      featureNames: ["a", "b", "c"],
      preprocessing: {missing: "default-direction"},
      baseScore: 0,
      link: "logit",
      trees: [tree],
      params: {}
    };
    const e = explainRow(model, [1, 1, 5]);
    expect(e.baseValue).toBe(0.25);
    expect(e.values[0]).toBeCloseTo(0.375, 15);
    expect(e.values[1]).toBeCloseTo(0.375, 15);
    expect(e.values[2]).toBe(0);
    // x = (1, −1): v(∅) = 0.25, v({0}) = 0.5, v({1}) = 0, v({0,1}) = 0 →
    // φ0 = ½[(0.5 − 0.25) + (0 − 0)] = 0.125, φ1 = ½[(0 − 0.25) + (0 − 0.5)] = −0.375
    const e2 = explainRow(model, [1, -1, 5]);
    expect(e2.values[0]).toBeCloseTo(0.125, 15);
    expect(e2.values[1]).toBeCloseTo(-0.375, 15);
    expect(e2.values[2]).toBe(0);
    expect(e2.values.reduce((a, b) => a + b, e2.baseValue)).toBeCloseTo(0, 15);
    expect(Array.from(bruteForce(model, [1, -1, 5])).map((v) => v.toFixed(12))).toEqual(
      Array.from(e2.values).map((v) => v.toFixed(12))
    );
  });

  it("global importance ranks signal features above noise", () => {
    const d = nonlinear(2000, 9, 2, 0);
    const m = trainGbdt({table: d.table, labels: d.labels}, {nRounds: 30, maxDepth: 4, seed: 1}).model;
    const imp = globalImportance(m, slice(d, 0, 300).table);
    const noise = Math.max(imp[6]!, imp[7]!, imp[8]!);
    for (const f of [0, 3, 4, 5]) expect(imp[f]!).toBeGreaterThan(noise);
  });
});
