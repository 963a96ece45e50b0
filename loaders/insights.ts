// Business insights: revenue concentration, geography, payment methods, seasonality, delivery and reviews,
// category performance — each with a one-sentence finding computed from the data, never typed in.
import {count, money, percent} from "../lib/format.js";
import {ratio, round} from "../lib/num.js";
import {gini, lorenzCurve, topShare, type LorenzPoint} from "../lib/pareto.js";
import {useItemFacts} from "./item-facts.js";
import {sql} from "./sql.js";
import type {Warehouse} from "./warehouse/warehouse.js";

export interface Concentration {
  units: number;
  top1: number;
  top10: number;
  top20: number;
  gini: number;
  lorenz: LorenzPoint[];
}

export interface StateRow {
  state: string;
  customers: number;
  orders: number;
  revenue: number;
  avg_delivery_days: number | null;
  late_share: number | null;
  avg_review_score: number | null;
}

export interface PaymentRow {
  payment_type: string;
  orders: number;
  aov: number;
  first_orders: number;
  repeat_rate: number;
}

export interface LatenessRow {
  lateness: string;
  orders: number;
  avg_review_score: number;
  low_score_share: number;
}

export interface CategoryRow {
  category: string;
  revenue: number;
  orders: number;
  growth: number | null;
  avg_review_score: number | null;
  first_buyers: number;
  repeat_rate: number | null;
}

export interface MapCell {
  lat: number;
  lng: number;
  customers: number;
  revenue: number;
}

export interface Insights {
  analysis_date: string;
  customers: Concentration;
  sellers: Concentration | null;
  states: StateRow[];
  map: MapCell[] | null;
  payments: PaymentRow[];
  weekday_hour: {weekday: number; hour: number; orders: number}[];
  peak_days: {date: string; orders: number; month_avg_day: number}[];
  lateness_reviews: LatenessRow[] | null;
  categories: CategoryRow[] | null;
  /** One sentence per finding, keyed by section. */
  findings: Record<string, string>;
  /** Why a section is empty, keyed by section, when an optional file is missing. */
  missing: Record<string, string>;
}

/** Below this many first buyers a category's repeat rate is too noisy to rank. */
const MIN_FIRST_BUYERS = 100;

function concentration(values: number[]): Concentration {
  return {
    units: values.length,
    top1: round(topShare(values, 0.01), 5),
    top10: round(topShare(values, 0.1), 5),
    top20: round(topShare(values, 0.2), 5),
    gini: round(gini(values), 5),
    lorenz: lorenzCurve(values, 50).map((p) => ({population: round(p.population, 5), share: round(p.share, 5)}))
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export async function insights(warehouse: Warehouse): Promise<Insights> {
  const analysis_date = await warehouse.analysisDate();
  const params = {analysis_date};
  const has = {
    reviews: await warehouse.hasInput("order_reviews"),
    products: await warehouse.hasInput("products"),
    geolocation: await warehouse.hasInput("geolocation")
  };
  const revenues = (name: string) =>
    warehouse.query<{revenue: number}>(sql(name), params).then((rows) => rows.map((r) => r.revenue));
  const customers = concentration(await revenues("insight-revenue-per-customer"));
  const sellerRevenue = await revenues("insight-revenue-per-seller");
  const sellers = sellerRevenue.length ? concentration(sellerRevenue) : null;
  const states = await warehouse.query<StateRow>(sql("insight-states"), params);
  const map = has.geolocation ? await warehouse.query<MapCell>(sql("insight-map"), params) : null;
  const payments = await warehouse.query<PaymentRow>(sql("insight-payments"), params);
  const weekday_hour = await warehouse.query<{weekday: number; hour: number; orders: number}>(
    sql("insight-weekday-hour"),
    params
  );
  const peak_days = await warehouse.query<{date: string; orders: number; month_avg_day: number}>(
    sql("insight-peak-days"),
    params
  );
  const lateness_reviews = has.reviews
    ? await warehouse.query<LatenessRow>(sql("insight-lateness-reviews"), params)
    : null;
  if (has.products) await useItemFacts(warehouse);
  const categories = has.products
    ? (
        await warehouse.query<
          Omit<CategoryRow, "growth" | "repeat_rate"> & {
            revenue_last_6m: number | null;
            revenue_prior_6m: number | null;
            first_buyers_repeating: number;
          }
        >(sql("insight-categories"), params)
      ).map(({revenue_last_6m, revenue_prior_6m, first_buyers_repeating, ...row}) => {
        const growth = ratio(revenue_last_6m ?? 0, revenue_prior_6m ?? 0);
        return {
          ...row,
          growth: growth === null ? null : growth - 1,
          repeat_rate: ratio(first_buyers_repeating, row.first_buyers)
        };
      })
    : null;

  const missing: Record<string, string> = {};
  if (!has.geolocation) missing.map = "olist_geolocation_dataset.csv is absent, so customers cannot be placed on a map";
  if (!has.reviews) missing.reviews = "olist_order_reviews_dataset.csv is absent, so there are no review scores";
  if (!has.products) missing.categories = "olist_products_dataset.csv is absent, so items have no category";

  const findings: Record<string, string> = {};
  findings.pareto =
    `The top 10% of customers bring ${percent(customers.top10)} of revenue and the top 1% ${percent(customers.top1)}` +
    (sellers ? `; the top 20% of sellers bring ${percent(sellers.top20)} of item revenue.` : ".");
  const totalRevenue = states.reduce((s, r) => s + r.revenue, 0);
  const [topState] = states;
  if (topState && totalRevenue > 0) {
    findings.geography = `${topState.state} customers bring ${percent(topState.revenue / totalRevenue, 0)} of revenue (${count(topState.customers)} people).`;
  }
  const withDelivery = states.filter((s) => s.avg_delivery_days !== null && s.orders >= 30);
  if (withDelivery.length >= 2) {
    const slowest = withDelivery.reduce((a, b) => (b.avg_delivery_days! > a.avg_delivery_days! ? b : a));
    const fastest = withDelivery.reduce((a, b) => (b.avg_delivery_days! < a.avg_delivery_days! ? b : a));
    findings.delivery = `Deliveries to ${slowest.state} take ${slowest.avg_delivery_days!.toFixed(1)} days on average, against ${fastest.avg_delivery_days!.toFixed(1)} in ${fastest.state}.`;
  }
  const mainPayments = payments.filter((p) => p.orders >= 30);
  if (mainPayments.length >= 2) {
    const [first, second] = mainPayments;
    findings.payments = `${capitalize(first.payment_type.replace("_", " "))} orders average ${money(first.aov, {cents: true})} against ${money(second.aov, {cents: true})} for ${second.payment_type.replace("_", " ")}; ${percent(first.repeat_rate)} and ${percent(second.repeat_rate)} of their first-time buyers came back.`;
  }
  const [peak] = peak_days;
  if (peak) {
    findings.seasonality = `The busiest day was ${peak.date} with ${count(peak.orders)} orders, ${(peak.orders / peak.month_avg_day).toFixed(1)}× an average day of that month.`;
    const busiest = weekday_hour.reduce((a, b) => (b.orders > a.orders ? b : a), weekday_hour[0]);
    if (busiest) findings.seasonality += ` Orders peak on ${WEEKDAYS[busiest.weekday - 1]}s around ${busiest.hour}:00.`;
  }
  if (lateness_reviews?.length) {
    const late = lateness_reviews.filter((r) => r.lateness.includes("late"));
    const onTime = lateness_reviews.filter((r) => !r.lateness.includes("late"));
    const mean = (rows: LatenessRow[]) =>
      rows.reduce((s, r) => s + r.avg_review_score * r.orders, 0) / rows.reduce((s, r) => s + r.orders, 0);
    if (late.length && onTime.length) {
      findings.reviews = `Late orders average a review score of ${mean(late).toFixed(1)}, against ${mean(onTime).toFixed(1)} for orders on time or early.`;
    }
  }
  if (categories?.length) {
    const grown = categories.filter((c) => c.growth !== null && c.revenue >= 0.01 * totalRevenue);
    const best = grown.reduce<CategoryRow | null>((a, b) => (!a || b.growth! > a.growth! ? b : a), null);
    const loyal = categories
      .filter((c) => c.first_buyers >= MIN_FIRST_BUYERS)
      .reduce<CategoryRow | null>((a, b) => (!a || b.repeat_rate! > a.repeat_rate! ? b : a), null);
    const parts = [
      `${categories[0].category} leads with ${money(categories[0].revenue, {short: true})} of item revenue`
    ];
    if (best)
      parts.push(
        `${best.category} grew most (${best.growth! >= 0 ? "+" : ""}${percent(best.growth!, 0)} over the last six months)`
      );
    if (loyal)
      parts.push(`first-time buyers of ${loyal.category} came back most often (${percent(loyal.repeat_rate!)})`);
    findings.categories = `${parts.join("; ")}.`;
  }
  return {
    analysis_date,
    customers,
    sellers,
    states,
    map,
    payments,
    weekday_hour,
    peak_days,
    lateness_reviews,
    categories,
    findings,
    missing
  };
}
