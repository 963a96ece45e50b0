import { describe, expect, it } from "vitest";
import { trainGbdt } from "../../lib/ml/gbdt.js";
import { trainLogistic } from "../../lib/ml/logistic.js";
import { rocAuc } from "../../lib/ml/metrics.js";
import { predictMarginBatch } from "../../lib/ml/score.js";
import { nonlinear, slice, xor } from "./synthetic.js";

const data = nonlinear(6000, 10, 21);
const train = slice(data, 0, 5000);
const test = slice(data, 5000, 6000);

describe("gbdt", () => {
  it("reaches a good holdout AUC on a nonlinear problem (close to the oracle)", () => {
    const { model, trainMargins } = trainGbdt({ table: train.table, labels: train.labels }, { nRounds: 150, learningRate: 0.1, maxDepth: 4, seed: 1 });
    const auc = rocAuc(test.labels, predictMarginBatch(model, test.table));
    const oracle = rocAuc(test.labels, test.logit);
    expect(oracle).toBeGreaterThan(0.85);
    expect(auc).toBeGreaterThan(0.8);
    expect(auc).toBeGreaterThan(oracle - 0.06);
    // training-time margins (binned routing) equal the scorer's margins on the training rows, bit for bit
    expect(Array.from(predictMarginBatch(model, train.table))).toEqual(Array.from(trainMargins));
    // base score is the log-odds of the mean label
    const mean = train.labels.reduce((a, b) => a + b, 0) / train.labels.length;
    expect(model.baseScore).toBeCloseTo(Math.log(mean / (1 - mean)), 12);
  });

  it("beats logistic regression by far on an XOR signal", () => {
    const d = xor(4000, 5, 3);
    const tr = slice(d, 0, 3000);
    const te = slice(d, 3000, 4000);
    const g = trainGbdt({ table: tr.table, labels: tr.labels }, { nRounds: 60, maxDepth: 3, seed: 1 }).model;
    const l = trainLogistic({ table: tr.table, labels: tr.labels }).model;
    const aucG = rocAuc(te.labels, predictMarginBatch(g, te.table));
    const aucL = rocAuc(te.labels, predictMarginBatch(l, te.table));
    expect(aucG).toBeGreaterThan(0.85);
    expect(aucL).toBeLessThan(0.6);
  });

  it("early stopping keeps the best validation iteration", () => {
    const valid = slice(data, 5000, 6000);
    const res = trainGbdt(
      { table: slice(data, 0, 2000).table, labels: slice(data, 0, 2000).labels },
      { nRounds: 300, learningRate: 0.5, maxDepth: 6, minChildWeight: 0.1, earlyStoppingRounds: 10, seed: 4 },
      { validation: { table: valid.table, labels: valid.labels } },
    );
    const v = res.history.valid;
    const best = v.indexOf(Math.min(...v));
    expect(v.length).toBeLessThan(300); // it did stop
    expect(v.length).toBe(best + 1 + 10);
    expect(res.bestIteration).toBe(best);
    expect(res.model.trees!.length).toBe(best + 1);
    expect(res.model.metrics!.validLogLoss).toBe(v[best]);
    // the truncated model's validation log loss is the recorded best
    const m = predictMarginBatch(res.model, valid.table);
    let ll = 0;
    for (let i = 0; i < m.length; i++) ll += Math.log1p(Math.exp(valid.labels[i] ? -m[i]! : m[i]!));
    expect(ll / m.length).toBeCloseTo(v[best]!, 10);
  });

  it("validationFraction holds out rows for early stopping", () => {
    const res = trainGbdt({ table: train.table, labels: train.labels }, { nRounds: 200, learningRate: 0.5, validationFraction: 0.2, earlyStoppingRounds: 5, seed: 2 });
    expect(res.history.valid.length).toBeLessThan(200);
    expect(res.trainMargins.length).toBe(4000);
  });

  it("is deterministic for a seed and changes with the seed when subsampling", () => {
    const params = { nRounds: 20, maxDepth: 4, subsample: 0.7, colsampleByTree: 0.8, colsampleByNode: 0.7 };
    const run = (seed: number) => JSON.stringify(trainGbdt({ table: train.table, labels: train.labels }, { ...params, seed }).model);
    const a = run(7);
    expect(run(7)).toBe(a);
    expect(run(8)).not.toBe(a);
  });

  it("class weights and sample weights act like replicated rows", () => {
    // features rounded to one decimal (< 255 distinct values) so that every row set gets the same bin edges
    const small = slice(data, 0, 1500);
    const table = { nRows: 1500, columns: small.table.columns.map((c) => Float64Array.from(c as Float64Array, (x) => Math.round(x * 10) / 10)) };
    // weight 2 on every positive = class weight {positive: 2} = positives duplicated
    const w = Float64Array.from(small.labels, (y) => (y ? 2 : 1));
    const a = trainGbdt({ table, labels: small.labels, weights: w }, { nRounds: 5, maxDepth: 3, seed: 1 }).model;
    const b = trainGbdt({ table, labels: small.labels }, { nRounds: 5, maxDepth: 3, seed: 1, classWeights: { positive: 2, negative: 1 } }).model;
    expect(JSON.stringify(a.trees)).toBe(JSON.stringify(b.trees));
    const pos = Array.from({ length: 1500 }, (_, i) => i).filter((i) => small.labels[i]);
    const idx = [...Array.from({ length: 1500 }, (_, i) => i), ...pos];
    const dup = { nRows: idx.length, columns: table.columns.map((c) => Float64Array.from(idx, (i) => c[i]!)) };
    const c = trainGbdt({ table: dup, labels: Float64Array.from(idx, (i) => small.labels[i]!) }, { nRounds: 5, maxDepth: 3, seed: 1 }).model;
    expect(c.baseScore).toBeCloseTo(a.baseScore, 12);
    // exact ties between features that induce the same row partition may resolve differently (float summation
    // order differs), so compare what the trees do on the training rows: covers, leaf values and margins
        const pa = predictMarginBatch(a, table);
    const pc = predictMarginBatch(c, table);
    // (leaf values are rounded to 6 significant digits in the model, hence the tolerance)
    for (let i = 0; i < pa.length; i++) expect(Math.abs(pc[i]! - pa[i]!)).toBeLessThan(1e-4);
    const balanced = trainGbdt({ table: small.table, labels: small.labels }, { nRounds: 1, classWeights: "balanced" }).model;
    expect(balanced.baseScore).toBeCloseTo(0, 12);
  });
});
