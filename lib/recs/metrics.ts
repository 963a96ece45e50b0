// Top-k recommendation metrics for one person (a ranked list against the set of items they bought next), their
// means over people, and catalog coverage. Relevance is binary: an item was in the next basket or not.

/** 1 if any of the first k recommendations was bought, else 0. */
export function hitAtK(ranked: readonly number[], bought: ReadonlySet<number>, k: number): number {
  return ranked.slice(0, k).some((i) => bought.has(i)) ? 1 : 0;
}

/** Share of the bought items found in the first k recommendations. */
export function recallAtK(ranked: readonly number[], bought: ReadonlySet<number>, k: number): number {
  if (bought.size === 0) throw new Error("recall: the person bought nothing to recall");
  return new Set(ranked.slice(0, k).filter((i) => bought.has(i))).size / bought.size;
}

/**
 * Normalised discounted cumulative gain: Σ 1/log2(rank + 1) over bought items in the first k (rank from 1),
 * divided by the same sum for an ideal list that puts all bought items first (at most k of them).
 */
export function ndcgAtK(ranked: readonly number[], bought: ReadonlySet<number>, k: number): number {
  if (bought.size === 0) throw new Error("NDCG: the person bought nothing to rank");
  let dcg = 0;
  const seen = new Set<number>();
  ranked.slice(0, k).forEach((item, r) => {
    if (bought.has(item) && !seen.has(item)) dcg += 1 / Math.log2(r + 2);
    seen.add(item);
  });
  let ideal = 0;
  for (let r = 0; r < Math.min(k, bought.size); r++) ideal += 1 / Math.log2(r + 2);
  return dcg / ideal;
}

/** Distinct items among everyone's first k recommendations, as a share of the catalog's items. */
export function catalogCoverage(lists: readonly (readonly number[])[], catalogSize: number, k: number): number {
  if (!(catalogSize > 0)) return NaN;
  const shown = new Set<number>();
  for (const list of lists) for (const i of list.slice(0, k)) shown.add(i);
  return shown.size / catalogSize;
}

/** Wilson score interval for a proportion (95% by default); [NaN, NaN] for n = 0. */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [NaN, NaN];
  const p = successes / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denominator = 1 + (z * z) / n;
  return [(centre - half) / denominator, (centre + half) / denominator];
}

export interface TopKSummary {
  people: number;
  /** People given at least one recommendation. */
  people_with_recs: number;
  hit_at_5: number;
  hit_at_10: number;
  /** 95% Wilson interval of hit@10. */
  hit_at_10_low: number;
  hit_at_10_high: number;
  recall_at_10: number;
  ndcg_at_10: number;
  /** Distinct items recommended (first 10) to these people. */
  items_recommended: number;
  catalog_coverage: number;
}

/** Means over people of hit@5, hit@10, recall@10 and NDCG@10, with coverage over `catalogSize` items. */
export function summarise(
  cases: readonly {ranked: readonly number[]; bought: ReadonlySet<number>}[],
  catalogSize: number
): TopKSummary {
  const n = cases.length;
  const mean = (f: (c: (typeof cases)[number]) => number) => (n ? cases.reduce((s, c) => s + f(c), 0) / n : NaN);
  const hits10 = cases.reduce((s, c) => s + hitAtK(c.ranked, c.bought, 10), 0);
  const [low, high] = wilsonInterval(hits10, n);
  const lists = cases.map((c) => c.ranked);
  return {
    people: n,
    people_with_recs: cases.filter((c) => c.ranked.length > 0).length,
    hit_at_5: mean((c) => hitAtK(c.ranked, c.bought, 5)),
    hit_at_10: n ? hits10 / n : NaN,
    hit_at_10_low: low,
    hit_at_10_high: high,
    recall_at_10: mean((c) => recallAtK(c.ranked, c.bought, 10)),
    ndcg_at_10: mean((c) => ndcgAtK(c.ranked, c.bought, 10)),
    items_recommended: new Set(lists.flatMap((l) => l.slice(0, 10))).size,
    catalog_coverage: catalogCoverage(lists, catalogSize, 10)
  };
}
