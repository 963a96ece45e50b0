// Realism figures of a generated (or real) Olist folder, computed from the CSVs alone (used by the tests and
// for calibration). Reads whole files: meant for scale ≤ 1.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {STATES} from "./geo-data.js";
import {OLIST_FILES} from "./generate.js";

type Row = Record<string, string>;

export function readCsv(dir: string, file: string): Row[] {
  return csvParse(readFileSync(join(dir, file), "utf8").replace(/^\uFEFF/, "")) as unknown as Row[];
}

const t = (s: string) => Date.parse(s.replace(" ", "T") + "Z") / 1000;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const share = (n: number, d: number) => (d ? n / d : NaN);
function count<T>(xs: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

export const NEGATIVE_WORDS =
  /\b(nao|não|n|ñ|nunca|pessim\w*|péssim\w*|horrivel|horrível|defeito|errado|atras\w*|quebrado|ruim|decepciona\w*|falt\w*)\b/;

export function synthStats(dir: string) {
  const customers = readCsv(dir, OLIST_FILES.customers);
  const orders = readCsv(dir, OLIST_FILES.orders);
  const items = readCsv(dir, OLIST_FILES.items);
  const payments = readCsv(dir, OLIST_FILES.payments);
  const reviews = readCsv(dir, OLIST_FILES.reviews);
  const products = readCsv(dir, OLIST_FILES.products);
  const sellers = readCsv(dir, OLIST_FILES.sellers);
  const geo = readCsv(dir, OLIST_FILES.geolocation);
  const translation = readCsv(dir, OLIST_FILES.translation);

  // People and repeat behaviour.
  const custById = new Map(customers.map((c) => [c.customer_id!, c]));
  const byPerson = new Map<string, number[]>();
  for (const o of orders) {
    const uid = custById.get(o.customer_id!)!.customer_unique_id!;
    const a = byPerson.get(uid) ?? [];
    a.push(t(o.order_purchase_timestamp!));
    byPerson.set(uid, a);
  }
  const perPerson = count([...byPerson.values()].map((a) => Math.min(a.length, 5)));
  const gaps: number[] = [];
  for (const a of byPerson.values()) {
    a.sort((x, y) => x - y);
    for (let i = 1; i < a.length; i++) gaps.push((a[i]! - a[i - 1]!) / 86400);
  }

  // Calendar.
  const months = count(orders.map((o) => o.order_purchase_timestamp!.slice(0, 7)));
  const days = count(orders.map((o) => o.order_purchase_timestamp!.slice(0, 10)));
  const peakDay = [...days.entries()].sort((a, b) => b[1] - a[1])[0]!;

  // Items, categories, prices.
  const prodCat = new Map(products.map((p) => [p.product_id!, p.product_category_name!]));
  const itemsPerOrder = count(items.map((i) => i.order_id!));
  const orderIds = new Set(orders.map((o) => o.order_id!));
  const noItems = orders.filter((o) => !itemsPerOrder.has(o.order_id!));
  const catItems = count(items.map((i) => prodCat.get(i.product_id!) ?? ""));
  const prices = items.map((i) => Number(i.price));
  const freights = items.map((i) => Number(i.freight_value));
  const orderTotal = new Map<string, number>();
  for (const i of items)
    orderTotal.set(
      i.order_id!,
      (orderTotal.get(i.order_id!) ?? 0) + Math.round(Number(i.price) * 100) + Math.round(Number(i.freight_value) * 100)
    );

  // Payments.
  const payTypes = count(payments.map((p) => p.payment_type!));
  const paySum = new Map<string, number>();
  for (const p of payments)
    paySum.set(p.order_id!, (paySum.get(p.order_id!) ?? 0) + Math.round(Number(p.payment_value) * 100));
  let sumMismatch = 0;
  for (const [id, tot] of orderTotal) {
    const paid = paySum.get(id);
    if (paid !== undefined && paid !== tot && paid !== 0) sumMismatch++;
  }
  const voucherOrders = count(payments.filter((p) => p.payment_type === "voucher").map((p) => p.order_id!));
  const inst = payments.map((p) => Number(p.payment_installments));

  // Delivery.
  const delivered = orders.filter((o) => o.order_status === "delivered");
  const withDate = delivered.filter((o) => o.order_delivered_customer_date);
  const deliveryDays = withDate.map(
    (o) => (t(o.order_delivered_customer_date!) - t(o.order_purchase_timestamp!)) / 86400
  );
  const estDays = orders.map((o) => (t(o.order_estimated_delivery_date!) - t(o.order_purchase_timestamp!)) / 86400);
  const lateIds = new Set(
    withDate.filter((o) => o.order_delivered_customer_date! > o.order_estimated_delivery_date!).map((o) => o.order_id!)
  );
  const onTimeIds = new Set(withDate.filter((o) => !lateIds.has(o.order_id!)).map((o) => o.order_id!));

  // Reviews and text.
  const scores = count(reviews.map((r) => Number(r.review_score)));
  const reviewsPerOrder = count(reviews.map((r) => r.order_id!));
  const lateScores = reviews.filter((r) => lateIds.has(r.order_id!)).map((r) => Number(r.review_score));
  const onTimeScores = reviews.filter((r) => onTimeIds.has(r.order_id!)).map((r) => Number(r.review_score));
  const msgs = reviews.filter((r) => r.review_comment_message);
  const negShare = (s: number) => {
    const m = msgs.filter((r) => Number(r.review_score) === s);
    return share(m.filter((r) => NEGATIVE_WORDS.test(r.review_comment_message!.toLowerCase())).length, m.length);
  };

  // Geography.
  const geoPrefixes = new Set(geo.map((g) => g.geolocation_zip_code_prefix!));
  const boxes = new Map(STATES.map((s) => [s.code, s.box]));
  const inBox = geo.filter((g) => {
    const b = boxes.get(g.geolocation_state!)!;
    const la = Number(g.geolocation_lat);
    const ln = Number(g.geolocation_lng);
    return la >= b[0] && la <= b[1] && ln >= b[2] && ln <= b[3];
  }).length;
  const outsideBrazil = geo.filter((g) => Number(g.geolocation_lat) > 6 || Number(g.geolocation_lng) > -34).length;
  const geoLines = count(geo.map((g) => Object.values(g).join(",")));
  const sellerStates = count(sellers.map((s) => s.seller_state!));

  return {
    rows: {
      customers: customers.length,
      orders: orders.length,
      items: items.length,
      payments: payments.length,
      reviews: reviews.length,
      products: products.length,
      sellers: sellers.length,
      geolocation: geo.length,
      translation: translation.length
    },
    persons: byPerson.size,
    ordersPerPerson: Object.fromEntries([...perPerson.entries()].sort((a, b) => a[0] - b[0])),
    oneTimeShare: share(perPerson.get(1) ?? 0, byPerson.size),
    repeatGapMedianDays: median(gaps),
    repeatSameDayShare: share(gaps.filter((g) => g < 1).length, gaps.length),
    status: Object.fromEntries(count(orders.map((o) => o.order_status!))),
    months: Object.fromEntries([...months.entries()].sort()),
    peakDay: {day: peakDay[0], orders: peakDay[1]},
    spCustomerShare: share(customers.filter((c) => c.customer_state === "SP").length, customers.length),
    customerStates: new Set(customers.map((c) => c.customer_state)).size,
    topCategories: [...catItems.entries()]
      .filter(([c]) => c)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([c]) => c),
    productsWithoutCategory: products.filter((p) => !p.product_category_name).length,
    untranslated: [
      ...new Set(
        products
          .map((p) => p.product_category_name!)
          .filter((c) => c && !translation.some((x) => x.product_category_name === c))
      )
    ].sort(),
    price: {median: median(prices), mean: mean(prices), max: Math.max(...prices)},
    freightMean: mean(freights),
    oneItemOrderShare: share([...itemsPerOrder.values()].filter((n) => n === 1).length, itemsPerOrder.size),
    maxItems: Math.max(...itemsPerOrder.values()),
    ordersWithoutItems: noItems.length,
    noItemsCanceledOrUnavailableShare: share(
      noItems.filter((o) => o.order_status === "canceled" || o.order_status === "unavailable").length,
      noItems.length
    ),
    paymentTypeShare: Object.fromEntries([...payTypes.entries()].map(([k, v]) => [k, v / payments.length])),
    notDefined: payments.filter((p) => p.payment_type === "not_defined").map((p) => p.payment_value),
    installments: {
      one: share(inst.filter((x) => x === 1).length, inst.length),
      min: Math.min(...inst),
      max: Math.max(...inst),
      nonCardAbove1: payments.filter((p) => p.payment_type !== "credit_card" && Number(p.payment_installments) > 1)
        .length
    },
    voucherSplitOrders: [...voucherOrders.values()].filter((n) => n > 1).length,
    paymentSumMismatches: sumMismatch,
    ordersWithoutPayment: [...orderIds].filter((id) => !paySum.has(id)).length,
    deliveryDaysMean: mean(deliveryDays),
    estimatedDaysMean: mean(estDays),
    lateShare: share(lateIds.size, withDate.length),
    deliveredWithoutDate: delivered.length - withDate.length,
    scoreShare: Object.fromEntries([...scores.entries()].sort().map(([k, v]) => [k, v / reviews.length])),
    scoreLate: mean(lateScores),
    scoreOnTime: mean(onTimeScores),
    reviewIdsDistinct: new Set(reviews.map((r) => r.review_id)).size,
    ordersWithTwoReviews: [...reviewsPerOrder.values()].filter((n) => n > 1).length,
    commentShare: share(msgs.length, reviews.length),
    titleShare: share(reviews.filter((r) => r.review_comment_title).length, reviews.length),
    distinctComments: new Set(msgs.map((r) => r.review_comment_message)).size,
    negativeWordShare: {score1: negShare(1), score5: negShare(5)},
    geo: {
      prefixes: geoPrefixes.size,
      customerPrefixInGeo: share(
        customers.filter((c) => geoPrefixes.has(c.customer_zip_code_prefix!)).length,
        customers.length
      ),
      inStateBox: share(inBox, geo.length),
      outsideBrazil,
      duplicateRows: geo.length - geoLines.size
    },
    sellers: {n: sellers.length, states: sellerStates.size, spShare: share(sellerStates.get("SP") ?? 0, sellers.length)}
  };
}

export type SynthStats = ReturnType<typeof synthStats>;
