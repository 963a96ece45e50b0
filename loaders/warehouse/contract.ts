// The input contract: the nine Olist CSVs by their Kaggle names, which are required, and the columns each
// must have. Column names are matched case-insensitively after trimming; `aliases` accept the correct
// spelling of the columns the real files misspell, so a corrected copy of the data still loads.
import {InputError} from "./errors.js";

export type TableName =
  | "customers"
  | "orders"
  | "order_items"
  | "order_payments"
  | "order_reviews"
  | "products"
  | "sellers"
  | "geolocation"
  | "category_translation";

export interface TableContract {
  table: TableName;
  file: string; // Kaggle file name; `.csv.gz` is accepted too
  required: boolean;
  columns: string[]; // canonical names, in the real files' order
  aliases?: Record<string, string>; // other spelling → canonical name
  /** What the site loses when this optional file is absent (shown on the data-quality page). */
  disables?: string;
}

export const CONTRACT: TableContract[] = [
  {
    table: "customers",
    file: "olist_customers_dataset.csv",
    required: true,
    columns: ["customer_id", "customer_unique_id", "customer_zip_code_prefix", "customer_city", "customer_state"]
  },
  {
    table: "orders",
    file: "olist_orders_dataset.csv",
    required: true,
    columns: [
      "order_id",
      "customer_id",
      "order_status",
      "order_purchase_timestamp",
      "order_approved_at",
      "order_delivered_carrier_date",
      "order_delivered_customer_date",
      "order_estimated_delivery_date"
    ]
  },
  {
    table: "order_items",
    file: "olist_order_items_dataset.csv",
    required: true,
    columns: ["order_id", "order_item_id", "product_id", "seller_id", "shipping_limit_date", "price", "freight_value"]
  },
  {
    table: "order_payments",
    file: "olist_order_payments_dataset.csv",
    required: true,
    columns: ["order_id", "payment_sequential", "payment_type", "payment_installments", "payment_value"]
  },
  {
    table: "order_reviews",
    file: "olist_order_reviews_dataset.csv",
    required: false,
    columns: [
      "review_id",
      "order_id",
      "review_score",
      "review_comment_title",
      "review_comment_message",
      "review_creation_date",
      "review_answer_timestamp"
    ],
    disables: "review scores and review text (review insights, review-based features)"
  },
  {
    table: "products",
    file: "olist_products_dataset.csv",
    required: false,
    columns: [
      "product_id",
      "product_category_name",
      "product_name_lenght",
      "product_description_lenght",
      "product_photos_qty",
      "product_weight_g",
      "product_length_cm",
      "product_height_cm",
      "product_width_cm"
    ],
    aliases: {product_name_length: "product_name_lenght", product_description_length: "product_description_lenght"},
    disables: "product categories (top categories, category filters and features)"
  },
  {
    table: "sellers",
    file: "olist_sellers_dataset.csv",
    required: false,
    columns: ["seller_id", "seller_zip_code_prefix", "seller_city", "seller_state"],
    disables: "seller locations (seller states, customer–seller distance)"
  },
  {
    table: "geolocation",
    file: "olist_geolocation_dataset.csv",
    required: false,
    columns: [
      "geolocation_zip_code_prefix",
      "geolocation_lat",
      "geolocation_lng",
      "geolocation_city",
      "geolocation_state"
    ],
    disables: "maps and distances (zip-prefix coordinates)"
  },
  {
    table: "category_translation",
    file: "product_category_name_translation.csv",
    required: false,
    columns: ["product_category_name", "product_category_name_english"],
    disables: "English category names (Portuguese names are shown instead)"
  }
];

/** The same table exported from a warehouse (BigQuery, Snowflake, Spark): the Kaggle name ending in .parquet. */
export const parquetFile = (contract: TableContract) => contract.file.replace(/\.csv$/, ".parquet");

/** The same table in a DuckDB database: the Kaggle name without its extension. */
export const tableName = (contract: TableContract) => contract.file.replace(/\.csv$/, "");

/**
 * The input's name for each of the contract's columns, in the contract's order, from the input's column names
 * (a CSV header, or a typed table's columns): case and surrounding spaces do not matter; aliases accept corrected
 * spellings. A required column that is absent stops the build, naming the file and the column.
 */
export function inputColumns(contract: TableContract, file: string, names: string[]): string[] {
  const canonical = names.map((name) => {
    const lower = name.trim().toLowerCase();
    return contract.aliases?.[lower] ?? lower;
  });
  return contract.columns.map((column) => {
    const i = canonical.indexOf(column);
    if (i < 0) {
      throw new InputError(
        `${file}: required column "${column}" is missing (header: ${names.join(", ")})`,
        file,
        column
      );
    }
    return names[i];
  });
}

export const ORDER_STATUSES = [
  "delivered",
  "shipped",
  "canceled",
  "unavailable",
  "invoiced",
  "processing",
  "created",
  "approved"
] as const;

export const PAYMENT_TYPES = ["credit_card", "boleto", "voucher", "debit_card", "not_defined"] as const;
