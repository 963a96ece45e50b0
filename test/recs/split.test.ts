// The time split: training holds nothing after the cutoff, the test case is each returning person's next basket,
// and the whole evaluation (models and every candidate's lists) is blind to what happens after the cutoff.
import {describe, expect, test} from "vitest";
import {histories, splitAtCutoff, type Basket} from "../../lib/recs/baskets.js";
import {evaluateCandidates} from "../../lib/recs/evaluate.js";
import {CANDIDATES, DEFAULT_PARAMS, type Catalog} from "../../lib/recs/recommender.js";
import {rng} from "../../lib/random.js";

const basket = (person: number, day: number, products: number[], state = 0): Basket => ({
  person,
  day,
  state,
  products,
  categories: products.map((p) => p % 3)
});

describe("the time split", () => {
  // Cutoff day 10, last day 20.
  const baskets = [
    basket(0, 1, [1]),
    basket(0, 10, [2]),
    basket(0, 11, [3]),
    basket(0, 15, [4]), // returns on day 11
    basket(1, 5, [1]), // never returns
    basket(2, 12, [5]),
    basket(2, 13, [6]), // first bought after the cutoff: nothing to recommend from
    basket(3, 2, [7]),
    basket(3, 25, [8]), // returns after the last day: not observed
    basket(4, 10, [9], 1),
    basket(4, 20, [1, 2], 1) // bought on the cutoff day (training) and on the last day (test)
  ];
  const split = splitAtCutoff(baskets, 10, 20);

  test("training is every basket up to and including the cutoff day, and nothing after", () => {
    expect(split.training.map((b) => [b.person, b.day])).toEqual([
      [0, 1],
      [0, 10],
      [1, 5],
      [3, 2],
      [4, 10]
    ]);
    expect(split.training.every((b) => b.day <= 10)).toBe(true);
  });

  test("the test is the next basket of each person with a history who bought again by the last day", () => {
    expect(
      split.test.map((c) => [c.history.person, c.history.baskets.map((b) => b.day), c.next.day, c.next.products])
    ).toEqual([
      [0, [1, 10], 11, [3]],
      [4, [10], 20, [1, 2]]
    ]);
    expect(split.test[1]!.history.state).toBe(1);
  });

  test("bad orderings and windows are errors", () => {
    expect(() => splitAtCutoff(baskets, 20, 20)).toThrow(/cutoff \(day 20\) must be before the last day/);
    expect(() => histories([basket(0, 5, [1]), basket(0, 3, [1])])).toThrow(
      /person 0's basket 1 \(day 3\) comes after a later one \(day 5\)/
    );
    expect(() => histories([basket(0, 1, [1]), basket(1, 1, [1]), basket(0, 2, [1])])).toThrow(
      /person 0's baskets are not together/
    );
  });
});

describe("the evaluation leaks nothing from after the cutoff", () => {
  const catalog: Catalog = {
    nProducts: 40,
    nCategories: 3,
    nStates: 3,
    productCategory: Int32Array.from({length: 40}, (_, p) => p % 3)
  };
  const CUTOFF = 120;
  const LAST = 200;

  /** 400 people with random baskets; `after` draws the baskets after the cutoff from its own stream. */
  function dataset(afterSeed: number, extraPeople: number): Basket[] {
    const before = rng(1);
    const after = rng(afterSeed);
    const out: Basket[] = [];
    const products = (r: ReturnType<typeof rng>) => [
      ...new Set(Array.from({length: 1 + r.int(0, 2)}, () => r.int(0, 39)))
    ];
    for (let person = 0; person < 400 + extraPeople; person++) {
      const state = person % 3;
      const days: number[] = [];
      if (person < 400) for (let n = 1 + before.int(0, 2); n > 0; n--) days.push(before.int(0, CUTOFF));
      // Whether a person returns after the cutoff stays the same in both datasets; when and what they buy does not.
      const returns = person < 400 ? person % 4 === 0 : true;
      // The first return is within the test window; later ones may fall after it.
      if (returns)
        days.push(
          after.int(CUTOFF + 1, LAST),
          ...Array.from({length: after.int(0, 2)}, () => after.int(CUTOFF + 1, LAST + 30))
        );
      days.sort((a, b) => a - b);
      for (const day of days) {
        const r = day <= CUTOFF ? before : after;
        const items = products(r);
        out.push({person, day, state, products: items, categories: [...new Set(items.map((p) => p % 3))]});
      }
    }
    return out;
  }

  test("changing everything after the cutoff changes no model and no recommendation", () => {
    const params = {...DEFAULT_PARAMS, minSupport: {product: 1, category: 1}};
    const a = evaluateCandidates(dataset(2, 0), catalog, CUTOFF, LAST, params);
    const b = evaluateCandidates(dataset(3, 50), catalog, CUTOFF, LAST, params);
    expect(a.cases.length).toBeGreaterThan(50);
    // Same training data, same models.
    expect(b.training).toEqual(a.training);
    expect(b.model.product.coPurchase).toEqual(a.model.product.coPurchase);
    expect(b.model.category.popularity).toEqual(a.model.category.popularity);
    expect(b.model.als!.items).toEqual(a.model.als!.items);
    // The same test people (extra people have no history), with different next baskets…
    const people = (e: typeof a) => e.cases.map((c) => c.history.person);
    expect(people(b)).toEqual(people(a));
    expect(b.cases.map((c) => c.next)).not.toEqual(a.cases.map((c) => c.next));
    // …get exactly the same lists from every candidate at both levels.
    for (const candidate of CANDIDATES) expect(b.lists.get(candidate)).toEqual(a.lists.get(candidate));
  });

  test("a product bought only after the cutoff is unknown to the trained models", () => {
    const data = dataset(2, 0).map((bk) =>
      bk.day > CUTOFF ? {...bk, products: [...bk.products, 39]} : {...bk, products: bk.products.filter((p) => p !== 39)}
    );
    const ev = evaluateCandidates(data, catalog, CUTOFF, LAST, DEFAULT_PARAMS);
    expect(ev.model.product.coPurchase.buyers[39]).toBe(0);
    expect(ev.model.product.popularity.overall.items).not.toContain(39);
    for (const candidate of CANDIDATES) expect(ev.lists.get(candidate)!.product.flat()).not.toContain(39);
    // Every test person bought it next, so nobody could be recommended it: it is outside the training catalog.
    expect(ev.cases.every((c) => c.next.products.includes(39))).toBe(true);
    expect(ev.rows.find((r) => r.level === "product")!.catalog_items).toBe(39);
  });
});
