import {describe, expect, it} from "vitest";
import {describeCluster, type FeatureLabel} from "../../lib/segments/describe.js";
import {kMeans, standardise} from "../../lib/segments/kmeans.js";
import {adjustedRandIndex, chooseK, silhouette} from "../../lib/segments/metrics.js";
import {segmentTransitions} from "../../lib/segments/transitions.js";
import {rng} from "../../lib/random.js";

/** Three well-separated Gaussian blobs in 3-D, features on very different scales. */
function blobs(seed: number, perBlob = 150) {
  const g = rng(seed);
  const centres = [
    [10, 1, 100],
    [30, 5, 400],
    [20, 9, 900]
  ];
  const rows: number[][] = [];
  const truth: number[] = [];
  centres.forEach((c, label) => {
    for (let i = 0; i < perBlob; i++) {
      rows.push([g.normal(c[0]!, 1.5), g.normal(c[1]!, 0.4), g.normal(c[2]!, 30)]);
      truth.push(label);
    }
  });
  return {rows, truth};
}

describe("kMeans", () => {
  it("recovers 3 well-separated seeded blobs exactly (ARI = 1)", () => {
    const {rows, truth} = blobs(3);
    const res = kMeans(rows, 3, {seed: 42, nInit: 5});
    expect(adjustedRandIndex(res.labels, truth)).toBe(1);
    expect([...res.sizes].sort()).toEqual([150, 150, 150]);
    // Original-scale centroids are near the true centres (matched by first coordinate).
    const byX = [...res.centroidsOriginal].sort((a, b) => a[0]! - b[0]!);
    expect(byX[0]![2]!).toBeCloseTo(100, -1);
    expect(byX[2]![2]!).toBeCloseTo(400, -1);
  });

  it("is deterministic per seed, and more inits never give higher inertia than the best of fewer", () => {
    const {rows} = blobs(4);
    expect(kMeans(rows, 4, {seed: 1}).labels).toEqual(kMeans(rows, 4, {seed: 1}).labels);
    expect(kMeans(rows, 5, {seed: 1, nInit: 10}).inertia).toBeLessThanOrEqual(
      kMeans(rows, 5, {seed: 1, nInit: 1}).inertia + 1e-9
    );
  });

  it("standardises features (z-scores; constant columns get sd 1)", () => {
    const st = standardise([
      [1, 5],
      [3, 5]
    ]);
    expect(st.z).toEqual([
      [-1, 0],
      [1, 0]
    ]);
    expect(st.sds).toEqual([1, 1]);
    expect(() => kMeans([[1]], 2)).toThrow(RangeError);
  });
});

describe("silhouette and chooseK", () => {
  it("matches a hand computation on 4 points on a line", () => {
    // Points 0, 1 (cluster 0) and 4, 6 (cluster 1).
    // s(0): a = 1, b = (4+6)/2 = 5 → (5−1)/5 = 0.8.   s(1): a = 1, b = (3+5)/2 = 4 → 3/4 = 0.75.
    // s(4): a = 2, b = (4+3)/2 = 3.5 → 1.5/3.5.        s(6): a = 2, b = (6+5)/2 = 5.5 → 3.5/5.5.
    const hand = (0.8 + 0.75 + 1.5 / 3.5 + 3.5 / 5.5) / 4;
    expect(silhouette([[0], [1], [4], [6]], [0, 0, 1, 1])).toBeCloseTo(hand, 14);
    // A singleton contributes 0.
    expect(silhouette([[0], [1], [10]], [0, 0, 1])).toBeCloseTo((1 - 1 / 10 + (1 - 1 / 9)) / 3, 14);
  });

  it("adjusted Rand index: 1 for a relabelling, < 1 otherwise", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [2, 2, 0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeLessThan(0);
  });

  it("picks k = 3 for three blobs by the highest silhouette", () => {
    const {rows} = blobs(5, 100);
    const res = chooseK(rows, [2, 3, 4, 5, 6], {seed: 9, sampleSize: 200});
    expect(res.best).toBe(3);
    expect(res.perK.map((r) => r.k)).toEqual([2, 3, 4, 5, 6]);
    // Inertia decreases with k.
    for (let i = 1; i < res.perK.length; i++) expect(res.perK[i]!.inertia).toBeLessThan(res.perK[i - 1]!.inertia);
  });
});

describe("describeCluster", () => {
  const labels: FeatureLabel[] = [
    {feature: "recency", high: "long-lapsed", low: "recent", role: "adjective"},
    {feature: "monetary", high: "high-spending", low: "low-spending", role: "adjective"},
    {feature: "frequency", high: "frequent buyers", low: "one-time buyers", role: "noun"},
    {feature: "lateDays", high: "late deliveries", low: "early deliveries", role: "with"}
  ];
  const overall = {
    recency: {mean: 200, sd: 100},
    monetary: {mean: 150, sd: 100},
    frequency: {mean: 1.05, sd: 0.1},
    lateDays: {mean: 0, sd: 5}
  };

  it("phrases the top-|z| features", () => {
    // z: recency −1.5, monetary +2, frequency −0.5, lateDays 0 → top 3 by |z|.
    expect(describeCluster({recency: 50, monetary: 350, frequency: 1, lateDays: 0}, overall, labels)).toBe(
      "high-spending, recent one-time buyers"
    );
    // z: frequency +10, lateDays +2, others ≈ 0.
    expect(describeCluster({recency: 200, monetary: 160, frequency: 2.05, lateDays: 10}, overall, labels)).toBe(
      "frequent buyers with late deliveries"
    );
    expect(describeCluster({recency: 210, monetary: 150, frequency: 1.05, lateDays: 0}, overall, labels)).toBe(
      "typical customers"
    );
    expect(
      describeCluster({recency: 50, monetary: 150, frequency: 1.05, lateDays: 0}, overall, labels, {maxFeatures: 1})
    ).toBe("recent customers");
  });
});

describe("segmentTransitions", () => {
  it("counts moves between snapshots, with 'new' and 'gone'", () => {
    const before = {a: "Champions", b: "At Risk", c: "At Risk", d: "Lost"};
    const after = new Map([
      ["a", "Champions"],
      ["b", "Champions"],
      ["c", "Lost"],
      ["e", "New Customers"],
      ["f", "New Customers"]
    ]);
    const t = segmentTransitions(before, after, {order: ["Champions", "At Risk", "New Customers", "Lost"]});
    expect(t.sources).toEqual(["Champions", "At Risk", "Lost", "new"]);
    expect(t.targets).toEqual(["Champions", "New Customers", "Lost", "gone"]);
    expect(t.counts).toEqual([
      [1, 0, 0, 0],
      [1, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 2, 0, 0]
    ]);
    expect(t.links).toContainEqual({source: "new", target: "New Customers", value: 2});
    expect(t.links).toHaveLength(5);
  });
});
