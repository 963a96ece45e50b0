// recommendations.parquet (everyone's lists, the downloadable file) and recommendation-lookup.pack (the same rows in
// a lookup pack, lib/lookup/pack.ts, for the page's customer lookup) hold one row per person, readable as it stands:
// product ids, category names and state codes as in the data, so that neither needs a table of codes beside it.
// recommendation-lists.json says how the lists were made. Written by loaders/recommendations/.
import type {ReasonKind} from "../recs/reasons.js";

/** One person's ten products and ten categories, best first, as parallel lists. */
export type RecommendationRow = {
  customer_unique_id: string;
  state: string | null;
  orders: number;
  /** "history": more than one order, served by latent factors; "first order": by its categories' co-purchase neighbours. */
  basis: "history" | "first order";
  /** Product ids, and each product's category (null without one). */
  product: string[];
  product_category: (string | null)[];
  product_reason: ReasonKind[];
  /**
   * What the reason refers to (see REASON_KINDS): a product id ("together", "co_buyers"), a category ("latent",
   * "best_seller_in"), a state ("popular_state…") or null.
   */
  product_because: (string | null)[];
  /** The category of product_because when it is a product, else null. */
  product_because_category: (string | null)[];
  /** The count behind the reason (orders or people). */
  product_support: number[];
  category: string[];
  category_reason: ReasonKind[];
  /** A category ("co_buyers", "latent"), a state ("popular_state…") or null. */
  category_because: (string | null)[];
  category_support: number[];
};

/** The DuckDB types of a row's columns, in file order. */
export const RECOMMENDATION_COLUMNS = {
  customer_unique_id: "VARCHAR",
  state: "VARCHAR",
  orders: "INTEGER",
  basis: "VARCHAR",
  product: "VARCHAR[]",
  product_category: "VARCHAR[]",
  product_reason: "VARCHAR[]",
  product_because: "VARCHAR[]",
  product_because_category: "VARCHAR[]",
  product_support: "INTEGER[]",
  category: "VARCHAR[]",
  category_reason: "VARCHAR[]",
  category_because: "VARCHAR[]",
  category_support: "INTEGER[]"
} as const satisfies Record<keyof RecommendationRow, string>;
