// One order of one person: status, timestamps, items, payments, review(s), customer row and truth row.
import {Alias, type Rng} from "../../lib/random.js";
import {CATEGORIES, STICKY_CATEGORIES} from "./categories.js";
import {catSlot, type Catalog} from "./catalog.js";
import {CsvWriter, dayStart, money, quoted, str, ts} from "./csv.js";
import {STATES} from "./geo-data.js";
import {prefixString, type Prefix} from "./geo.js";
import {freightCents, planDelivery} from "./logistics.js";
import {dropoutProb, type Experience, type Latent} from "./process.js";
import {nounFor, reviewMessage, reviewTitle} from "./text.js";
import {DATA_END, DAY, TAIL_START} from "./timeline.js";

export interface Writers {
  customers: CsvWriter;
  orders: CsvWriter;
  items: CsvWriter;
  payments: CsvWriter;
  reviews: CsvWriter;
  truth: CsvWriter;
}

export interface PersonState {
  uid: string;
  latent: Latent;
  state: number;
  prefix: Prefix;
  lastCat: number | null;
}

/** Rare dirty-row flags applied to a person's first order (chosen up front by generate.ts). */
export interface Dirty {
  noPayment?: boolean;
  notDefined?: boolean;
  deliveredNoDate?: boolean;
  deliveredNoApproval?: boolean;
}

export interface OrderEnv {
  rng: Rng;
  text: Rng;
  catalog: Catalog;
  w: Writers;
  lastReviewId: string | null;
}

const STATUSES = ["delivered", "shipped", "canceled", "unavailable", "invoiced", "processing", "created", "approved"];
const statusAlias = new Alias([96478, 1107, 625, 609, 314, 301, 5, 2]);

// Items per order (real counts for 1..21 items).
const ITEM_COUNTS = [88863, 7516, 1322, 505, 204, 198, 22, 8, 3, 8, 4, 5, 1, 2, 2, 0, 0, 0, 0, 2, 1];
const itemAlias = new Alias(ITEM_COUNTS);

// Credit-card installments 0..24 (real row counts; the 1-installment count is reduced because the
// "≥ R$10 per installment" cap below moves cheap orders to 1).
const INSTALLMENTS = [
  0, 20000, 12413, 10461, 7098, 5239, 3920, 1626, 4268, 644, 5328, 23, 133, 16, 15, 74, 5, 8, 27, 0, 17, 3, 1, 1, 18
];
const installmentAlias = new Alias(INSTALLMENTS);

const SCORES = [1, 2, 3, 4, 5];
const SCORE_W = {
  onTime: [0.065, 0.025, 0.08, 0.21, 0.62],
  late: [0.45, 0.08, 0.11, 0.12, 0.24],
  undelivered: [0.62, 0.08, 0.09, 0.06, 0.15]
};
const COMMENT_P = [0, 0.78, 0.7, 0.5, 0.3, 0.34];
const TITLE_P = [0, 0.14, 0.12, 0.11, 0.11, 0.12];

interface Item {
  product: number;
  priceCents: number;
  freightCents: number;
}

function pickItems(env: OrderEnv, person: PersonState, custState: string): Item[] {
  const {rng, catalog} = env;
  const n = itemAlias.sample(rng) + 1;
  // 47% of repeat orders stay in the person's previous category (real: 53% of repeaters switch).
  const prefer = person.lastCat !== null && rng.bernoulli(0.47) ? catSlot(person.lastCat) : undefined;
  const items: Item[] = [];
  let prev: Item | null = null;
  for (let i = 0; i < n; i++) {
    if (prev && rng.bernoulli(0.6)) {
      items.push({...prev}); // same product again: same price and freight, like the real multi-unit orders
      continue;
    }
    const pi = catalog.sampleProduct(rng, i === 0 ? prefer : undefined);
    const p = catalog.products[pi]!;
    const seller = catalog.sellers[p.seller]!;
    const priceCents = rng.bernoulli(0.1) ? Math.round(p.priceCents * rng.uniform(0.85, 1.15)) : p.priceCents;
    const it = {
      product: pi,
      priceCents: Math.max(85, priceCents),
      freightCents: freightCents(rng, p.weightG, STATES[seller.state]!.code, custState)
    };
    items.push(it);
    prev = it;
  }
  return items;
}

interface PaymentRow {
  type: string;
  installments: number;
  cents: number;
}

/** Split `cents` into k positive parts (random proportions) that sum exactly. */
function split(rng: Rng, cents: number, k: number): number[] {
  const ws = Array.from({length: k}, () => rng.uniform(0.2, 1));
  const tot = ws.reduce((s, x) => s + x, 0);
  const parts = ws.map((x) => Math.floor((cents * x) / tot));
  parts[0]! += cents - parts.reduce((s, x) => s + x, 0);
  return parts;
}

function planPayments(rng: Rng, total: number): PaymentRow[] {
  const hasVoucher = rng.bernoulli(0.034);
  const voucherOnly = hasVoucher && rng.bernoulli(0.42);
  const rows: PaymentRow[] = [];
  let rest = total;
  if (hasVoucher) {
    const k = 1 + rng.geometric(0.6);
    const vCents = voucherOnly ? total : Math.round(total * rng.uniform(0.05, 0.6));
    for (const c of split(rng, vCents, Math.min(k, Math.max(1, vCents))))
      rows.push({type: "voucher", installments: 1, cents: c});
    rest = total - vCents;
  }
  if (!voucherOnly) {
    const type = rng.weighted(["credit_card", "boleto", "debit_card"], [0.765, 0.2, 0.0155]);
    let inst = 1;
    if (type === "credit_card") {
      inst = rng.bernoulli(2 / 76795) ? 0 : installmentAlias.sample(rng);
      if (inst > 1) inst = Math.max(1, Math.min(inst, Math.floor(rest / 1000))); // ≥ R$10 per installment
    }
    const main = {type, installments: inst, cents: rest};
    if (rng.bernoulli(0.6)) rows.unshift(main);
    else rows.push(main);
  }
  return rows;
}

/** Emit all rows of one order; returns the order's experience and its dropout probability. */
export function emitOrder(env: OrderEnv, person: PersonState, t: number, dirty: Dirty): {exp: Experience; p: number} {
  const {rng, text, w} = env;
  const st = STATES[person.state]!;
  const orderId = rng.hex();
  const customerId = rng.hex();
  let status = t >= TAIL_START ? (rng.bernoulli(0.85) ? "canceled" : "shipped") : STATUSES[statusAlias.sample(rng)]!;
  if (dirty.notDefined) status = "canceled";
  if (dirty.deliveredNoDate || dirty.deliveredNoApproval) status = "delivered";

  const items = pickItems(env, person, st.code);
  const total = items.reduce((s, it) => s + it.priceCents + it.freightCents, 0);
  let payments = planPayments(rng, total);
  if (dirty.notDefined) payments = [{type: "not_defined", installments: 1, cents: 0}];
  if (dirty.noPayment) payments = [];
  const boleto = payments.some((p) => p.type === "boleto");

  // Timestamps.
  const approvedLag = boleto ? 3600 * 26 * rng.lognormal(0, 0.6) : 60 * 15 * rng.lognormal(0, 1.2);
  const approved = t + approvedLag;
  const carrier = approved + DAY * 2.5 * rng.lognormal(-0.2, 0.6);
  const plan = planDelivery(rng, st.code, t);
  const estimated = dayStart(t + plan.estimatedDays * DAY);
  let delivered = t + plan.deliveryDays * DAY;
  if (delivered < carrier + 3 * 3600) delivered = carrier + DAY * 0.8 * rng.lognormal(0, 0.5);

  // Not yet delivered when the real data was extracted: still "shipped".
  if (status === "delivered" && delivered > DATA_END && !dirty.deliveredNoDate && !dirty.deliveredNoApproval)
    status = "shipped";

  let approvedOut: number | null = approved;
  let carrierOut: number | null = null;
  let deliveredOut: number | null = null;
  switch (status) {
    case "delivered":
      carrierOut = carrier;
      deliveredOut = dirty.deliveredNoDate ? null : delivered;
      if (dirty.deliveredNoApproval) approvedOut = null;
      break;
    case "shipped":
      carrierOut = carrier;
      break;
    case "canceled":
      if (rng.bernoulli(0.2)) approvedOut = null;
      else if (rng.bernoulli(0.12)) carrierOut = carrier;
      break;
    case "created":
      approvedOut = null;
      break;
  }
  const received = status === "delivered";
  const late = received && delivered > estimated;
  const undelivered = status === "canceled" || status === "unavailable";
  const hasItems = !(
    status === "unavailable" ||
    status === "created" ||
    (status === "canceled" && rng.bernoulli(0.25))
  );

  // Rows: customer, order, items, payments.
  w.customers.row([
    str(customerId),
    str(person.uid),
    str(prefixString(person.prefix.code)),
    str(person.prefix.city),
    st.code
  ]);
  w.orders.row([
    str(orderId),
    str(customerId),
    status,
    ts(t),
    ts(approvedOut),
    ts(carrierOut),
    ts(deliveredOut),
    ts(estimated)
  ]);
  if (hasItems) {
    const limit = (approvedOut ?? t) + DAY * 6 * rng.lognormal(0, 0.25);
    items.forEach((it, i) => {
      const p = env.catalog.products[it.product]!;
      const seller = env.catalog.sellers[p.seller]!;
      w.items.row([
        str(orderId),
        String(i + 1),
        str(p.id),
        str(seller.id),
        ts(limit),
        money(it.priceCents),
        money(it.freightCents)
      ]);
    });
  }
  payments.forEach((p, i) => {
    w.payments.row([str(orderId), String(i + 1), p.type, String(p.installments), money(p.cents)]);
  });

  // Review(s): score follows the delivery experience.
  const mainCat = env.catalog.products[items[0]!.product]!.cat;
  let score: number | null = null;
  if (!rng.bernoulli(0.0077)) {
    const nReviews = rng.bernoulli(0.0056) ? 2 : 1;
    const weights = !received || deliveredOut === null ? SCORE_W.undelivered : late ? SCORE_W.late : SCORE_W.onTime;
    const base =
      received && deliveredOut !== null
        ? dayStart(delivered) + DAY * rng.weighted([0, 1, 2, 5], [0.3, 0.55, 0.1, 0.05])
        : estimated + DAY * rng.int(-5, 10);
    for (let r = 0; r < nReviews; r++) {
      const s = rng.weighted(SCORES, weights);
      if (r === 0) score = s;
      const reuse = env.lastReviewId !== null && rng.bernoulli(0.008);
      const reviewId = reuse ? env.lastReviewId! : rng.hex();
      env.lastReviewId = reviewId;
      const created = Math.max(dayStart(t) + DAY, base + r * DAY * rng.int(1, 30));
      const answered = created + DAY * 1.2 * rng.lognormal(0, 1.0);
      const ctx = {
        score: s,
        late,
        undelivered: !received || deliveredOut === null,
        noun: nounFor(CATEGORIES[mainCat]?.name ?? "", text)
      };
      const title = text.bernoulli(TITLE_P[s]!) ? reviewTitle(ctx, text) : "";
      const msg = text.bernoulli(COMMENT_P[s]!) ? reviewMessage(ctx, text) : "";
      w.reviews.row([quoted(reviewId), quoted(orderId), String(s), str(title), str(msg), ts(created), ts(answered)]);
    }
  }

  const exp: Experience = {
    late,
    undelivered,
    score,
    sticky: items.some((it) => {
      const c = env.catalog.products[it.product]!.cat;
      return c >= 0 && STICKY_CATEGORIES.has(CATEGORIES[c]!.name);
    }),
    manyInstallments: payments.some((p) => p.type === "credit_card" && p.installments >= 6),
    voucher: payments.some((p) => p.type === "voucher")
  };
  const p = dropoutProb(person.latent, exp);
  w.truth.row([str(orderId), str(person.uid), ts(t), person.latent.lambda.toPrecision(6), p.toPrecision(6)]);
  person.lastCat = mainCat;
  return {exp, p};
}
