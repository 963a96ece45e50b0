import {describe, expect, it} from "vitest";
import {applyBins, fitBins} from "../../lib/ml/bins.js";
import {takeRows, trainGbdt, trainGbdtBinned} from "../../lib/ml/gbdt.js";
import {trainLogistic} from "../../lib/ml/logistic.js";
import {rocAuc} from "../../lib/ml/metrics.js";
import {predictMarginBatch} from "../../lib/ml/score.js";
import {nonlinear, slice, xor} from "./synthetic.js";

const data = nonlinear(6000, 10, 21);
const train = slice(data, 0, 5000);
const test = slice(data, 5000, 6000);

describe("gbdt", () => {
  it("reaches a good holdout AUC on a nonlinear problem (close to the oracle)", () => {
    const {model, trainMargins} = trainGbdt(
      {table: train.table, labels: train.labels},
      {nRounds: 150, learningRate: 0.1, maxDepth: 4, seed: 1}
    );
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
    const g = trainGbdt({table: tr.table, labels: tr.labels}, {nRounds: 60, maxDepth: 3, seed: 1}).model;
    const l = trainLogistic({table: tr.table, labels: tr.labels}).model;
    const aucG = rocAuc(te.labels, predictMarginBatch(g, te.table));
    const aucL = rocAuc(te.labels, predictMarginBatch(l, te.table));
    expect(aucG).toBeGreaterThan(0.85);
    expect(aucL).toBeLessThan(0.6);
  });

  it("early stopping keeps the best validation iteration", () => {
    const valid = slice(data, 5000, 6000);
    const res = trainGbdt(
      {table: slice(data, 0, 2000).table, labels: slice(data, 0, 2000).labels},
      {nRounds: 300, learningRate: 0.5, maxDepth: 6, minChildWeight: 0.1, earlyStoppingRounds: 10, seed: 4},
      {validation: {table: valid.table, labels: valid.labels}}
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
    const res = trainGbdt(
      {table: train.table, labels: train.labels},
      {nRounds: 200, learningRate: 0.5, validationFraction: 0.2, earlyStoppingRounds: 5, seed: 2}
    );
    expect(res.history.valid.length).toBeLessThan(200);
    expect(res.trainMargins.length).toBe(4000);
  });

  it("is deterministic for a seed and changes with the seed when subsampling", () => {
    const params = {nRounds: 20, maxDepth: 4, subsample: 0.7, colsampleByTree: 0.8, colsampleByNode: 0.7};
    const run = (seed: number) =>
      JSON.stringify(trainGbdt({table: train.table, labels: train.labels}, {...params, seed}).model);
    const a = run(7);
    expect(run(7)).toBe(a);
    expect(run(8)).not.toBe(a);
  });

  it("class weights and sample weights act like replicated rows", () => {
    // features rounded to one decimal (< 255 distinct values) so that every row set gets the same bin edges
    const small = slice(data, 0, 1500);
    const table = {
      nRows: 1500,
      columns: small.table.columns.map((c) => Float64Array.from(c as Float64Array, (x) => Math.round(x * 10) / 10))
    };
    // weight 2 on every positive = class weight {positive: 2} = positives duplicated
    const w = Float64Array.from(small.labels, (y) => (y ? 2 : 1));
    const a = trainGbdt({table, labels: small.labels, weights: w}, {nRounds: 5, maxDepth: 3, seed: 1}).model;
    const b = trainGbdt(
      {table, labels: small.labels},
      {nRounds: 5, maxDepth: 3, seed: 1, classWeights: {positive: 2, negative: 1}}
    ).model;
    expect(JSON.stringify(a.trees)).toBe(JSON.stringify(b.trees));
    const pos = Array.from({length: 1500}, (_, i) => i).filter((i) => small.labels[i]);
    const idx = [...Array.from({length: 1500}, (_, i) => i), ...pos];
    const dup = {nRows: idx.length, columns: table.columns.map((c) => Float64Array.from(idx, (i) => c[i]!))};
    const c = trainGbdt(
      {table: dup, labels: Float64Array.from(idx, (i) => small.labels[i]!)},
      {nRounds: 5, maxDepth: 3, seed: 1}
    ).model;
    expect(c.baseScore).toBeCloseTo(a.baseScore, 12);
    // exact ties between features that induce the same row partition may resolve differently (float summation
    // order differs), so compare what the trees do on the training rows: covers, leaf values and margins
    const pa = predictMarginBatch(a, table);
    const pc = predictMarginBatch(c, table);
    // (leaf values are rounded to 6 significant digits in the model, hence the tolerance)
    for (let i = 0; i < pa.length; i++) expect(Math.abs(pc[i]! - pa[i]!)).toBeLessThan(1e-4);
    const balanced = trainGbdt(
      {table: small.table, labels: small.labels},
      {nRounds: 1, classWeights: "balanced"}
    ).model;
    expect(balanced.baseScore).toBeCloseTo(0, 12);
  });
});

describe("gbdt early stopping on AUC, shared bins and L2 on leaves", () => {
  it("early stopping on AUC keeps the round with the best validation AUC, where the log loss would go on", () => {
    // 2×2 cells of 100 rows (x0, x1) with their number of positives. x0 is a strong signal in both sets; x1 raises
    // the positive rate by 10 points in training but lowers it by 10 in validation (a spurious feature).
    // Stumps: the first rounds split on x0 only (one ranking, so equal validation AUCs), until the x0 margins are
    // nearly fitted; then x1 enters and reverses the validation order within each x0 group: the AUC drops. The
    // log loss keeps improving over the first x0 rounds (a learning rate of 0.3 underfits at round 0).
    const cells = (positives: [number, number, number, number]) => {
      const x0: number[] = [];
      const x1: number[] = [];
      const y: number[] = [];
      [
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0]
      ].forEach(([a, b], c) => {
        for (let i = 0; i < 100; i++) {
          x0.push(a!);
          x1.push(b!);
          y.push(i < positives[c]! ? 1 : 0);
        }
      });
      return {
        table: {nRows: 400, columns: [Float64Array.from(x0), Float64Array.from(x1)]},
        labels: Float64Array.from(y)
      };
    };
    const fit = cells([95, 85, 15, 5]);
    const valid = cells([85, 95, 5, 15]);
    const patience = 10;
    const run = (earlyStoppingMetric: "auc" | "logloss") =>
      trainGbdt(
        fit,
        {
          nRounds: 100,
          learningRate: 0.3,
          maxDepth: 1,
          minChildWeight: 0,
          earlyStoppingRounds: patience,
          earlyStoppingMetric
        },
        {validation: valid}
      );
    const res = run("auc");
    const aucs = res.history.validAuc;
    const best = aucs.indexOf(Math.max(...aucs)); // first round reaching the maximum
    expect(best).toBe(0);
    expect(res.model.trees![0]!.feature[0]).toBe(0);
    expect(aucs.length).toBe(best + 1 + patience); // it stopped `patience` rounds after the best
    expect(aucs.at(-1)!).toBeLessThan(aucs[0]!); // x1 entered
    expect(res.model.trees!.length).toBe(1);
    expect(res.model.metrics!.validAuc).toBe(aucs[0]);
    // each recorded AUC is the AUC of the model truncated at that round, scored independently
    aucs.forEach((auc, k) => {
      const truncated = trainGbdt(fit, {nRounds: k + 1, learningRate: 0.3, maxDepth: 1, minChildWeight: 0}).model;
      expect(rocAuc(valid.labels, predictMarginBatch(truncated, valid.table))).toBe(auc);
    });
    expect(Array.from(res.validMargins)).toEqual(Array.from(predictMarginBatch(res.model, valid.table)));
    // watching the log loss keeps more rounds
    const byLoss = run("logloss");
    const losses = byLoss.history.valid;
    const lossBest = losses.indexOf(Math.min(...losses));
    expect(lossBest).toBeGreaterThan(0);
    expect(byLoss.model.trees!.length).toBe(lossBest + 1);
    expect(byLoss.history.validAuc).toEqual([]);
    // no AUC without both classes among the validation rows
    const oneClass = {table: valid.table, labels: new Float64Array(400).fill(1)};
    expect(() =>
      trainGbdt(fit, {nRounds: 5, earlyStoppingRounds: 2, earlyStoppingMetric: "auc"}, {validation: oneClass})
    ).toThrow(/one class only/);
  });

  it("fits on row subsets of shared bins equal fits on those rows binned alone with the same edges", () => {
    const all = slice(data, 0, 3000);
    const mapper = fitBins(all.table, {seed: 1});
    const shared = applyBins(all.table, mapper);
    const rows = Uint32Array.from({length: 3000}, (_, i) => i).filter((i) => i % 3 !== 1);
    const held = Uint32Array.from({length: 3000}, (_, i) => i).filter((i) => i % 3 === 1);
    const params = {
      nRounds: 25,
      maxDepth: 3,
      subsample: 0.8,
      colsampleByTree: 0.7,
      earlyStoppingRounds: 5,
      earlyStoppingMetric: "auc" as const,
      seed: 9
    };
    const a = trainGbdtBinned({data: shared, labels: all.labels, rows}, params, {
      validation: {data: shared, labels: all.labels, rows: held}
    });
    const own = (r: Uint32Array) => ({
      data: applyBins(takeRows(all.table, r), mapper),
      labels: Float64Array.from(r, (i) => all.labels[i]!)
    });
    const b = trainGbdtBinned(own(rows), params, {validation: own(held)});
    expect(JSON.stringify(a.model)).toBe(JSON.stringify(b.model));
    expect(Array.from(a.validMargins)).toEqual(Array.from(b.validMargins));
  });

  it("leaf values are −learning rate · G/(H + λ) (hand-computed first round)", () => {
    // x = 0 for 6 rows (2 positives), x = 1 for 4 rows (3 positives): mean 0.5, so the base score is 0, p = ½,
    // g = p − y = ±½ and h = p(1 − p) = ¼ per row. Left (x = 0): G = 4·½ − 2·½ = 1, H = 6·¼ = 1.5;
    // right (x = 1): G = 1·½ − 3·½ = −1, H = 4·¼ = 1.
    const table = {nRows: 10, columns: [Float64Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1])]};
    const labels = Float64Array.from([1, 1, 0, 0, 0, 0, 1, 1, 1, 0]);
    for (const lambda of [0, 1, 10]) {
      const {model} = trainGbdt(
        {table, labels},
        {nRounds: 1, maxDepth: 1, learningRate: 0.3, lambda, minChildWeight: 0}
      );
      const t = model.trees![0]!;
      expect(model.baseScore).toBe(0);
      expect(t.threshold[0]).toBe(0.5);
      expect(t.value[t.left[0]!]).toBeCloseTo((-0.3 * 1) / (1.5 + lambda), 6);
      expect(t.value[t.right[0]!]).toBeCloseTo((-0.3 * -1) / (1 + lambda), 6);
    }
  });
});
