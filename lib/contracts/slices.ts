// states.json and categories.json: one entry per customer state / product category, for the templated pages
// (src/states/[state].md, src/categories/[category].md). Written by loaders/slices/, shown by
// src/components/slice-kpis.ts; the cards' wording follows what `revenue` sums.
import {count, money, percent} from "../format.js";
import type {Comparison, KpiChange} from "./changes.js";
import type {KpiCard} from "./kpi-card.js";

export type SliceCardField =
  "revenue" | "orders" | "customers" | "aov" | "repeat_customer_rate" | "on_time_rate" | "review_score";

/** The overview's KPIs over the slice's orders. */
export interface SliceKpis {
  /** The value in the data (a state code, a Portuguese category name). */
  key: string;
  /** What the page calls it (the state code, the English category name). */
  name: string;
  /** The page's URL segment: /states/SLUG, /categories/SLUG. */
  slug: string;
  customers: number;
  orders: number;
  revenue: number;
  /** Revenue per paid order; null when no order of the slice has a payment row. */
  aov: number | null;
  /** Share of people with a valid order in the slice who have two or more; null when nobody has one. */
  repeat_customer_rate: number | null;
  /** Share of delivered, valid orders delivered by the estimated date; null when none was delivered. */
  on_time_rate: number | null;
  /** Mean review score (1–5) of valid orders with a review; null when none has one. */
  review_score: number | null;
}

export interface MonthPoint {
  month: string;
  orders: number;
  revenue: number;
}

/** A slice as its page shows it: the KPIs, their changes, the "what changed" sentences and the monthly trend. */
export interface SliceWithChanges extends SliceKpis {
  changes: Record<SliceCardField, KpiChange>;
  what_changed: string[];
  monthly: MonthPoint[];
}

/** The page's opening sentence: the slice's size and rank among all slices. */
export interface SliceSummary {
  summary: string;
}

export interface StateSlice extends SliceWithChanges, SliceSummary {
  top_categories: {category: string; orders: number; revenue: number}[];
  top_cities: {city: string; customers: number; orders: number; revenue: number}[];
}

export interface CategorySlice extends SliceWithChanges, SliceSummary {
  top_states: {state: string; customers: number; orders: number; revenue: number}[];
  top_products: {product_id: string; items: number; orders: number; revenue: number}[];
  top_sellers: {
    seller_id: string;
    seller_city: string | null;
    seller_state: string | null;
    items: number;
    orders: number;
    revenue: number;
  }[];
}

export type RevenueBasis = "payments" | "items";

export interface SliceFile<T extends SliceKpis> {
  analysis_date: string;
  /** What `revenue` sums: payments (states, as the overview's revenue) or item prices (categories). */
  revenue_basis: RevenueBasis;
  /** The months every slice's cards compare (the same for all slices of the file). */
  comparison: Comparison;
  /** The index page's sentences: which slices grew and fell most. */
  what_changed: string[];
  slices: T[];
  /** Why there are no slices, when an optional input file is missing. */
  missing?: string;
}

/** The cards, worded for what `revenue` sums: an order's payments, or the category's item prices. */
export function sliceCards(basis: RevenueBasis): KpiCard<SliceCardField>[] {
  const items = basis === "items";
  const ofOrders = items ? "the orders holding its items purchased in those months" : "the orders of those months";
  return [
    {
      field: "revenue",
      label: items ? "Item revenue" : "Revenue",
      noun: items ? "item revenue" : "revenue",
      format: (v) => money(v, {short: true}),
      note: items ? "prices of its items" : "sum of all payments",
      digits: 2,
      better: "up",
      measure: "relative",
      basis: "months",
      compared: items ? "prices of its items in orders purchased in those months" : "payments of " + ofOrders
    },
    {
      field: "orders",
      label: "Orders",
      noun: "orders",
      format: count,
      note: items ? "holding one of its items" : "all statuses",
      digits: 0,
      better: "up",
      measure: "relative",
      basis: "months",
      compared: items ? "orders holding its items, purchased in those months" : "orders purchased in those months"
    },
    {
      field: "customers",
      label: "Customers",
      noun: "customers",
      format: count,
      note: "distinct people",
      digits: 0,
      better: "up",
      measure: "relative",
      basis: "months",
      compared: items
        ? "distinct people who bought its items in those months"
        : "distinct people who ordered in those months"
    },
    {
      field: "aov",
      label: items ? "Item revenue per order" : "Average order value",
      noun: items ? "item revenue per order" : "the average order value",
      format: (v) => money(v, {cents: true}),
      note: items ? "its items in an order" : "payments per paid order",
      none: items ? "no order" : "no paid order",
      digits: 2,
      better: "up",
      measure: "relative",
      basis: "months",
      compared: items ? "its item revenue per order, over those months" : "payments per paid order, over those months"
    },
    {
      field: "repeat_customer_rate",
      label: "Repeat customers",
      noun: "the share of repeat customers",
      format: percent,
      note: items ? "people with 2+ orders of it" : "people with 2+ orders",
      none: "no valid order",
      digits: 6,
      better: "up",
      measure: "points",
      basis: "month_end",
      compared: "share of people with 2+ valid orders, as of the last day of those months"
    },
    {
      field: "on_time_rate",
      label: "On-time delivery",
      noun: "on-time delivery",
      format: percent,
      note: "delivered by the estimated date",
      none: "no delivered order",
      digits: 6,
      better: "up",
      measure: "points",
      basis: "months",
      compared: "share of the delivered orders of those months delivered by the estimated date"
    },
    {
      field: "review_score",
      label: "Review score",
      noun: "the review score",
      format: (v) => `${v.toFixed(2)} / 5`,
      note: "mean score of reviewed orders",
      none: "no review",
      digits: 4,
      better: "up",
      measure: "difference",
      basis: "months",
      compared: "mean review score of the reviewed orders of those months"
    }
  ];
}
