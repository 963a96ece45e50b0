// Popularity baselines: items ranked by the number of orders holding them, overall, per state, and in the
// recent weeks, plus the cascade that recommends "what is popular where this person lives".
import type {Basket} from "./baskets.js";
import type {Rec, ReasonKind} from "./reasons.js";

/** Items by orders, most first, ties by code; only items with at least one order. */
export interface Ranked {
  items: number[];
  orders: number[];
}

export interface Popularity {
  overall: Ranked;
  recent: Ranked;
  byState: Ranked[];
  recentByState: Ranked[];
}

export interface RecentWindow {
  /** First day of the recent window (inclusive). */
  fromDay: number;
  /** Last day of the recent window (inclusive). */
  toDay: number;
}

export function rankCounts(counts: ArrayLike<number>): Ranked {
  const items: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) items.push(i);
  items.sort((a, b) => counts[b]! - counts[a]! || a - b);
  return {items, orders: items.map((i) => counts[i]!)};
}

/** Order counts of the items that `itemsOf` reads from each basket. */
export function popularity(
  baskets: readonly Basket[],
  itemsOf: (b: Basket) => readonly number[],
  nItems: number,
  nStates: number,
  recent: RecentWindow
): Popularity {
  const overall = new Int32Array(nItems);
  const recentCounts = new Int32Array(nItems);
  const byState = Array.from({length: nStates}, () => new Int32Array(nItems));
  const recentByState = Array.from({length: nStates}, () => new Int32Array(nItems));
  for (const b of baskets) {
    const isRecent = b.day >= recent.fromDay && b.day <= recent.toDay;
    for (const i of itemsOf(b)) {
      overall[i]!++;
      if (isRecent) recentCounts[i]!++;
      if (b.state >= 0) {
        byState[b.state]![i]!++;
        if (isRecent) recentByState[b.state]![i]!++;
      }
    }
  }
  return {
    overall: rankCounts(overall),
    recent: rankCounts(recentCounts),
    byState: byState.map(rankCounts),
    recentByState: recentByState.map(rankCounts)
  };
}

/** The first `k` items of a ranked list as recommendations with one reason kind. */
export function fromRanked(ranked: Ranked, kind: ReasonKind, because: number, k: number, minOrders = 1): Rec[] {
  const out: Rec[] = [];
  for (let r = 0; r < ranked.items.length && out.length < k; r++) {
    if (ranked.orders[r]! < minOrders) break;
    out.push({item: ranked.items[r]!, reason: {kind, because, support: ranked.orders[r]!}});
  }
  return out;
}

/**
 * "Popular where the person lives": the state's recent best sellers, then the state's all-time ones, then the
 * recent and all-time national ones. An item counts as popular in a state only with at least `minOrders`
 * orders there, so a small state's one-off order is never sold as a trend.
 */
export function regionalPopular(pop: Popularity, state: number, k: number, minOrders: number): Rec[][] {
  const tiers: Rec[][] = [];
  if (state >= 0 && state < pop.byState.length) {
    tiers.push(fromRanked(pop.recentByState[state]!, "popular_state_recent", state, k, minOrders));
    tiers.push(fromRanked(pop.byState[state]!, "popular_state", state, k, minOrders));
  }
  tiers.push(fromRanked(pop.recent, "popular_recent", -1, k), fromRanked(pop.overall, "popular", -1, k));
  return tiers;
}
