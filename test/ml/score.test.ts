import {gzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {trainForest} from "../../lib/ml/forest.js";
import {trainGbdt} from "../../lib/ml/gbdt.js";
import {trainLogistic} from "../../lib/ml/logistic.js";
import {MODEL_FORMAT, validateModel, type ChurnModel} from "../../lib/ml/model.js";
import {predictMargin, predictMarginBatch, predictProbability, predictProbabilityBatch} from "../../lib/ml/score.js";
import {nonlinear, slice} from "./synthetic.js";

const d = nonlinear(3000, 8, 5, 0.1);
const train = slice(d, 0, 2500);
const test = slice(d, 2500, 3000);

function rows(t: typeof test): number[][] {
  return Array.from({length: t.table.nRows}, (_, i) => t.table.columns.map((c) => c[i]!));
}

describe("model format and scorer", () => {
  const models: ChurnModel[] = [
    trainGbdt({table: train.table, labels: train.labels}, {nRounds: 25, seed: 1, subsample: 0.8}).model,
    trainForest({table: train.table, labels: train.labels}, {nTrees: 10, seed: 1}).model,
    trainLogistic({table: train.table, labels: train.labels}).model
  ];

  it("a JSON round trip scores identically (bitwise), single rows and batches alike", () => {
    for (const m of models) {
      const parsed = validateModel(JSON.parse(JSON.stringify(m)));
      expect(parsed).toEqual(m);
      const a = predictMarginBatch(m, test.table);
      const b = predictMarginBatch(parsed, test.table);
      expect(Array.from(b)).toEqual(Array.from(a));
      const pa = predictProbabilityBatch(m, test.table);
      rows(test).forEach((x, i) => {
        expect(Object.is(predictMargin(parsed, x), a[i])).toBe(true);
        expect(Object.is(predictProbability(m, x), pa[i])).toBe(true);
      });
    }
  });

  it("routes missing values (NaN, null, undefined) by each node's default direction", () => {
    const m: ChurnModel = {
      format: MODEL_FORMAT,
      version: 1,
      kind: "gbdt",
      featureNames: ["a", "b"],
      preprocessing: {missing: "default-direction"},
      baseScore: 0.5,
      link: "logit",
      trees: [
        // a <= 1 ? (b <= 2 ? 1 : 2) : 3, missing a → right, missing b → left
        {
          feature: [0, 1, -1, -1, -1],
          threshold: [1, 0, 0, 0, 0],
          left: [1, 3, -1, -1, -1],
          right: [2, 4, -1, -1, -1],
          defaultLeft: [0, 0, 0, 0, 0],
          value: [0, 0, 3, 1, 2],
          cover: [4, 2, 2, 1, 1]
        }
      ],
      params: {}
    };
    m.trees![0]!.threshold[1] = 2;
    m.trees![0]!.defaultLeft[1] = 1;
    expect(predictMargin(m, [0, 5])).toBe(2.5);
    expect(predictMargin(m, [0, 1])).toBe(1.5);
    expect(predictMargin(m, [NaN, 1])).toBe(3.5);
    expect(predictMargin(m, [null, 1])).toBe(3.5);
    expect(predictMargin(m, [0, NaN])).toBe(1.5);
    expect(predictMargin(m, [0, undefined])).toBe(1.5);
    expect(predictMargin(m, [1, 2])).toBe(1.5); // thresholds are inclusive on the left
    expect(
      Array.from(
        predictMarginBatch(m, {
          nRows: 2,
          columns: [
            [NaN, 0],
            [0, NaN]
          ]
        })
      )
    ).toEqual([3.5, 1.5]);
    expect(predictProbability(m, [NaN, 0])).toBeCloseTo(1 / (1 + Math.exp(-3.5)), 15);
  });

  it("rejects foreign objects and other versions", () => {
    expect(() => validateModel({format: "x"})).toThrow();
    expect(() => validateModel({...models[0]!, version: 2})).toThrow(/version/);
  });

  it("model size: 300 trees of depth 6, raw and gzipped", () => {
    const big = nonlinear(8000, 10, 9);
    const {model} = trainGbdt(
      {table: big.table, labels: big.labels},
      {nRounds: 300, maxDepth: 6, learningRate: 0.05, seed: 1}
    );
    const json = JSON.stringify(model);
    const gz = gzipSync(json).length;
    const nodes = model.trees!.reduce((a, t) => a + t.feature.length, 0);
    console.log(
      `300-tree depth-6 GBDT: ${nodes} nodes, ${json.length} bytes raw, ${gz} bytes gzipped (${(json.length / nodes).toFixed(1)} B/node raw)`
    );
    expect(model.trees!.length).toBe(300);
    expect(json.length / nodes).toBeLessThan(45);
    expect(gz).toBeLessThan(json.length / 2.5);
  });
});
