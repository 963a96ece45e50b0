import {describe, expect, it} from "vitest";
import {applyBins, binValue, fitBins, type BinnedData} from "../../lib/ml/bins.js";
import {buildHistogram, growTree, histogramOffsets, leafOfBinnedRow, subtractHistogram} from "../../lib/ml/tree.js";
import {Rng} from "../../lib/random.js";

function binned(columns: number[][]): BinnedData {
  const table = {nRows: columns[0]!.length, columns: columns.map((c) => Float64Array.from(c))};
  return applyBins(table, fitBins(table));
}
const allRows = (n: number) => Uint32Array.from({length: n}, (_, i) => i);

describe("bins", () => {
  it("uses short thresholds, keeps v <= edge ⇔ bin <= b, puts NaN in its own bin, and caps at 255 bins", () => {
    const r = new Rng(5);
    const x = Float64Array.from({length: 5000}, () => (r.next() < 0.1 ? NaN : r.normal() * 1000));
    const table = {
      nRows: x.length,
      columns: [x, Float64Array.from([1, 2, 2, 3, 3, 3, NaN, ...new Array(4993).fill(7)])]
    };
    const m = fitBins(table, {seed: 1, sampleSize: 2000});
    expect(m.nBins[0]).toBeLessThanOrEqual(255);
    expect(m.nBins[0]).toBeGreaterThan(200);
    const small = fitBins({nRows: 8, columns: [Float64Array.from([1, 2, 2, 3, 3, 3, NaN, 7])]});
    expect(Array.from(small.edges[0]!)).toEqual([1.5, 2.5, 5]); // shortest decimals in [a, b) between distinct values
    // between close values: mid-point rounded to the fewest digits that stay in [a, b)
    expect(fitBins({nRows: 2, columns: [Float64Array.from([0.1234567, 0.1234568])]}).edges[0]![0]).toBe(0.12345675);
    const data = applyBins(table, m);
    for (let i = 0; i < x.length; i++) {
      const b = data.bins[0]![i]!;
      if (Number.isNaN(x[i]!)) expect(b).toBe(m.nBins[0]);
      else {
        if (b > 0) expect(x[i]!).toBeGreaterThan(m.edges[0]![b - 1]!);
        if (b < m.nBins[0]! - 1) expect(x[i]!).toBeLessThanOrEqual(m.edges[0]![b]!);
      }
    }
    for (const e of m.edges[0]!)
      expect(String(e).replace(/^-/, "").replace(".", "").replace(/^0+/, "").length).toBeLessThanOrEqual(6);
    expect(binValue(small.edges[0]!, null)).toBe(4);
    expect(binValue(small.edges[0]!, 2.5)).toBe(1);
    expect(binValue(small.edges[0]!, 1e9)).toBe(3);
  });
});

describe("histogram tree learner", () => {
  it("picks the hand-computed best split and leaf values −G/(H+λ)", () => {
    // x0 = 1..4, g = [-2,-1,1,3], h = 1, λ = 1; x1 is a worse feature.
    // Parent score G²/(H+λ) = 1/5. Gains ½[GL²/(HL+λ) + GR²/(HR+λ) − 1/5]:
    //   x0 <= 1.5: ½(4/2 + 9/4 − 0.2) = 2.025;  x0 <= 2.5: ½(9/3 + 16/3 − 0.2) = 4.0667;  x0 <= 3.5: ½(4/4 + 9/2 − 0.2) = 2.65
    const data = binned([
      [1, 2, 3, 4],
      [1, 2, 1, 2]
    ]);
    const g = Float64Array.from([-2, -1, 1, 3]);
    const h = Float64Array.from([1, 1, 1, 1]);
    const t = growTree({data, g, h, rows: allRows(4), params: {maxDepth: 1, lambda: 1, minChildWeight: 0}});
    expect(t.feature[0]).toBe(0);
    expect(t.threshold[0]).toBe(2.5);
    expect(t.gain[0]).toBeCloseTo(0.5 * (3 + 16 / 3 - 0.2), 12);
    expect(t.value[t.left[0]!]).toBeCloseTo(3 / 3, 15); // −(−3)/(2+1)
    expect(t.value[t.right[0]!]).toBeCloseTo(-4 / 3, 15); // −4/(2+1)
    expect([t.cover[0], t.cover[t.left[0]!], t.cover[t.right[0]!]]).toEqual([4, 2, 2]);
  });

  it("learns the default direction for missing values from the gain", () => {
    // x = [1, 2, NaN, NaN], g = [-1, 1, -1, -1], h = 1, λ = 1, parent 4/5.
    // missing right: ½(1/2 + 1/4 − 0.8) < 0;  missing left: ½(9/4 + 1/2 − 0.8) = 0.975
    const data = binned([[1, 2, NaN, NaN]]);
    const t = growTree({
      data,
      g: Float64Array.from([-1, 1, -1, -1]),
      h: Float64Array.from([1, 1, 1, 1]),
      rows: allRows(4),
      params: {maxDepth: 1, lambda: 1, minChildWeight: 0}
    });
    expect(t.threshold[0]).toBe(1.5);
    expect(t.defaultLeft[0]).toBe(1);
    expect(t.gain[0]).toBeCloseTo(0.975, 12);
    expect(t.value[t.left[0]!]).toBeCloseTo(0.75, 15);
    expect(t.value[t.right[0]!]).toBeCloseTo(-0.5, 15);
  });

  it("no split when the gain does not exceed minSplitGain; min samples per leaf is honoured", () => {
    const data = binned([[1, 2, 3, 4]]);
    const g = Float64Array.from([-2, -1, 1, 3]);
    const h = Float64Array.from([1, 1, 1, 1]);
    expect(
      growTree({data, g, h, rows: allRows(4), params: {lambda: 1, minChildWeight: 0, minSplitGain: 4.07}}).feature
    ).toEqual([-1]);
    const t = growTree({
      data,
      g,
      h,
      rows: allRows(4),
      params: {maxDepth: 1, lambda: 1, minChildWeight: 0, minSamplesLeaf: 3}
    });
    expect(t.feature).toEqual([-1]);
  });

  it("histogram subtraction equals direct building", () => {
    const r = new Rng(9);
    const n = 3000;
    const cols = Array.from({length: 7}, (_, f) =>
      Array.from({length: n}, () => (r.next() < 0.05 ? NaN : Math.round(r.normal() * (f + 1) * 10)))
    );
    const data = binned(cols);
    // integer gradients make floating-point sums exact, so the comparison can be exact
    const g = Float64Array.from({length: n}, () => r.int(-5, 5));
    const h = Float64Array.from({length: n}, () => r.int(1, 4));
    const {offset, size} = histogramOffsets(data);
    const feats = Int32Array.from({length: 7}, (_, i) => i);
    const s = () => new Float64Array(n);
    const rows = allRows(n);
    const parent = new Float64Array(3 * size);
    buildHistogram(data, offset, g, h, undefined, rows, 0, n, feats, parent, s(), s(), s());
    // partition on feature 2's bin <= 3
    const left = Uint32Array.from(Array.from(rows).filter((i) => data.bins[2]![i]! <= 3));
    const right = Uint32Array.from(Array.from(rows).filter((i) => data.bins[2]![i]! > 3));
    const hl = new Float64Array(3 * size);
    const hr = new Float64Array(3 * size);
    buildHistogram(data, offset, g, h, undefined, left, 0, left.length, feats, hl, s(), s(), s());
    buildHistogram(data, offset, g, h, undefined, right, 0, right.length, feats, hr, s(), s(), s());
    const derived = new Float64Array(3 * size);
    subtractHistogram(parent, hl, derived, data, offset, feats);
    expect(Array.from(derived)).toEqual(Array.from(hr));
    // and the histogram totals are the node sums
    let G = 0;
    for (const i of right) G += g[i]!;
    let Gh = 0;
    for (let b = 0; b <= data.mapper.nBins[0]!; b++) Gh += hr[3 * b]!;
    expect(Gh).toBe(G);
  });

  it("respects max depth, max leaves, min child weight and min samples per leaf; leaf-wise and depth-wise", () => {
    const r = new Rng(2);
    const n = 2000;
    const cols = Array.from({length: 5}, () => Array.from({length: n}, () => r.normal()));
    const data = binned(cols);
    const g = Float64Array.from({length: n}, (_, i) => (cols[0]![i]! * cols[1]![i]! > 0 ? -1 : 1) + 0.3 * r.normal());
    const h = Float64Array.from({length: n}, () => 0.5 + r.next());
    for (const growth of ["depthwise", "leafwise"] as const) {
      const params = {growth, maxDepth: 5, maxLeaves: 12, minChildWeight: 20, minSamplesLeaf: 30, lambda: 1};
      const t = growTree({data, g, h, rows: allRows(n), params});
      const leaves = t.feature.map((f, i) => (f < 0 ? i : -1)).filter((i) => i >= 0);
      expect(leaves.length).toBe(12);
      const cnt = new Map<number, number>();
      const hs = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const l = leafOfBinnedRow(t, data, i);
        cnt.set(l, (cnt.get(l) ?? 0) + 1);
        hs.set(l, (hs.get(l) ?? 0) + h[i]!);
      }
      for (const l of leaves) {
        expect(cnt.get(l)!).toBeGreaterThanOrEqual(30);
        expect(hs.get(l)!).toBeGreaterThanOrEqual(20);
        expect(hs.get(l)!).toBeCloseTo(t.cover[l]!, 9);
      }
      const depth = (i: number): number => (t.left[i]! < 0 ? 0 : 1 + Math.max(depth(t.left[i]!), depth(t.right[i]!)));
      expect(depth(0)).toBeLessThanOrEqual(5);
      // covers add up
      for (let i = 0; i < t.feature.length; i++)
        if (t.left[i]! >= 0) expect(t.cover[t.left[i]!]! + t.cover[t.right[i]!]!).toBeCloseTo(t.cover[i]!, 9);
    }
  });
});
