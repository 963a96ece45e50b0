// One person's row of recommendations.parquet decoded with recommendation-codes.json into readable lists: the
// item, its category and the reason in words.
import {categoryLabel, productLabel, reasonText, type ReasonKind} from "../lib/recs/reasons.js";

export interface RecCodes {
  products: {id: string; category: number}[];
  categories: string[];
  states: string[];
  reasons: ReasonKind[];
  recent: {weeks: number};
}

/** A row of recommendations.parquet; the lists may be Arrow vectors or arrays. */
export interface PersonLists {
  customer_unique_id: string;
  state: string | null;
  orders: number;
  basis: string;
  product: Iterable<number>;
  product_reason: Iterable<number>;
  product_because: Iterable<number>;
  product_support: Iterable<number>;
  category: Iterable<number>;
  category_reason: Iterable<number>;
  category_because: Iterable<number>;
  category_support: Iterable<number>;
}

export interface ShownRec {
  rank: number;
  /** Product id or category name, as in the data. */
  id: string;
  label: string;
  category: string | null;
  reason: string;
}

type Level = "product" | "category";

export function describeLists(person: PersonLists, codes: RecCodes): Record<Level, ShownRec[]> {
  const categoryName = (c: number) => (c >= 0 ? (codes.categories[c] ?? null) : null);
  const productShown = (p: number) => {
    const product = codes.products[p]!;
    return productLabel(product.id, categoryName(product.category));
  };
  const because = (level: Level, kind: ReasonKind, code: number): string | null => {
    if (kind === "together" || kind === "co_buyers")
      return level === "product" ? productShown(code) : categoryLabel(categoryName(code) ?? "?");
    if (kind === "latent" || kind === "best_seller_in") return categoryLabel(categoryName(code) ?? "?");
    if (kind === "popular_state" || kind === "popular_state_recent") return codes.states[code] ?? "?";
    return null;
  };
  const list = (level: Level): ShownRec[] => {
    const items = Array.from(person[level], Number);
    const reasons = Array.from(person[`${level}_reason`], Number);
    const becauses = Array.from(person[`${level}_because`], Number);
    const supports = Array.from(person[`${level}_support`], Number);
    return items.map((item, i) => {
      const kind = codes.reasons[reasons[i]!]!;
      const product = level === "product" ? codes.products[item]! : null;
      const category = product ? categoryName(product.category) : categoryName(item);
      return {
        rank: i + 1,
        id: product ? product.id : (category ?? "?"),
        label: product ? productShown(item) : categoryLabel(category ?? "?"),
        category: category === null ? null : categoryLabel(category),
        reason: reasonText(kind, because(level, kind, becauses[i]!), supports[i]!, codes.recent.weeks)
      };
    });
  };
  return {product: list("product"), category: list("category")};
}
