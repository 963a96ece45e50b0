// Synthetic Olist generator: writes the nine Kaggle CSVs (plus truth_orders.csv) deterministically from
// (scale, seed). Catalogs (geography, sellers, products) live in memory; persons and their orders are generated
// one person at a time and streamed through buffered writers, so memory stays bounded at any scale.
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {Alias, Rng} from "../../lib/random.js";
import {buildCatalog, writeProducts, writeSellers, writeTranslation} from "./catalog.js";
import {CsvWriter, quotedHeader, ts} from "./csv.js";
import {STATES} from "./geo-data.js";
import {buildGeography, samplePrefix, writeGeolocation} from "./geo.js";
import {emitOrder, type Dirty, type OrderEnv, type PersonState, type Writers} from "./orders.js";
import {drawLatent, nextGapDays} from "./process.js";
import {DAY, OBS_END, OUTAGE, planMonths, purchaseTime} from "./timeline.js";

export const OLIST_FILES = {
  customers: "olist_customers_dataset.csv",
  orders: "olist_orders_dataset.csv",
  items: "olist_order_items_dataset.csv",
  payments: "olist_order_payments_dataset.csv",
  reviews: "olist_order_reviews_dataset.csv",
  products: "olist_products_dataset.csv",
  sellers: "olist_sellers_dataset.csv",
  geolocation: "olist_geolocation_dataset.csv",
  translation: "product_category_name_translation.csv"
} as const;

/** Side file with the planted truth (not one of the nine Olist files). */
export const TRUTH_FILE = "truth_orders.csv";
export const TRUTH_COLUMNS = [
  "order_id",
  "customer_unique_id",
  "purchase_timestamp",
  "lambda_per_day",
  "dropout_prob_after"
];

export interface GenerateOptions {
  scale: number;
  seed: number;
  outDir: string;
  /** Progress sink; defaults to stderr. Pass `() => {}` to silence. */
  log?: (line: string) => void;
}

export interface SynthSummary {
  scale: number;
  seed: number;
  outDir: string;
  persons: number;
  orders: number;
  rows: Record<keyof typeof OLIST_FILES | "truth", number>;
  /** Repeat purchases are observed up to this timestamp (see README). */
  observedUntil: string;
  elapsedMs: number;
}

export async function generateOlist(opts: GenerateOptions): Promise<SynthSummary> {
  const {scale, seed, outDir} = opts;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
  const log = opts.log ?? ((s: string) => process.stderr.write(s + "\n"));
  const t0 = Date.now();
  const step = (name: string, rows: number) =>
    log(
      `[synth] ${name.padEnd(12)} rows=${String(rows).padStart(9)} elapsed=${((Date.now() - t0) / 1000).toFixed(1)}s`
    );
  mkdirSync(outDir, {recursive: true});
  const path = (f: string) => join(outDir, f);

  // Independent sub-streams so a change in one part (e.g. review text) does not shift the others.
  const root = new Rng(seed);
  const geo = buildGeography(root.fork("geo"), scale);
  const catalog = buildCatalog(root.fork("catalog"), geo, scale);

  const rows = {} as SynthSummary["rows"];
  rows.translation = await writeTranslation(path(OLIST_FILES.translation));
  step("translation", rows.translation);
  rows.products = await writeProducts(path(OLIST_FILES.products), catalog, root.fork("products"));
  step("products", rows.products);
  rows.sellers = await writeSellers(path(OLIST_FILES.sellers), catalog);
  step("sellers", rows.sellers);
  rows.geolocation = await writeGeolocation(path(OLIST_FILES.geolocation), geo, root.fork("geolocation"), scale);
  step("geolocation", rows.geolocation);

  const crlf = {eol: "\r\n" as const};
  const w: Writers = {
    customers: new CsvWriter(
      path(OLIST_FILES.customers),
      quotedHeader(["customer_id", "customer_unique_id", "customer_zip_code_prefix", "customer_city", "customer_state"])
    ),
    orders: new CsvWriter(
      path(OLIST_FILES.orders),
      quotedHeader([
        "order_id",
        "customer_id",
        "order_status",
        "order_purchase_timestamp",
        "order_approved_at",
        "order_delivered_carrier_date",
        "order_delivered_customer_date",
        "order_estimated_delivery_date"
      ])
    ),
    items: new CsvWriter(
      path(OLIST_FILES.items),
      quotedHeader([
        "order_id",
        "order_item_id",
        "product_id",
        "seller_id",
        "shipping_limit_date",
        "price",
        "freight_value"
      ])
    ),
    payments: new CsvWriter(
      path(OLIST_FILES.payments),
      quotedHeader(["order_id", "payment_sequential", "payment_type", "payment_installments", "payment_value"])
    ),
    reviews: new CsvWriter(
      path(OLIST_FILES.reviews),
      quotedHeader([
        "review_id",
        "order_id",
        "review_score",
        "review_comment_title",
        "review_comment_message",
        "review_creation_date",
        "review_answer_timestamp"
      ]),
      crlf
    ),
    truth: new CsvWriter(path(TRUTH_FILE), TRUTH_COLUMNS.join(","))
  };

  const nPersons = Math.max(1, Math.round(96_096 * scale));
  const plans = planMonths(nPersons);

  // Rare dirty rows on the first order of a few chosen persons (counts scale, at least one each).
  const dirtyRng = root.fork("dirty");
  const dirty = new Map<number, Dirty>();
  const mark = (count: number, key: keyof Dirty) => {
    for (let i = 0; i < Math.max(1, Math.round(count * scale)); i++) {
      const k = dirtyRng.int(0, nPersons - 1);
      dirty.set(k, {...dirty.get(k), [key]: true});
    }
  };
  mark(1, "noPayment");
  mark(3, "notDefined");
  mark(8, "deliveredNoDate");
  mark(14, "deliveredNoApproval");

  const env: OrderEnv = {rng: root.fork("orders"), text: root.fork("text"), catalog, w, lastReviewId: null};
  const rng = env.rng;
  const stateAlias = new Alias(STATES.map((s) => s.customers));
  let personIndex = 0;
  let orders = 0;
  const every = Math.max(1, Math.floor(nPersons / 10));
  for (const plan of plans) {
    for (let k = 0; k < plan.persons; k++, personIndex++) {
      const state = stateAlias.sample(rng);
      const person: PersonState = {
        uid: rng.hex(),
        latent: drawLatent(rng),
        state,
        prefix: samplePrefix(geo, state, rng),
        lastCat: null
      };
      let t = purchaseTime(plan, rng);
      let first = true;
      for (;;) {
        const {p} = emitOrder(env, person, t, first ? (dirty.get(personIndex) ?? {}) : {});
        orders++;
        first = false;
        if (rng.next() < p) break; // dropped out after this order
        t += nextGapDays(person.latent, rng) * DAY;
        if (t >= OUTAGE[0] && t < OUTAGE[1]) t = OUTAGE[1] + nextGapDays(person.latent, rng) * DAY; // rate 0 in the gap
        if (t >= OBS_END) break; // next purchase falls after the observation window (censored)
        if (rng.bernoulli(0.03)) person.prefix = samplePrefix(geo, state, rng); // moved house
      }
      await Promise.all(Object.values(w).map((x) => x.maybeFlush()));
      if ((personIndex + 1) % every === 0) step(`persons ${Math.round(((personIndex + 1) / nPersons) * 100)}%`, orders);
    }
  }
  await Promise.all(Object.values(w).map((x) => x.close()));
  rows.customers = w.customers.rows;
  rows.orders = w.orders.rows;
  rows.items = w.items.rows;
  rows.payments = w.payments.rows;
  rows.reviews = w.reviews.rows;
  rows.truth = w.truth.rows;
  step("done", orders);
  return {
    scale,
    seed,
    outDir,
    persons: nPersons,
    orders,
    rows,
    observedUntil: ts(OBS_END),
    elapsedMs: Date.now() - t0
  };
}
