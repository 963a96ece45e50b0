"""The pandas peer of the ingest bench: the same CSVs to a per-person feature table of 45 of the features that
loaders/sql/features/customer-features.sql builds (RFM, timing, payments, delivery, reviews, products, sellers,
state), as an analyst would write it in pandas. Prints {"people": n} as JSON.
Usage: /usr/bin/python3 loaders/bench/pandas_features.py CSV_DIR OUT.csv
"""
import json
import os
import sys

import numpy as np
import pandas as pd

folder, out = sys.argv[1], sys.argv[2]


def read(name, **kw):
    path = os.path.join(folder, f"olist_{name}_dataset.csv")
    return pd.read_csv(path if os.path.exists(path) else path + ".gz", **kw)


orders = read("orders", parse_dates=["order_purchase_timestamp", "order_delivered_customer_date",
                                     "order_estimated_delivery_date"])
customers = read("customers", usecols=["customer_id", "customer_unique_id", "customer_state"])
items = read("order_items", usecols=["order_id", "product_id", "seller_id", "price", "freight_value"])
payments = read("order_payments")
reviews = read("order_reviews", usecols=["order_id", "review_score", "review_comment_message"])
products = read("products", usecols=["product_id", "product_category_name", "product_weight_g"])

orders = orders.merge(customers, on="customer_id")
cutoff = orders["order_purchase_timestamp"].max().normalize()
valid = orders[~orders["order_status"].isin(["canceled", "unavailable"])].copy()
pay_per_order = payments.groupby("order_id")["payment_value"].sum().rename("payment_value")
valid = valid.merge(pay_per_order, on="order_id", how="left")
valid = valid.sort_values(["customer_unique_id", "order_purchase_timestamp", "order_id"])
valid["purchase_day"] = valid["order_purchase_timestamp"].dt.normalize()
valid["gap_days"] = valid.groupby("customer_unique_id")["order_purchase_timestamp"].diff().dt.total_seconds() / 86400
delivered = valid["order_delivered_customer_date"]
valid["delivery_days"] = (delivered - valid["order_purchase_timestamp"]).dt.total_seconds() / 86400
valid["lateness_days"] = (delivered - valid["order_estimated_delivery_date"]).dt.total_seconds() / 86400
valid["late"] = np.where(valid["lateness_days"].notna(), (valid["lateness_days"] > 0).astype(float), np.nan)
hour = valid["order_purchase_timestamp"].dt.hour
valid["undelivered"] = delivered.isna().astype(int)
valid["weekend"] = valid["order_purchase_timestamp"].dt.dayofweek.isin([5, 6]).astype(int)
valid["evening"] = (hour >= 18).astype(int)
valid["night"] = (hour < 6).astype(int)
age = (cutoff - valid["purchase_day"]).dt.days
for days in (90, 180, 365):
    valid[f"in_{days}"] = (age < days).astype(int)
valid["spend_180"] = np.where(age < 180, valid["payment_value"], 0.0)

g = valid.groupby("customer_unique_id")
features = pd.DataFrame({
    "recency_days": (cutoff - g["purchase_day"].max()).dt.days,
    "frequency": g.size(),
    "monetary_total": g["payment_value"].sum(),
    "monetary_avg_order": g["payment_value"].mean(),
    "monetary_max_order": g["payment_value"].max(),
    "first_order_value": g["payment_value"].first(),
    "last_order_value": g["payment_value"].last(),
    "tenure_days": (cutoff - g["purchase_day"].min()).dt.days,
    "active_span_days": (g["order_purchase_timestamp"].max() - g["order_purchase_timestamp"].min()).dt.total_seconds() / 86400,
    "avg_gap_days": g["gap_days"].mean(),
    "min_gap_days": g["gap_days"].min(),
    "max_gap_days": g["gap_days"].max(),
    "std_gap_days": g["gap_days"].std(),
    "orders_last_90d": g["in_90"].sum(),
    "orders_last_180d": g["in_180"].sum(),
    "orders_last_365d": g["in_365"].sum(),
    "spend_last_180d": g["spend_180"].sum(),
    "weekend_share": g["weekend"].mean(),
    "evening_share": g["evening"].mean(),
    "night_share": g["night"].mean(),
    "avg_delivery_days": g["delivery_days"].mean(),
    "max_delivery_days": g["delivery_days"].max(),
    "avg_lateness_days": g["lateness_days"].mean(),
    "late_share": g["late"].mean(),
    "undelivered_orders": g["undelivered"].sum(),
    "state": g["customer_state"].last(),
})
features["orders_all"] = orders.groupby("customer_unique_id").size()
features["canceled_orders"] = orders[orders["order_status"].isin(["canceled", "unavailable"])].groupby(
    "customer_unique_id").size().reindex(features.index, fill_value=0)

person = valid[["order_id", "customer_unique_id"]]
p = payments.merge(person, on="order_id")
for kind in ("credit_card", "boleto", "voucher", "debit_card"):
    p[f"is_{kind}"] = (p["payment_type"] == kind).astype(int)
p["installments_cc"] = p["payment_installments"].where(p["payment_type"] == "credit_card")
gp = p.groupby("customer_unique_id")
features = features.join(pd.DataFrame({
    "share_credit_card": gp["is_credit_card"].mean(),
    "share_boleto": gp["is_boleto"].mean(),
    "share_voucher": gp["is_voucher"].mean(),
    "share_debit_card": gp["is_debit_card"].mean(),
    "avg_installments": gp["installments_cc"].mean(),
    "max_installments": gp["payment_installments"].max(),
    "used_voucher": gp["is_voucher"].max(),
    "distinct_payment_types": gp["payment_type"].nunique(),
}))

i = items.merge(person, on="order_id").merge(products, on="product_id", how="left")
gi = i.groupby("customer_unique_id")
features = features.join(pd.DataFrame({
    "items_total": gi.size(),
    "distinct_products": gi["product_id"].nunique(),
    "distinct_categories": gi["product_category_name"].nunique(),
    "avg_item_price": gi["price"].mean(),
    "max_item_price": gi["price"].max(),
    "avg_freight": gi["freight_value"].mean(),
    "freight_share": gi["freight_value"].sum() / gi["price"].sum(),
    "avg_product_weight_g": gi["product_weight_g"].mean(),
    "distinct_sellers": gi["seller_id"].nunique(),
}))

r = reviews.merge(person, on="order_id")
r["low"] = (r["review_score"] <= 2).astype(int)
r["commented"] = r["review_comment_message"].notna().astype(int)
gr = r.groupby("customer_unique_id")
features = features.join(pd.DataFrame({
    "review_count": gr.size(),
    "avg_review_score": gr["review_score"].mean(),
    "min_review_score": gr["review_score"].min(),
    "low_score_share": gr["low"].mean(),
    "comment_rate": gr["commented"].mean(),
}))
features["review_count"] = features["review_count"].fillna(0)

features = features.sort_index().reset_index()
# CSV: Debian's pandas has no Parquet engine (no python3-pyarrow), and CSV is pandas' own writer.
features.to_csv(out, index=False)
print(json.dumps({"people": int(len(features)), "features": int(features.shape[1] - 1)}))
