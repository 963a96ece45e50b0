// In-memory catalogs: sellers and products (≈3,095 and ≈32,951 × scale), and the item sampler
// (category by items sold, then product by a heavy-tailed popularity within the category).
import {Alias, type Rng} from "../../lib/random.js";
import {CATEGORIES, UNCATEGORIZED} from "./categories.js";
import {STATES} from "./geo-data.js";
import {prefixString, samplePrefix, type Geography} from "./geo.js";
import {CsvWriter, int, quotedHeader, str} from "./csv.js";
import {apportion} from "./timeline.js";

export interface Seller {
  id: string;
  state: number;
  prefix: number;
  city: string;
}

export interface Product {
  id: string;
  cat: number; // index into CATEGORIES, -1 = no category
  priceCents: number;
  weightG: number | null; // null for the two real products without measures
  seller: number;
}

export interface Catalog {
  sellers: Seller[];
  products: Product[];
  /** Draw a product index (category by sales share, product by popularity). */
  sampleProduct(rng: Rng, preferCat?: number): number;
}

const atLeast1 = (x: number) => Math.max(1, Math.round(x));

/** Messy seller city spellings seen in the real file ("sbc/sp", "sao paulo / sao paulo", a CEP as city…). */
function messyCity(city: string, state: string, rng: Rng): string {
  const k = rng.int(0, 4);
  if (k === 0) return `${city}/${state.toLowerCase()}`;
  if (k === 1) return `${city} / ${state.toLowerCase()}`;
  if (k === 2) return city === "sao bernardo do campo" ? "sbc/sp" : `${city} - ${state.toLowerCase()}`;
  if (k === 3) return String(rng.int(1000000, 99999999)).padStart(8, "0");
  return city.toUpperCase();
}

export function buildCatalog(rng: Rng, geo: Geography, scale: number): Catalog {
  // Sellers by state (real counts, apportioned exactly), 2% with a messy city.
  const perState = apportion(
    STATES.map((s) => s.sellers),
    atLeast1(3095 * scale)
  );
  const sellers: Seller[] = [];
  for (const [si, n] of perState.entries())
    for (let i = 0; i < n; i++) {
      const p = samplePrefix(geo, si, rng);
      const city = rng.bernoulli(0.02) ? messyCity(p.city, STATES[si]!.code, rng) : p.city;
      sellers.push({id: rng.hex(), state: si, prefix: p.code, city});
    }
  // Seller activity is very skewed (a few sellers carry most products).
  const sellerAlias = new Alias(sellers.map(() => Math.pow(1 - rng.next(), -1 / 0.9)));

  const products: Product[] = [];
  const byCat: number[][] = [];
  const popularity: number[][] = [];
  const addCat = (cat: number, count: number, median: number) => {
    const ids: number[] = [];
    const pop: number[] = [];
    for (let i = 0; i < count; i++) {
      const priceCents = Math.min(680000, Math.max(85, Math.round(0.96 * median * rng.lognormal(0, 0.97) * 100)));
      const weightG = Math.min(
        40425,
        Math.max(0, Math.round(700 * rng.lognormal(0, 1.3) * Math.pow(median / 75, 0.4)))
      );
      ids.push(products.length);
      pop.push(Math.pow(1 - rng.next(), -1 / 1.3)); // Pareto popularity: a few best sellers
      products.push({id: rng.hex(), cat, priceCents, weightG, seller: sellerAlias.sample(rng)});
    }
    byCat.push(ids);
    popularity.push(pop);
  };
  CATEGORIES.forEach((c, i) => addCat(i, atLeast1(c.products * scale), c.medianPrice));
  addCat(-1, atLeast1(UNCATEGORIZED.products * scale), UNCATEGORIZED.medianPrice);
  // Two real products lack weight and dimensions.
  for (let i = 0; i < atLeast1(2 * scale); i++) products[rng.int(0, products.length - 1)]!.weightG = null;

  const catAlias = new Alias([...CATEGORIES.map((c) => c.items), UNCATEGORIZED.items]);
  const prodAlias = popularity.map((p) => new Alias(p));
  return {
    sellers,
    products,
    sampleProduct(r: Rng, preferCat?: number): number {
      const c = preferCat !== undefined && preferCat >= 0 ? preferCat : catAlias.sample(r);
      return byCat[c]![prodAlias[c]!.sample(r)]!;
    }
  };
}

/** Category position in the per-category tables (uncategorized is last). */
export function catSlot(cat: number): number {
  return cat < 0 ? CATEGORIES.length : cat;
}

export async function writeSellers(path: string, cat: Catalog): Promise<number> {
  const w = new CsvWriter(path, quotedHeader(["seller_id", "seller_zip_code_prefix", "seller_city", "seller_state"]));
  for (const s of cat.sellers) w.row([str(s.id), str(prefixString(s.prefix)), str(s.city), STATES[s.state]!.code]);
  await w.close();
  return w.rows;
}

export async function writeProducts(path: string, cat: Catalog, rng: Rng): Promise<number> {
  const w = new CsvWriter(
    path,
    quotedHeader([
      "product_id",
      "product_category_name",
      "product_name_lenght",
      "product_description_lenght",
      "product_photos_qty",
      "product_weight_g",
      "product_length_cm",
      "product_height_cm",
      "product_width_cm"
    ])
  );
  for (const p of cat.products) {
    const named = p.cat >= 0;
    const nameLen = named ? Math.min(76, Math.max(5, Math.round(rng.normal(49, 10)))) : null;
    const descLen = named ? Math.min(3992, Math.max(4, Math.round(600 * rng.lognormal(0, 0.7)))) : null;
    const photos = named ? Math.min(20, 1 + rng.geometric(0.45)) : null;
    let dims: (number | null)[] = [null, null, null];
    if (p.weightG !== null) {
      // Volume grows with weight; three sides from a shared size factor.
      const size = Math.cbrt(Math.max(50, p.weightG) * 6);
      dims = [
        Math.min(105, Math.max(7, Math.round(size * rng.lognormal(0.1, 0.3)))),
        Math.min(105, Math.max(2, Math.round(size * 0.55 * rng.lognormal(0, 0.5)))),
        Math.min(118, Math.max(6, Math.round(size * 0.85 * rng.lognormal(0, 0.3))))
      ];
    }
    w.row([
      str(p.id),
      named ? CATEGORIES[p.cat]!.name : "",
      int(nameLen),
      int(descLen),
      int(photos),
      int(p.weightG),
      int(dims[0]),
      int(dims[1]),
      int(dims[2])
    ]);
    await w.maybeFlush();
  }
  await w.close();
  return w.rows;
}

export async function writeTranslation(path: string): Promise<number> {
  const w = new CsvWriter(path, "product_category_name,product_category_name_english", {
    eol: "\r\n",
    bom: true,
    trailingEol: false
  });
  for (const c of CATEGORIES) if (c.english) w.row([c.name, c.english]);
  await w.close();
  return w.rows;
}
