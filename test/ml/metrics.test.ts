import {describe, expect, it} from "vitest";
import {
  averagePrecision,
  brierScore,
  calibrationBins,
  confusionAt,
  liftAt,
  logLoss,
  rocAuc
} from "../../lib/ml/metrics.js";
import {Rng} from "../../lib/random.js";

const y = [1, 0, 1, 0, 1, 0];
const s = [0.9, 0.9, 0.7, 0.3, 0.3, 0.1];
const w = [1, 2, 1, 1, 3, 1];

describe("metrics", () => {
  it("ROC-AUC counts ties as ½ (hand-computed, and sklearn)", () => {
    // positives 0.9, 0.7, 0.3 vs negatives 0.9, 0.3, 0.1: (0.5+1+1) + (0+1+1) + (0+0.5+1) = 6 of 9
    expect(rocAuc(y, s)).toBeCloseTo(6 / 9, 15);
    // weighted by w_pos·w_neg: (1·(1+1+1) + 1·(0+1+1) + 3·(0+0.5+1)) / (5·4) = 9.5/20
    expect(rocAuc(y, s, w)).toBeCloseTo(0.475, 15);
    // /usr/bin/python3 -c "from sklearn.metrics import roc_auc_score as f; print(f([1,0,1,0,1,0],[0.9,0.9,0.7,0.3,0.3,0.1]), f([1,0,1,0,1,0],[0.9,0.9,0.7,0.3,0.3,0.1],sample_weight=[1,2,1,1,3,1]))"
    // → 0.6666666666666666 0.475
    expect(rocAuc([1, 1, 0], [0.1, 0.1, 0.1])).toBe(0.5);
    expect(rocAuc([1, 1], [0.3, 0.2])).toBeNaN();
  });

  it("ROC-AUC without weights (two sorted classes) equals the pairwise count and the unit-weight path", () => {
    const r = new Rng(3);
    const n = 400;
    const labels = Array.from({length: n}, () => (r.next() < 0.2 ? 1 : 0));
    // few distinct scores, so that many ties occur, within and across classes
    const scores = labels.map((l) => Math.round((r.next() + 0.3 * l) * 8) / 8);
    let pairs = 0;
    let wins = 0;
    for (let i = 0; i < n; i++) {
      if (!labels[i]) continue;
      for (let j = 0; j < n; j++) {
        if (labels[j]) continue;
        pairs++;
        wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
      }
    }
    expect(rocAuc(labels, scores)).toBe(wins / pairs);
    expect(rocAuc(labels, scores, new Array(n).fill(1))).toBe(wins / pairs);
  });

  it("average precision (hand-computed; sklearn average_precision_score agrees)", () => {
    // thresholds 0.9: P=1/2, R=1/3; 0.7: P=2/3, R=2/3; 0.3: P=3/5, R=1 → (1/2 + 2/3 + 3/5)/3
    expect(averagePrecision(y, s)).toBeCloseTo((0.5 + 2 / 3 + 0.6) / 3, 15);
    // /usr/bin/python3 -c "from sklearn.metrics import average_precision_score as f; print(f([1,0,1,0,1,0],[0.9,0.9,0.7,0.3,0.3,0.1]), f([1,0,1,0,1,0],[0.9,0.9,0.7,0.3,0.3,0.1],sample_weight=[1,2,1,1,3,1]))"
    // → 0.5888888888888889 0.5416666666666666
    expect(averagePrecision(y, s)).toBeCloseTo(0.5888888888888889, 15);
    expect(averagePrecision(y, s, w)).toBeCloseTo(0.5416666666666666, 15);
  });

  it("log loss and Brier score by hand", () => {
    expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
    expect(logLoss([1, 0], [0.8, 0.4], [3, 1])).toBeCloseTo(-(3 * Math.log(0.8) + Math.log(0.6)) / 4, 15);
    expect(brierScore([1, 0], [0.8, 0.4])).toBeCloseTo((0.04 + 0.16) / 2, 15);
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
  });

  it("calibration bins, lift/gains and the confusion matrix", () => {
    const bins = calibrationBins([1, 0, 1, 1], [0.05, 0.15, 0.95, 1], 10);
    expect(bins.map((b) => [b.lo, b.weight, b.observedRate])).toEqual([
      [0, 1, 1],
      [0.1, 1, 0],
      [0.9, 2, 1]
    ]);
    expect(bins[2]!.meanPredicted).toBeCloseTo(0.975, 15);
    const q = calibrationBins(y, s, 2, "quantile");
    expect(q.map((b) => b.weight)).toEqual([3, 3]);
    // top 50% by score: rows 0, 1, 2 (0.9, 0.9, 0.7) → 2 positives of 3; base rate 1/2
    const l = liftAt(y, s, 0.5);
    expect(l.precision).toBeCloseTo(2 / 3, 15);
    expect(l.lift).toBeCloseTo(4 / 3, 15);
    expect(l.gain).toBeCloseTo(2 / 3, 15);
    const c = confusionAt(y, s, 0.5);
    expect([c.tp, c.fp, c.tn, c.fn]).toEqual([2, 1, 2, 1]);
    expect(c.f1).toBeCloseTo(2 / 3, 15);
    expect(confusionAt(y, s, 0.5, w).fp).toBe(2);
  });
});
