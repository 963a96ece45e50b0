// Implicit ALS against independent computations: with equal confidences and no regularisation it is plain
// least-squares matrix factorisation, so a rank-1 matrix comes back exactly and a rank-1 fit of any matrix is the
// leading singular triple (found here by power iteration); with weights, each solved factor zeroes the gradient
// of the weighted loss (computed here cell by cell), the loss never rises, and explanations add up to the score.
import {describe, expect, test} from "vitest";
import {alsLoss, fitImplicitAls, foldIn, type AlsParams, type SparseRow} from "../../lib/recs/als.js";
import {rng} from "../../lib/random.js";

/** Rows of a 0/1 matrix as ALS input (count 1 on every 1). */
function rowsOf(matrix: number[][]): SparseRow[] {
  return matrix.map((r) => {
    const items = r.flatMap((v, i) => (v ? [i] : []));
    return {items, counts: items.map(() => 1)};
  });
}

function reconstruction(model: ReturnType<typeof fitImplicitAls>): number[][] {
  return model.users.map((x) => model.items.map((y) => x.reduce((s, v, f) => s + v * y[f]!, 0)));
}

/** The best rank-1 approximation σ₁u₁v₁ᵀ = P v vᵀ, v the leading eigenvector of PᵀP by power iteration. */
function leadingRankOne(P: number[][]): number[][] {
  const n = P[0]!.length;
  let v = Array.from({length: n}, (_, i) => 1 + i / 10);
  for (let it = 0; it < 2000; it++) {
    const Pv = P.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));
    const w = Array.from({length: n}, (_, j) => P.reduce((s, row, i) => s + row[j]! * Pv[i]!, 0));
    const norm = Math.hypot(...w);
    v = w.map((x) => x / norm);
  }
  const Pv = P.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));
  return Pv.map((a) => v.map((b) => a * b));
}

const plain: AlsParams = {factors: 1, regularization: 0, alpha: 0, iterations: 300, seed: 1};

describe("implicit ALS", () => {
  test("a rank-1 0/1 matrix is reconstructed exactly (equal confidences, no regularisation)", () => {
    const u = [1, 1, 0, 1, 1];
    const v = [1, 0, 1, 1];
    const P = u.map((a) => v.map((b) => a * b));
    const model = fitImplicitAls(rowsOf(P), 4, {...plain, iterations: 30});
    reconstruction(model).forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(P[i]![j]!, 9)));
    expect(model.loss[model.loss.length - 1]).toBeLessThan(1e-15);
  });

  test("a rank-1 fit of a full-rank matrix is its leading singular triple (power iteration)", () => {
    const P = [
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [0, 1, 1, 1],
      [0, 0, 1, 1],
      [1, 0, 0, 1],
      [1, 1, 0, 1]
    ];
    const model = fitImplicitAls(rowsOf(P), 4, plain);
    const expected = leadingRankOne(P);
    reconstruction(model).forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(expected[i]![j]!, 6)));
  });

  test("with weights and regularisation, each solved factor zeroes the gradient of the weighted loss", () => {
    const params: AlsParams = {factors: 3, regularization: 0.3, alpha: 5, iterations: 12, seed: 7};
    const r = rng(3);
    const nItems = 7;
    const rows: SparseRow[] = Array.from({length: 25}, () => {
      const items = Array.from({length: nItems}, (_, i) => i).filter(() => r.next() < 0.35);
      return {items, counts: items.map(() => 1 + r.int(0, 3))};
    });
    const model = fitImplicitAls(rows, nItems, params);
    // Alternating exact solves can only lower the loss.
    for (let t = 1; t < model.loss.length; t++)
      expect(model.loss[t]!).toBeLessThanOrEqual(model.loss[t - 1]! * (1 + 1e-12));
    expect(model.loss[model.loss.length - 1]).toBeCloseTo(alsLoss(rows, model.users, model.items, params), 9);
    for (const row of rows.slice(0, 8)) {
      const x = foldIn(model, row).user;
      // ∂/∂x Σ_i c_i (p_i − x·y_i)² + λ|x|² = −2 Σ_i c_i (p_i − x·y_i) y_i + 2λx, summed over every item i.
      const grad = Array.from(x, (v) => 2 * params.regularization * v);
      model.items.forEach((y, i) => {
        const t = row.items.indexOf(i);
        const c = 1 + params.alpha * (t >= 0 ? row.counts[t]! : 0);
        const err = (t >= 0 ? 1 : 0) - x.reduce((s, v, f) => s + v * y[f]!, 0);
        y.forEach((yf, f) => (grad[f]! -= 2 * c * err * yf));
      });
      for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-9);
    }
  });

  test("a score splits exactly into one term per bought item", () => {
    const params: AlsParams = {factors: 2, regularization: 0.1, alpha: 10, iterations: 10, seed: 5};
    const rows = rowsOf([
      [1, 1, 0, 0, 0],
      [0, 1, 1, 0, 0],
      [0, 0, 1, 1, 0],
      [1, 0, 0, 1, 1],
      [1, 1, 0, 0, 1]
    ]);
    const model = fitImplicitAls(rows, 5, params);
    const person = foldIn(model, {items: [0, 3], counts: [2, 1]});
    for (let i = 0; i < 5; i++) {
      const terms = person.explain(i);
      expect(terms.map((t) => t.item)).toEqual([0, 3]);
      expect(terms.reduce((s, t) => s + t.contribution, 0)).toBeCloseTo(person.scores[i]!, 10);
    }
  });

  test("bad rows are errors that name the row", () => {
    expect(() =>
      fitImplicitAls(
        [
          {items: [0], counts: [1]},
          {items: [5], counts: [1]}
        ],
        3,
        plain
      )
    ).toThrow(/row 1 has item 5 outside 0…2/);
    expect(() => fitImplicitAls([{items: [0], counts: [0]}], 3, plain)).toThrow(
      /row 0, item 0: counts must be positive/
    );
  });
});
