// One person's lists (a row of recommendation-lookup.pack, lib/contracts/recommendations.ts) as readable rows: the
// item, its category and the reason in words.
import type {RecommendationRow} from "../lib/contracts/recommendations.js";
import {categoryLabel, productLabel, reasonText} from "../lib/recs/reasons.js";

export interface ShownRec {
  rank: number;
  /** Product id or category name, as in the data. */
  id: string;
  label: string;
  category: string | null;
  reason: string;
}

/** `weeks` is the length of the "recent" window (recommendation-lists.json's recent.weeks). */
export function describeLists(person: RecommendationRow, weeks: number): Record<"product" | "category", ShownRec[]> {
  const product = person.product.map((id, i) => {
    const kind = person.product_reason[i]!;
    const because = person.product_because[i] ?? null;
    const refersToProduct = kind === "together" || kind === "co_buyers";
    const category = person.product_category[i] ?? null;
    return {
      rank: i + 1,
      id,
      label: productLabel(id, category),
      category: category === null ? null : categoryLabel(category),
      reason: reasonText(
        kind,
        because === null
          ? null
          : refersToProduct
            ? productLabel(because, person.product_because_category[i] ?? null)
            : kind.startsWith("popular_state")
              ? because
              : categoryLabel(because),
        person.product_support[i]!,
        weeks
      )
    };
  });
  const category = person.category.map((name, i) => {
    const kind = person.category_reason[i]!;
    const because = person.category_because[i] ?? null;
    return {
      rank: i + 1,
      id: name,
      label: categoryLabel(name),
      category: categoryLabel(name),
      reason: reasonText(
        kind,
        because === null ? null : kind.startsWith("popular_state") ? because : categoryLabel(because),
        person.category_support[i]!,
        weeks
      )
    };
  });
  return {product, category};
}
