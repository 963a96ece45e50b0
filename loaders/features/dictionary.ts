// The customer feature dictionary: one entry per column of customer-features.sql, in its order (a test checks
// that both agree). "Orders" means orders that are not canceled or unavailable, purchased on or before the
// cutoff; deliveries and reviews count only once they happened, on or before the cutoff.

export type FeatureGroup = "RFM" | "temporal" | "payment" | "delivery" | "reviews" | "product" | "geography" | "seller";

export interface FeatureDefinition {
  name: string;
  group: FeatureGroup;
  definition: string;
  unit: string;
  kind: "numeric" | "categorical" | "flag";
}

const f = (
  name: string,
  group: FeatureGroup,
  unit: string,
  definition: string,
  kind: FeatureDefinition["kind"] = "numeric"
): FeatureDefinition => ({
  name,
  group,
  definition,
  unit,
  kind
});

export const FEATURES: readonly FeatureDefinition[] = [
  f("recency_days", "RFM", "days", "Days from the last order's purchase date to the cutoff"),
  f("frequency", "RFM", "orders", "Number of orders"),
  f("monetary_total", "RFM", "BRL", "Sum of payments over all orders"),
  f("monetary_avg_order", "RFM", "BRL", "Average payments per order"),
  f("monetary_max_order", "RFM", "BRL", "Largest order's payments"),
  f("first_order_value", "RFM", "BRL", "Payments of the first order"),
  f("last_order_value", "RFM", "BRL", "Payments of the latest order"),
  f("orders_all", "RFM", "orders", "Orders of any status, including canceled and unavailable"),
  f(
    "canceled_orders",
    "RFM",
    "orders",
    "Canceled or unavailable orders (their final status: the data has no cancellation date)"
  ),
  f("last_order_canceled", "RFM", "flag", "1 when the latest order of any status is canceled or unavailable", "flag"),

  f("tenure_days", "temporal", "days", "Days from the first order's purchase date to the cutoff"),
  f("active_span_days", "temporal", "days", "Days between the first and the last order"),
  f("avg_gap_days", "temporal", "days", "Average time between consecutive orders (empty for one order)"),
  f("min_gap_days", "temporal", "days", "Shortest time between consecutive orders (empty for one order)"),
  f("max_gap_days", "temporal", "days", "Longest time between consecutive orders (empty for one order)"),
  f(
    "std_gap_days",
    "temporal",
    "days",
    "Standard deviation of the gaps between orders (empty for fewer than three orders)"
  ),
  f(
    "orders_per_30_days",
    "temporal",
    "orders / 30 days",
    "Purchase velocity: orders per 30 days of tenure (tenure of at least one day)"
  ),
  f("orders_last_90d", "temporal", "orders", "Orders in the 90 days up to the cutoff"),
  f("orders_last_180d", "temporal", "orders", "Orders in the 180 days up to the cutoff"),
  f("orders_last_365d", "temporal", "orders", "Orders in the 365 days up to the cutoff"),
  f("spend_last_180d", "temporal", "BRL", "Payments of orders in the 180 days up to the cutoff"),
  f("spend_trend", "temporal", "ratio", "Spend trend: (spend in the last 180 days + 1) / (spend before that + 1)"),
  f("weekend_share", "temporal", "share", "Share of orders placed on Saturday or Sunday"),
  f("evening_share", "temporal", "share", "Share of orders placed from 18:00 to midnight"),
  f("night_share", "temporal", "share", "Share of orders placed from midnight to 06:00"),
  f("avg_purchase_hour", "temporal", "hour", "Average time of day of the orders (0–24)"),
  f("first_purchase_weekday", "temporal", "1–7", "ISO weekday of the first order (1 = Monday)"),
  f("first_purchase_month", "temporal", "1–12", "Calendar month of the first order"),
  f(
    "black_friday_buyer",
    "temporal",
    "0/1",
    "1 if an order was placed between 20 and 30 November (Black Friday weeks)",
    "flag"
  ),

  f("share_credit_card", "payment", "share", "Share of payment rows paid by credit card"),
  f("share_boleto", "payment", "share", "Share of payment rows paid by boleto"),
  f("share_voucher", "payment", "share", "Share of payment rows paid by voucher"),
  f("share_debit_card", "payment", "share", "Share of payment rows paid by debit card"),
  f("avg_installments", "payment", "installments", "Average number of installments of credit-card payments"),
  f("max_installments", "payment", "installments", "Largest number of installments of any payment"),
  f("installment_share", "payment", "share", "Share of payment rows in more than one installment"),
  f("used_voucher", "payment", "0/1", "1 if any order was paid (partly) with a voucher", "flag"),
  f("distinct_payment_types", "payment", "types", "Number of different payment types used"),
  f(
    "payment_rows_per_order",
    "payment",
    "rows / order",
    "Payment rows per order (vouchers split an order into several rows)"
  ),
  f("main_payment_type", "payment", "type", "Most used payment type", "categorical"),
  f(
    "last_order_installments",
    "payment",
    "installments",
    "Most credit-card installments of the latest order (0 when it was not paid by card)"
  ),
  f("last_order_voucher", "payment", "flag", "1 when the latest order was paid (partly) with a voucher", "flag"),

  f(
    "avg_delivery_days",
    "delivery",
    "days",
    "Average days from purchase to delivery, over orders delivered by the cutoff"
  ),
  f("max_delivery_days", "delivery", "days", "Longest delivery, over orders delivered by the cutoff"),
  f(
    "last_delivery_days",
    "delivery",
    "days",
    "Delivery time of the latest order (empty if not delivered by the cutoff)"
  ),
  f(
    "avg_lateness_days",
    "delivery",
    "days",
    "Average delivery date minus estimated date (positive = late), over delivered orders"
  ),
  f("late_share", "delivery", "share", "Share of delivered orders that arrived after the estimated date"),
  f(
    "last_order_late",
    "delivery",
    "0/1",
    "1 if the latest order arrived after its estimated date (empty if not delivered)",
    "flag"
  ),
  f(
    "last_order_overdue",
    "delivery",
    "flag",
    "1 when the latest order arrived after its estimated date or had not arrived by the cutoff although the estimate had passed; 0 when it arrived on time; empty while it is on its way within the estimate",
    "flag"
  ),
  f("undelivered_orders", "delivery", "orders", "Orders not delivered by the cutoff"),
  f("avg_estimated_days", "delivery", "days", "Average days from purchase to the estimated delivery date"),
  f("avg_freight", "delivery", "BRL", "Average freight per item"),
  f("freight_share", "delivery", "ratio", "Total freight divided by total item price"),

  f("review_count", "reviews", "reviews", "Reviews answered by the cutoff"),
  f("avg_review_score", "reviews", "1–5", "Average review score"),
  f("min_review_score", "reviews", "1–5", "Lowest review score"),
  f("last_review_score", "reviews", "1–5", "Score of the review of the latest reviewed order"),
  f("low_score_share", "reviews", "share", "Share of reviews scored 1 or 2"),
  f("comment_rate", "reviews", "share", "Share of reviews with a comment message"),
  f("title_rate", "reviews", "share", "Share of reviews with a title"),
  f("avg_review_answer_days", "reviews", "days", "Average days from the review request to the customer's answer"),

  f("items_total", "product", "items", "Items bought"),
  f("items_per_order", "product", "items / order", "Average items per order"),
  f("distinct_products", "product", "products", "Different products bought"),
  f("distinct_categories", "product", "categories", "Different product categories bought"),
  f(
    "category_entropy",
    "product",
    "bits",
    "Category diversity: Shannon entropy of the items over categories (0 = one category)"
  ),
  f("top_category", "product", "category", "Category with most items", "categorical"),
  f("first_category", "product", "category", "Category of the first item of the first order", "categorical"),
  f("last_category", "product", "category", "Category of the first item of the latest order", "categorical"),
  f(
    "last_category_repeat_rate",
    "product",
    "share",
    "Highest repeat rate among the latest order's categories: of the orders holding the category bought at least 60 days before the cutoff, the share whose buyer ordered again within 60 days (smoothed toward all orders' share with 50 pseudo-orders)"
  ),
  f("avg_item_price", "product", "BRL", "Average item price"),
  f("max_item_price", "product", "BRL", "Highest item price"),
  f(
    "price_vs_category_median",
    "product",
    "ratio",
    "Average of item price / median price of its category (1 = typical; medians over items bought by the cutoff)"
  ),
  f("avg_product_weight_g", "product", "g", "Average product weight"),
  f("avg_product_photos", "product", "photos", "Average number of product photos"),

  f("state", "geography", "state", "State of the latest order's address", "categorical"),
  f(
    "region",
    "geography",
    "region",
    "Brazilian region of that state (North, Northeast, Center-West, Southeast, South)",
    "categorical"
  ),
  f("customer_lat", "geography", "degrees", "Latitude of the customer's zip-prefix centroid (geolocation file)"),
  f("customer_lng", "geography", "degrees", "Longitude of the customer's zip-prefix centroid (geolocation file)"),
  f(
    "avg_seller_distance_km",
    "geography",
    "km",
    "Average great-circle distance from the customer's to each item's seller's zip-prefix centroid"
  ),

  f("distinct_sellers", "seller", "sellers", "Different sellers bought from"),
  f("same_state_seller_share", "seller", "share", "Share of items bought from a seller in the customer's state")
];

export const FEATURE_NAMES: readonly string[] = FEATURES.map((feature) => feature.name);
