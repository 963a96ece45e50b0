// Distinctive terms per group by the weighted log-odds ratio with an informative Dirichlet prior
// (Monroe, Colaresi & Quinn 2008, "Fightin' Words", §3.5.1), each group against all the other groups pooled.
//
// For term w, group i and the rest j, with counts y, totals n and prior α_w = α0 · (y_w over all groups / n over
// all groups), α0 = Σ_w α_w:
//   δ_w = log((y_wi + α_w) / (n_i + α0 − y_wi − α_w)) − log((y_wj + α_w) / (n_j + α0 − y_wj − α_w))
//   σ²_w ≈ 1 / (y_wi + α_w) + 1 / (y_wj + α_w),   z_w = δ_w / σ_w
// Terms are ranked by z (positive: over-used in the group). The prior shrinks rare terms toward zero, so a word seen
// once in a small group does not top the list.

export interface GroupedTokens<G> {
  group: G;
  tokens: readonly string[];
}

export interface DistinctiveTerm {
  term: string;
  /** z-score of the log-odds ratio (group vs rest). */
  z: number;
  /** Log-odds ratio δ. */
  delta: number;
  /** Count in the group and in the other groups. */
  count: number;
  countRest: number;
}

export interface DistinctiveGroup<G> {
  group: G;
  /** Number of documents and tokens in the group. */
  documents: number;
  totalTokens: number;
  terms: DistinctiveTerm[];
}

export interface DistinctiveOptions {
  /** Terms per group. Default 10. */
  top?: number;
  /** Minimum total count of a term over all groups. Default 2. */
  minCount?: number;
  /** Prior strength α0 (pseudo-counts spread by overall frequency). Default: the number of distinct terms, capped to [10, 1000]. */
  priorStrength?: number;
  /** Count a term at most once per document (document frequency). Default false (term frequency). */
  binary?: boolean;
  /** Also return terms under-used by the group (negative z). Default false: only z > 0. */
  includeNegative?: boolean;
}

export function distinctiveTerms<G>(
  docs: readonly GroupedTokens<G>[],
  options: DistinctiveOptions = {}
): DistinctiveGroup<G>[] {
  const {top = 10, minCount = 2, binary = false, includeNegative = false} = options;
  const groups = new Map<G, {counts: Map<string, number>; total: number; documents: number}>();
  const overall = new Map<string, number>();
  let grand = 0;
  for (const doc of docs) {
    let g = groups.get(doc.group);
    if (!g) groups.set(doc.group, (g = {counts: new Map(), total: 0, documents: 0}));
    g.documents++;
    const tokens = binary ? [...new Set(doc.tokens)] : doc.tokens;
    for (const t of tokens) {
      g.counts.set(t, (g.counts.get(t) ?? 0) + 1);
      g.total++;
      overall.set(t, (overall.get(t) ?? 0) + 1);
      grand++;
    }
  }
  const a0 = options.priorStrength ?? Math.min(1000, Math.max(10, overall.size));
  const out: DistinctiveGroup<G>[] = [];
  for (const [group, g] of groups) {
    const restTotal = grand - g.total;
    const scored: DistinctiveTerm[] = [];
    for (const [term, all] of overall) {
      if (all < minCount) continue;
      const yi = g.counts.get(term) ?? 0;
      const yj = all - yi;
      const a = (a0 * all) / grand;
      const delta = Math.log((yi + a) / (g.total + a0 - yi - a)) - Math.log((yj + a) / (restTotal + a0 - yj - a));
      const z = delta / Math.sqrt(1 / (yi + a) + 1 / (yj + a));
      if (!includeNegative && !(z > 0)) continue;
      scored.push({term, z, delta, count: yi, countRest: yj});
    }
    scored.sort((x, y) => y.z - x.z || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    out.push({group, documents: g.documents, totalTokens: g.total, terms: scored.slice(0, top)});
  }
  return out.sort((x, y) => (x.group < y.group ? -1 : x.group > y.group ? 1 : 0));
}
