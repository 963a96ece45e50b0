// Why an item is recommended, as data (a kind, the item/category/state it comes from, a count) and in words.

/** Reason kinds, as named in the *_reason lists of recommendations.parquet. */
export const REASON_KINDS = [
  "together", // bought in the same order as `because` (an item the person bought) in `support` orders
  "co_buyers", // bought by `support` people who also bought `because`
  "again", // the person bought it before, and `support` people bought it in two or more orders
  "latent", // the latent-factor model ranks it high, mostly because of the person's purchases in category `because`
  "best_seller_in", // the best-selling product of category `because` (`support` orders), a category picked for the person
  "popular_state_recent", // popular in state `because` in the recent weeks (`support` orders)
  "popular_state", // popular in state `because` (`support` orders)
  "popular_recent", // popular everywhere in the recent weeks (`support` orders)
  "popular" // a best seller overall (`support` orders)
] as const;

export type ReasonKind = (typeof REASON_KINDS)[number];

export interface Reason {
  kind: ReasonKind;
  /** Code of the item, category or state the reason refers to (see REASON_KINDS), −1 for none. */
  because: number;
  support: number;
}

export interface Rec {
  item: number;
  reason: Reason;
}

/** A category's name for people: "bed_bath_table" → "bed bath table". */
export function categoryLabel(name: string): string {
  return name.replace(/_/g, " ");
}

/** A product for people: Olist products have no names, so the start of the id and the category. */
export function productLabel(id: string, category: string | null): string {
  return `product ${id.slice(0, 8)}${category ? ` (${categoryLabel(category)})` : ""}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * The reason in words. `because` is the label of what the reason refers to (an item, a category or a state),
 * `weeks` the length of the "recent" window.
 */
export function reasonText(kind: ReasonKind, because: string | null, support: number, weeks: number): string {
  const what = because ?? "?";
  switch (kind) {
    case "together":
      return `bought together with ${what} in ${plural(support, "order")}`;
    case "co_buyers":
      return `${plural(support, "person", "people")} who bought ${what} also bought it`;
    case "again":
      return `bought before; ${plural(support, "person", "people")} bought it again`;
    case "latent":
      return `fits the purchase history (latent factors), mostly through ${what}`;
    case "best_seller_in":
      return `best seller in ${what} (${plural(support, "order")})`;
    case "popular_state_recent":
      return `popular in ${what} in the last ${weeks} weeks (${plural(support, "order")})`;
    case "popular_state":
      return `popular in ${what} (${plural(support, "order")})`;
    case "popular_recent":
      return `popular in the last ${weeks} weeks (${plural(support, "order")})`;
    case "popular":
      return `a best seller (${plural(support, "order")})`;
  }
}
