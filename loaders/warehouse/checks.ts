// Row checks applied to each raw table (all columns read as text). The first failing check names the
// reason a row is rejected, so per-reason counts add up to the rejected rows. Orphans (an item whose order
// is unknown, …) are not rejects: they are kept and counted separately (sql/orphans.sql).
import {ORDER_STATUSES, PAYMENT_TYPES, type TableName} from "./contract.js";

export interface RowCheck {
  column: string;
  reason: string;
  /** SQL condition over the raw text columns that is true when the row must be rejected. */
  when: string;
}

const blank = (c: string) => `(${c} IS NULL OR trim(${c}) = '')`;
const number = (c: string) => `try_cast(trim(${c}) AS DOUBLE)`;
const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

const missing = (c: string): RowCheck => ({column: c, reason: `missing ${c}`, when: blank(c)});

function duplicate(key: string[]): RowCheck {
  const partition = key.map((c) => `trim(${c})`).join(", ");
  return {
    column: key.join(" + "),
    reason: `duplicate ${key.join(" + ")}`,
    when: `row_number() OVER (PARTITION BY ${partition} ORDER BY source_row) > 1`
  };
}

function timestamp(c: string, required = false): RowCheck {
  const bad = `try_cast(trim(${c}) AS TIMESTAMP) IS NULL`;
  return {column: c, reason: "bad timestamp", when: required ? bad : `(NOT ${blank(c)} AND ${bad})`};
}

/** A number that must parse and be finite ("nan" and "inf" parse as doubles in DuckDB). */
function numeric(c: string, required = true): RowCheck {
  const bad = `NOT coalesce(isfinite(${number(c)}), false)`;
  return {column: c, reason: "non-numeric value", when: required ? bad : `(NOT ${blank(c)} AND ${bad})`};
}

const negative = (c: string): RowCheck => ({column: c, reason: "negative value", when: `${number(c)} < 0`});

// A pattern, not try_cast: DuckDB casts '1.5' to BIGINT as 2.
function integer(c: string, required = true): RowCheck {
  const bad = `NOT coalesce(regexp_full_match(trim(${c}), '[+-]?[0-9]+'), false)`;
  return {column: c, reason: "not a whole number", when: required ? bad : `(NOT ${blank(c)} AND ${bad})`};
}

export const CHECKS: Record<TableName, RowCheck[]> = {
  customers: [missing("customer_id"), missing("customer_unique_id"), duplicate(["customer_id"])],
  orders: [
    missing("order_id"),
    missing("customer_id"),
    duplicate(["order_id"]),
    {
      column: "order_status",
      reason: "unknown order status",
      when: `coalesce(lower(trim(order_status)), '') NOT IN (${sqlList(ORDER_STATUSES)})`
    },
    timestamp("order_purchase_timestamp", true),
    timestamp("order_approved_at"),
    timestamp("order_delivered_carrier_date"),
    timestamp("order_delivered_customer_date"),
    timestamp("order_estimated_delivery_date")
  ],
  order_items: [
    missing("order_id"),
    integer("order_item_id"),
    missing("product_id"),
    missing("seller_id"),
    duplicate(["order_id", "order_item_id"]),
    timestamp("shipping_limit_date"),
    numeric("price"),
    negative("price"),
    numeric("freight_value"),
    negative("freight_value")
  ],
  order_payments: [
    missing("order_id"),
    integer("payment_sequential"),
    duplicate(["order_id", "payment_sequential"]),
    {
      column: "payment_type",
      reason: "unknown payment type",
      when: `coalesce(lower(trim(payment_type)), '') NOT IN (${sqlList(PAYMENT_TYPES)})`
    },
    integer("payment_installments"),
    negative("payment_installments"),
    numeric("payment_value"),
    negative("payment_value")
  ],
  order_reviews: [
    missing("review_id"),
    missing("order_id"),
    {
      column: "review_score",
      reason: "review score not 1–5",
      when: `coalesce(try_cast(trim(review_score) AS INTEGER) NOT BETWEEN 1 AND 5, true)`
    },
    timestamp("review_creation_date"),
    timestamp("review_answer_timestamp")
  ],
  products: [
    missing("product_id"),
    duplicate(["product_id"]),
    ...[
      "product_name_lenght",
      "product_description_lenght",
      "product_photos_qty",
      "product_weight_g",
      "product_length_cm",
      "product_height_cm",
      "product_width_cm"
    ].flatMap((c) => [numeric(c, false), negative(c)])
  ],
  sellers: [missing("seller_id"), duplicate(["seller_id"])],
  geolocation: [
    missing("geolocation_zip_code_prefix"),
    numeric("geolocation_lat"),
    numeric("geolocation_lng"),
    {
      // Brazil's extent with a margin; the real file has a few points in Europe and the Atlantic.
      column: "geolocation_lat, geolocation_lng",
      reason: "coordinates outside Brazil",
      when: `NOT (${number("geolocation_lat")} BETWEEN -34 AND 6 AND ${number("geolocation_lng")} BETWEEN -74 AND -34)`
    }
  ],
  category_translation: [missing("product_category_name"), duplicate(["product_category_name"])]
};

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * SELECT over `raw` that adds reject_reason, reject_column and reject_value (NULL when the row is kept).
 * The conditions are evaluated once, into the index of the first failing check; reason, column and value
 * are then looked up by that index, instead of evaluating every condition three times.
 */
export function checkedSelect(raw: string, checks: RowCheck[]): string {
  const firstColumn = (column: string) => column.split(/[ ,+]+/)[0];
  const first = `CASE ${checks.map((check, i) => `WHEN ${check.when} THEN ${i}`).join(" ")} END`;
  const byIndex = (value: (check: RowCheck) => string) =>
    `CASE reject_check ${checks.map((check, i) => `WHEN ${i} THEN ${value(check)}`).join(" ")} END`;
  return `SELECT * EXCLUDE (reject_check),
    ${byIndex((check) => quote(check.reason))} AS reject_reason,
    ${byIndex((check) => quote(check.column))} AS reject_column,
    ${byIndex((check) => `CAST(${firstColumn(check.column)} AS VARCHAR)`)} AS reject_value
  FROM (SELECT *, ${first} AS reject_check FROM ${raw})`;
}
