// Item-to-item co-purchase: which items the same people buy, in the same basket or across their orders.
// Works on any item codes, so the same code counts products and categories.
//
// Counts over people (N = people with at least one item):
//   n_a   buyers of a                    n_ab  people who bought both a and b (any of their orders)
//   o_ab  orders holding both a and b    again_a  people who bought a in two or more orders (a's "pair with itself")
// Score of b for a buyer of a, a shrunk conditional probability (Beta prior centred on b's base rate p_b = n_b / N,
// worth m people): P̃(b | a) = (n_ab + m·p_b) / (n_a + m). With few buyers of a it stays near p_b instead of
// jumping to 1/1; with many it is the plain share n_ab / n_a. A neighbour needs n_ab ≥ the minimum support: a
// pair seen once or twice is as likely a coincidence as a pattern.
// Lift compares n_ab with what random pairing would give. Each person who bought k different items holds
// k(k−1)/2 pairs; P is the total over people, and d_a = Σ (k − 1) over a's buyers is a's share of pair ends. If
// partners were drawn at random, E[n_ab] = d_a·d_b / 2P, so lift = n_ab·2P / (d_a·d_b), 1 for no affinity. The
// textbook n_ab·N / (n_a·n_b) is no use here: most people buy one thing once and can never hold a pair, and even
// among two-item buyers it gives ½ for unrelated items.
import {regIncBeta} from "../ab/special.js";

export interface CoPurchase {
  nItems: number;
  people: number;
  /** People who bought the item. */
  buyers: Int32Array;
  /** Orders holding the item. */
  orders: Int32Array;
  /** People who bought the item in two or more orders. */
  again: Int32Array;
  /** P: pairs of different items held by the same person, over everyone. */
  pairs: number;
  /** d_a: the pairs that hold the item (Σ over its buyers of their other items). */
  partners: Int32Array;
  /** People who bought both items, keyed by pairKey(a, b) with a < b. */
  pairPeople: Map<number, number>;
  /** Orders holding both items, keyed by pairKey(a, b) with a < b. */
  pairOrders: Map<number, number>;
}

export const pairKey = (a: number, b: number, nItems: number): number => (a < b ? a * nItems + b : b * nItems + a);

/** Counts from each person's orders, each order a list of item codes (duplicates within an order are ignored). */
export function coPurchaseCounts(people: readonly (readonly (readonly number[])[])[], nItems: number): CoPurchase {
  const cp: CoPurchase = {
    nItems,
    people: 0,
    buyers: new Int32Array(nItems),
    orders: new Int32Array(nItems),
    again: new Int32Array(nItems),
    pairs: 0,
    partners: new Int32Array(nItems),
    pairPeople: new Map(),
    pairOrders: new Map()
  };
  const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const orders of people) {
    const timesBought = new Map<number, number>();
    for (const order of orders) {
      const items = [...new Set(order)];
      for (const a of items) {
        if (!(a >= 0 && a < nItems)) throw new Error(`co-purchase: item code ${a} outside 0…${nItems - 1}`);
        cp.orders[a]!++;
        timesBought.set(a, (timesBought.get(a) ?? 0) + 1);
      }
      for (let i = 0; i < items.length; i++)
        for (let j = i + 1; j < items.length; j++) bump(cp.pairOrders, pairKey(items[i]!, items[j]!, nItems));
    }
    if (timesBought.size === 0) continue;
    cp.people++;
    const bought = [...timesBought.keys()];
    for (const a of bought) {
      cp.buyers[a]!++;
      if (timesBought.get(a)! >= 2) cp.again[a]!++;
      cp.partners[a]! += bought.length - 1;
    }
    cp.pairs += (bought.length * (bought.length - 1)) / 2;
    for (let i = 0; i < bought.length; i++)
      for (let j = i + 1; j < bought.length; j++) bump(cp.pairPeople, pairKey(bought[i]!, bought[j]!, nItems));
  }
  return cp;
}

/** People who bought both (for a = b: who bought a in two or more orders). */
export function peopleBoth(cp: CoPurchase, a: number, b: number): number {
  return a === b ? cp.again[a]! : (cp.pairPeople.get(pairKey(a, b, cp.nItems)) ?? 0);
}

/** Orders holding both (0 for a = b: an order holds an item once). */
export function ordersBoth(cp: CoPurchase, a: number, b: number): number {
  return a === b ? 0 : (cp.pairOrders.get(pairKey(a, b, cp.nItems)) ?? 0);
}

/** P̃(b | a) = (n_ab + m·p_b) / (n_a + m), with m = priorStrength. */
export function shrunkConditional(cp: CoPurchase, a: number, b: number, priorStrength: number): number {
  const base = cp.people > 0 ? cp.buyers[b]! / cp.people : 0;
  return (peopleBoth(cp, a, b) + priorStrength * base) / (cp.buyers[a]! + priorStrength);
}

/** n_ab·2P / (d_a·d_b) for a ≠ b; NaN for a = b, or when a or b was never bought with anything else. */
export function lift(cp: CoPurchase, a: number, b: number): number {
  const denominator = cp.partners[a]! * cp.partners[b]!;
  return a !== b && denominator > 0 ? (peopleBoth(cp, a, b) * 2 * cp.pairs) / denominator : NaN;
}

/**
 * One-sided p-value of seeing n_ab or more joint buyers under random pairing: each of a's d_a pair ends goes to
 * b with probability d_b / 2P, so n_ab ~ Binomial(d_a, d_b / 2P). Small values mean more than a coincidence.
 */
export function pairPValue(cp: CoPurchase, a: number, b: number): number {
  const n = peopleBoth(cp, a, b);
  const trials = cp.partners[a]!;
  if (a === b || cp.pairs === 0) return NaN;
  if (n === 0) return 1;
  if (n > trials)
    throw new Error(`co-purchase: ${n} joint buyers of ${a} and ${b} but only ${trials} pair ends of ${a}`);
  // P(X ≥ n) for X ~ Binomial(trials, p) is the regularised incomplete beta I_p(n, trials − n + 1).
  return regIncBeta(n, trials - n + 1, Math.min(1, cp.partners[b]! / (2 * cp.pairs)));
}

export interface Neighbour {
  item: number;
  /** People who bought both (for the item itself: who bought it again). */
  people: number;
  /** Orders holding both. */
  orders: number;
  /** P̃(item | seed). */
  score: number;
}

export interface NeighbourParams {
  minSupport: number;
  priorStrength: number;
  /** The most neighbours kept per item. */
  keep: number;
}

/** Per item, the items its buyers also bought (itself included when bought again), best P̃ first, ties by code. */
export function neighbourLists(cp: CoPurchase, params: NeighbourParams): Neighbour[][] {
  const lists: Neighbour[][] = Array.from({length: cp.nItems}, () => []);
  const add = (a: number, b: number) => {
    lists[a]!.push({
      item: b,
      people: peopleBoth(cp, a, b),
      orders: ordersBoth(cp, a, b),
      score: shrunkConditional(cp, a, b, params.priorStrength)
    });
  };
  for (const [key, people] of cp.pairPeople) {
    if (people < params.minSupport) continue;
    const a = Math.floor(key / cp.nItems);
    const b = key - a * cp.nItems;
    add(a, b);
    add(b, a);
  }
  for (let a = 0; a < cp.nItems; a++) if (cp.again[a]! >= params.minSupport) add(a, a);
  for (const list of lists) {
    list.sort((x, y) => y.score - x.score || x.item - y.item);
    list.length = Math.min(list.length, params.keep);
  }
  return lists;
}
