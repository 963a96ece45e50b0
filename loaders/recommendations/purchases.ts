// Reads the purchases from the warehouse and encodes them as baskets of integer codes for lib/recs.
import type {Basket} from "../../lib/recs/baskets.js";
import type {Catalog} from "../../lib/recs/recommender.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {sql} from "../sql.js";

export interface Purchases {
  baskets: Basket[];
  catalog: Catalog;
  /** What the codes stand for. */
  people: string[];
  products: string[];
  /** Category names (English where translated), sorted. */
  categories: string[];
  /** State codes, sorted. */
  states: string[];
  /** Average spend on a category in an order that holds it (item prices), by category code. */
  categoryValue: Float64Array;
}

interface Row {
  person_id: string;
  order_id: string;
  day: number;
  state: string | null;
  product_id: string;
  category: string | null;
  price: number;
}

function codes(values: Iterable<string>): Map<string, number> {
  return new Map([...new Set(values)].sort().map((v, i) => [v, i]));
}

/** Valid orders with items of known people purchased on or before `until` (YYYY-MM-DD). */
export async function loadPurchases(warehouse: Warehouse, until: string): Promise<Purchases> {
  // The purchases are read in chunks (one row per order and product would be millions of objects at scale); the
  // category and state codes, which must exist before the first basket, come from two small queries first.
  const purchases = sql("recommendations/purchases");
  const distinct = async (column: "category" | "state") =>
    codes(
      (
        await warehouse.query<{v: string}>(
          `SELECT DISTINCT ${column} AS v FROM (${purchases.replace(/;\s*$/, "")}) WHERE ${column} IS NOT NULL`,
          {until}
        )
      ).map((r) => r.v)
    );
  const categoryCode = await distinct("category");
  const stateCode = await distinct("state");
  const personCode = new Map<string, number>();
  const productCode = new Map<string, number>();
  const productCategory: number[] = [];
  const spend = new Float64Array(categoryCode.size);
  const ordersWith = new Float64Array(categoryCode.size);
  const baskets: Basket[] = [];
  let order: string | null = null;
  let orderSpend = new Map<number, number>();
  const closeOrder = () => {
    for (const [c, s] of orderSpend) {
      spend[c]! += s;
      ordersWith[c]!++;
    }
    orderSpend = new Map();
  };
  for await (const rows of warehouse.stream<Row>(purchases, {until}))
    for (const r of rows) {
      if (!personCode.has(r.person_id)) personCode.set(r.person_id, personCode.size);
      if (!productCode.has(r.product_id)) {
        productCode.set(r.product_id, productCode.size);
        productCategory.push(r.category === null ? -1 : categoryCode.get(r.category)!);
      }
      const product = productCode.get(r.product_id)!;
      const category = productCategory[product]!;
      if (r.order_id !== order) {
        closeOrder();
        order = r.order_id;
        baskets.push({
          person: personCode.get(r.person_id)!,
          day: r.day,
          state: r.state === null ? -1 : stateCode.get(r.state)!,
          products: [],
          categories: []
        });
      }
      const basket = baskets[baskets.length - 1]!;
      basket.products.push(product);
      if (category >= 0) {
        if (!basket.categories.includes(category)) basket.categories.push(category);
        orderSpend.set(category, (orderSpend.get(category) ?? 0) + r.price);
      }
    }
  closeOrder();
  return {
    baskets,
    catalog: {
      nProducts: productCode.size,
      nCategories: categoryCode.size,
      nStates: stateCode.size,
      productCategory: Int32Array.from(productCategory)
    },
    people: [...personCode.keys()],
    products: [...productCode.keys()],
    categories: [...categoryCode.keys()],
    states: [...stateCode.keys()],
    categoryValue: Float64Array.from(spend, (s, c) => (ordersWith[c]! > 0 ? s / ordersWith[c]! : NaN))
  };
}
