import {describe, expect, it} from "vitest";
import {trainLogistic} from "../../lib/ml/logistic.js";
import {predictMargin} from "../../lib/ml/score.js";
import {explainRow} from "../../lib/ml/treeshap.js";
import {Rng} from "../../lib/random.js";
import {nonlinear} from "./synthetic.js";

// Reference data: nonlinear(400, 6, 11, 0.1) (10% of x1 missing) with weights 0.5 + Rng(3).next(), written to
// /tmp/lr-data.csv as x0..x5,y,w by a tsx one-off, then (scikit-learn 1.2.1, Debian python3-sklearn):
// /usr/bin/python3 -c "
// import numpy as np; from sklearn.linear_model import LogisticRegression
// d = np.genfromtxt('/tmp/lr-data.csv', delimiter=',', skip_header=1); X, y, w = d[:, :6], d[:, 6], d[:, 7]
// mu = np.nanmean(X, axis=0); sd = np.nanstd(X, axis=0); Z = np.where(np.isnan(X), 0.0, (X - mu) / sd)
// for weighted in (False, True):
//     m = LogisticRegression(C=1/2.0, tol=1e-12, max_iter=100000).fit(Z, y, sample_weight=w if weighted else None)
//     print(repr(m.intercept_[0]), [repr(c) for c in m.coef_[0]])"
const SKLEARN = {
  unweighted: {
    intercept: -0.05136698804183964,
    coef: [
      0.14531455175348537, -0.004504749647928621, 0.06217297629478121, 0.3055765049986845, -0.0007533302013714185,
      0.07434154366073523
    ]
  },
  weighted: {
    intercept: -0.032464737317071383,
    coef: [
      0.17750522306855945, -0.0035991397535786915, 0.051318191973570536, 0.3213986827268149, -0.020959382774067684,
      0.07670605518290242
    ]
  }
};

describe("logistic regression", () => {
  const d = nonlinear(400, 6, 11, 0.1);
  const r = new Rng(3);
  const weights = Float64Array.from({length: 400}, () => 0.5 + r.next());

  it("matches scikit-learn's coefficients (standardised inputs, mean-imputed missing values, L2, sample weights)", () => {
    for (const [name, w] of [
      ["unweighted", undefined],
      ["weighted", weights]
    ] as const) {
      const res = trainLogistic({table: d.table, labels: d.labels, weights: w}, {lambda: 2});
      expect(res.converged).toBe(true);
      expect(res.iterations).toBeLessThan(20);
      const ref = SKLEARN[name];
      expect(res.model.intercept!).toBeCloseTo(ref.intercept, 6);
      res.model.coefficients!.forEach((c, j) => expect(c).toBeCloseTo(ref.coef[j]!, 6));
    }
  });

  it("stores the standardisation and scores/explains consistently", () => {
    const {model} = trainLogistic({table: d.table, labels: d.labels}, {lambda: 2});
    expect(model.preprocessing.missing).toBe("mean-impute");
    const x = d.table.columns.map((c) => c[0]!);
    expect(Number.isNaN(x[1]!)).toBe(true); // row 0 has a missing x1
    const e = explainRow(model, x);
    expect(e.values[1]).toBe(0);
    expect(e.values.reduce((a, b) => a + b, e.baseValue)).toBeCloseTo(predictMargin(model, x), 12);
    // the intercept is the margin at the means
    const means = model.preprocessing.means!;
    expect(predictMargin(model, means)).toBeCloseTo(model.intercept!, 12);
  });

  it("is well-defined on separable data thanks to the L2 penalty", () => {
    const table = {nRows: 6, columns: [Float64Array.from([-3, -2, -1, 1, 2, 3])]};
    const res = trainLogistic({table, labels: Float64Array.from([0, 0, 0, 1, 1, 1])}, {lambda: 0.1});
    expect(res.converged).toBe(true);
    expect(res.model.coefficients![0]).toBeGreaterThan(1);
    expect(Number.isFinite(res.model.coefficients![0]!)).toBe(true);
  });
});
