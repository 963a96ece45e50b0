// The page's helpers: the affinity heatmap's cells, and one person's row of recommendation-lookup.pack as
// readable lists.
import {describe, expect, test} from "vitest";
import {affinityCells} from "../../src/components/recs-affinity-heatmap.js";
import {describeLists} from "../../src/components/recs-lookup.js";

describe("the affinity heatmap's cells", () => {
  test("the most-bought categories, both orders of each pair, grey cells for pairs under the minimum", () => {
    const data = {
      categories: [
        {name: "a", buyers: 5},
        {name: "b", buyers: 9},
        {name: "c", buyers: 7},
        {name: "d", buyers: 0}
      ],
      pairs: [
        {a: "a", b: "b", people: 5, orders: 2, lift: 1.5, p_value: 0.1},
        {a: "a", b: "c", people: 6, orders: 1, lift: 0.8, p_value: 0.7}
      ],
      min_support: {category: 5}
    };
    const top2 = affinityCells(data, 2);
    expect(top2.names).toEqual(["b", "c"]);
    expect(top2.shown).toEqual([]);
    expect(top2.sparse).toEqual([
      {a: "b", b: "c"},
      {a: "c", b: "b"}
    ]);
    const all = affinityCells(data, 10);
    expect(all.names).toEqual(["b", "c", "a"]); // d has no buyers
    expect(all.shown.map((c) => [c.a, c.b, c.lift])).toEqual([
      ["a", "b", 1.5],
      ["b", "a", 1.5],
      ["a", "c", 0.8],
      ["c", "a", 0.8]
    ]);
    expect(all.sparse).toEqual([
      {a: "b", b: "c"},
      {a: "c", b: "b"}
    ]);
  });
});

describe("a person's lists in words", () => {
  test("items, categories and reasons in words, with what each reason refers to", () => {
    const shown = describeLists(
      {
        customer_unique_id: "u1",
        state: "SP",
        orders: 1,
        basis: "first order",
        product: ["bbbbbbbb2222", "aaaaaaaa1111"],
        product_category: [null, "bed_bath_table"],
        product_reason: ["together", "best_seller_in"],
        product_because: ["aaaaaaaa1111", "health_beauty"],
        product_because_category: ["bed_bath_table", null],
        product_support: [41, 7],
        category: ["health_beauty", "bed_bath_table"],
        category_reason: ["popular_state_recent", "again"],
        category_because: ["SP", null],
        category_support: [12, 3]
      },
      8
    );
    expect(shown.product).toEqual([
      {
        rank: 1,
        id: "bbbbbbbb2222",
        label: "product bbbbbbbb",
        category: null,
        reason: "bought together with product aaaaaaaa (bed bath table) in 41 orders"
      },
      {
        rank: 2,
        id: "aaaaaaaa1111",
        label: "product aaaaaaaa (bed bath table)",
        category: "bed bath table",
        reason: "best seller in health beauty (7 orders)"
      }
    ]);
    expect(shown.category).toEqual([
      {
        rank: 1,
        id: "health_beauty",
        label: "health beauty",
        category: "health beauty",
        reason: "popular in SP in the last 8 weeks (12 orders)"
      },
      {
        rank: 2,
        id: "bed_bath_table",
        label: "bed bath table",
        category: "bed bath table",
        reason: "bought before; 3 people bought it again"
      }
    ]);
  });
});
