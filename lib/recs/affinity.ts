// Category affinity (which categories the same people buy) and cross-sell opportunities ranked by expected revenue.
import {lift, ordersBoth, pairPValue, peopleBoth, shrunkConditional, type CoPurchase} from "./co-purchase.js";

export interface AffinityPair {
  a: number;
  b: number;
  people: number;
  orders: number;
  lift: number;
  /** One-sided p-value of n_ab under independence (pairPValue, from a's side). */
  p_value: number;
}

/** Pairs of different items (a < b) bought by at least `minSupport` people, most people first. */
export function affinityPairs(cp: CoPurchase, minSupport: number): AffinityPair[] {
  const out: AffinityPair[] = [];
  for (const [key, people] of cp.pairPeople) {
    if (people < minSupport) continue;
    const a = Math.floor(key / cp.nItems);
    const b = key - a * cp.nItems;
    out.push({a, b, people, orders: ordersBoth(cp, a, b), lift: lift(cp, a, b), p_value: pairPValue(cp, a, b)});
  }
  return out.sort((x, y) => y.people - x.people || x.a - y.a || x.b - y.b);
}

/** Pairs of different items held together by at least `minOrders` orders, most orders first. */
export function boughtTogether(cp: CoPurchase, minOrders: number): AffinityPair[] {
  const out: AffinityPair[] = [];
  for (const [key, orders] of cp.pairOrders) {
    if (orders < minOrders) continue;
    const a = Math.floor(key / cp.nItems);
    const b = key - a * cp.nItems;
    out.push({a, b, people: peopleBoth(cp, a, b), orders, lift: lift(cp, a, b), p_value: pairPValue(cp, a, b)});
  }
  return out.sort((x, y) => y.orders - x.orders || x.a - y.a || x.b - y.b);
}

export interface CrossSell {
  /** The category people bought… */
  from: number;
  /** …and the one to offer them. */
  to: number;
  /** Buyers of `from` who never bought `to`: n_a − n_ab. */
  audience: number;
  /** P̃(to | from), the shrunk share of `from`'s buyers who also bought `to`. */
  conversion: number;
  lift: number;
  /** One-sided p-value of the joint buyers under independence. */
  p_value: number;
  /** People who bought both. */
  people: number;
  /** Average spend on `to` in an order that holds it. */
  value: number;
  /** audience × conversion × value. */
  expected_revenue: number;
}

/**
 * Directed pairs with at least `minSupport` people and a lift above 1 (buyers of `from` take `to` more often
 * than everyone does), ranked by expected revenue = audience × conversion × value.
 */
export function crossSellOpportunities(
  cp: CoPurchase,
  value: ArrayLike<number>,
  minSupport: number,
  priorStrength: number
): CrossSell[] {
  const out: CrossSell[] = [];
  for (const [key, people] of cp.pairPeople) {
    if (people < minSupport) continue;
    const a = Math.floor(key / cp.nItems);
    const b = key - a * cp.nItems;
    for (const [from, to] of [
      [a, b],
      [b, a]
    ] as const) {
      const l = lift(cp, from, to);
      const v = value[to]!;
      if (!(l > 1) || !(v > 0)) continue;
      const audience = cp.buyers[from]! - people;
      const conversion = shrunkConditional(cp, from, to, priorStrength);
      out.push({
        from,
        to,
        audience,
        conversion,
        lift: l,
        p_value: pairPValue(cp, from, to),
        people,
        value: v,
        expected_revenue: audience * conversion * v
      });
    }
  }
  return out.sort((x, y) => y.expected_revenue - x.expected_revenue || x.from - y.from || x.to - y.to);
}
