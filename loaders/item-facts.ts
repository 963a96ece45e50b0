// The shared item-level view: `item_facts` (loaders/sql/item-facts.sql), one row per order item with its order's
// facts and its category. Call useItemFacts(warehouse) before a query that names item_facts.
import {sql} from "./sql.js";
import type {Warehouse} from "./warehouse/warehouse.js";

const ready = new WeakSet<Warehouse>();

/** Creates the temporary view item_facts on the warehouse's connection, once per connection. */
export async function useItemFacts(warehouse: Warehouse): Promise<Warehouse> {
  if (!ready.has(warehouse)) {
    await warehouse.query(sql("item-facts"));
    ready.add(warehouse);
  }
  return warehouse;
}
