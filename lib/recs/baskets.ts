// Purchases as the recommenders see them: one basket per order, people's histories, and the time split that
// evaluates them (train on baskets up to the cutoff T, test on each returning person's next basket after T).

/** One order: who bought, when, where, and what, as codes into the product, category and state tables. */
export interface Basket {
  person: number;
  /** Purchase day as days since 1970-01-01. */
  day: number;
  /** Code of the customer's state on this order, −1 when unknown. */
  state: number;
  /** Distinct products of the order. */
  products: number[];
  /** Distinct categories of those products (products without a category are left out). */
  categories: number[];
}

/** A person's baskets in purchase order, and the state of the latest one. */
export interface PersonHistory {
  person: number;
  state: number;
  baskets: Basket[];
}

/**
 * Groups baskets by person. The input must hold each person's baskets together and in purchase order (the
 * loader's query sorts them so); anything else is an error rather than a silently wrong "next purchase".
 */
export function histories(baskets: readonly Basket[]): PersonHistory[] {
  const out: PersonHistory[] = [];
  const seen = new Set<number>();
  let current: PersonHistory | null = null;
  for (const [i, b] of baskets.entries()) {
    if (current && b.person === current.person) {
      const last = current.baskets[current.baskets.length - 1]!;
      if (b.day < last.day)
        throw new Error(
          `baskets: person ${b.person}'s basket ${i} (day ${b.day}) comes after a later one (day ${last.day})`
        );
      current.baskets.push(b);
      current.state = b.state;
      continue;
    }
    if (seen.has(b.person))
      throw new Error(`baskets: person ${b.person}'s baskets are not together (again at basket ${i})`);
    seen.add(b.person);
    current = {person: b.person, state: b.state, baskets: [b]};
    out.push(current);
  }
  return out;
}

export interface TestCase {
  /** What the person had bought up to the cutoff: all a recommender may use. */
  history: PersonHistory;
  /** The person's first basket after the cutoff: what they bought next. */
  next: Basket;
}

export interface TimeSplit {
  cutoffDay: number;
  lastDay: number;
  /** Every basket on or before the cutoff day, and nothing after it. */
  training: Basket[];
  /** People with a basket up to the cutoff and another in (cutoff, lastDay]. */
  test: TestCase[];
}

/** Train on baskets up to and including `cutoffDay`; test on each returning person's next basket up to `lastDay`. */
export function splitAtCutoff(baskets: readonly Basket[], cutoffDay: number, lastDay: number): TimeSplit {
  if (!(cutoffDay < lastDay))
    throw new Error(`time split: the cutoff (day ${cutoffDay}) must be before the last day (${lastDay})`);
  const training: Basket[] = [];
  const test: TestCase[] = [];
  for (const h of histories(baskets)) {
    const before = h.baskets.filter((b) => b.day <= cutoffDay);
    training.push(...before);
    const next = h.baskets.find((b) => b.day > cutoffDay && b.day <= lastDay);
    if (before.length > 0 && next) {
      test.push({history: {person: h.person, state: before[before.length - 1]!.state, baskets: before}, next});
    }
  }
  return {cutoffDay, lastDay, training, test};
}
