// Synthetic Olist generator: determinism, exact file format, realism against the published figures
// (/work/shared/notes/olist-facts.md) and the planted truth side file.
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {generateOlist, OLIST_FILES, TRUTH_COLUMNS, TRUTH_FILE} from "../loaders/synth/generate.js";
import {readCsv, synthStats, type SynthStats} from "../loaders/synth/stats.js";

const SAMPLE = join(import.meta.dirname, "../../shared/olist-sample");
const hasSample = existsSync(SAMPLE);
const quiet = () => {};
const tmp: string[] = [];
const mk = (tag: string) => {
  const d = mkdtempSync(join(tmpdir(), `synth-${tag}-`));
  tmp.push(d);
  return d;
};
afterAll(() => tmp.forEach((d) => rmSync(d, {recursive: true, force: true})));

const HEADERS: Record<keyof typeof OLIST_FILES, string> = {
  customers: '"customer_id","customer_unique_id","customer_zip_code_prefix","customer_city","customer_state"',
  orders:
    '"order_id","customer_id","order_status","order_purchase_timestamp","order_approved_at","order_delivered_carrier_date","order_delivered_customer_date","order_estimated_delivery_date"',
  items: '"order_id","order_item_id","product_id","seller_id","shipping_limit_date","price","freight_value"',
  payments: '"order_id","payment_sequential","payment_type","payment_installments","payment_value"',
  reviews:
    '"review_id","order_id","review_score","review_comment_title","review_comment_message","review_creation_date","review_answer_timestamp"',
  products:
    '"product_id","product_category_name","product_name_lenght","product_description_lenght","product_photos_qty","product_weight_g","product_length_cm","product_height_cm","product_width_cm"',
  sellers: '"seller_id","seller_zip_code_prefix","seller_city","seller_state"',
  geolocation:
    '"geolocation_zip_code_prefix","geolocation_lat","geolocation_lng","geolocation_city","geolocation_state"',
  translation: "\uFEFFproduct_category_name,product_category_name_english"
};

// Column kinds for the quoting check: s = string (quoted iff it starts with a digit or holds , " CR LF),
// Q = always quoted (the two id columns of the real reviews file),
// i = integer, m = money (2 decimals), f = float, t = timestamp, all unquoted.
const KINDS: Record<keyof typeof OLIST_FILES, string> = {
  customers: "sssss",
  orders: "ssstttt" + "t",
  items: "sisstmm",
  payments: "sisim",
  reviews: "QQisstt",
  products: "ssiiiiiii",
  sellers: "ssss",
  geolocation: "sffss",
  translation: "ss"
};

/** RFC 4180 tokenizer that also reports whether each field was quoted. */
function tokenize(text: string): {v: string; q: boolean}[][] {
  const rows: {v: string; q: boolean}[][] = [];
  let row: {v: string; q: boolean}[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let v = "";
    let q = false;
    if (text[i] === '"') {
      q = true;
      i++;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j < 0) throw new Error("unterminated quote");
        v += text.slice(i, j);
        if (text[j + 1] === '"') {
          v += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < n && text[j] !== "," && text[j] !== "\n" && text[j] !== "\r") j++;
      v = text.slice(i, j);
      i = j;
    }
    row.push({v, q});
    if (text[i] === ",") i++;
    else {
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

const TS = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const NEEDS_QUOTE = /^[0-9]|[",\r\n]/;

function checkQuoting(text: string, kinds: string, file: string): void {
  const rows = tokenize(text.replace(/^\uFEFF/, "")).slice(1);
  for (const [r, row] of rows.entries()) {
    if (row.length !== kinds.length) throw new Error(`${file} row ${r + 2}: ${row.length} fields`);
    for (const [c, {v, q}] of row.entries()) {
      const k = kinds[c]!;
      const where = `${file} row ${r + 2} col ${c + 1} (${JSON.stringify(v)})`;
      if (k === "Q") {
        if (!q) throw new Error(`unquoted id: ${where}`);
        continue;
      }
      if (k === "s") {
        if (q !== (v !== "" && NEEDS_QUOTE.test(v))) throw new Error(`quoting: ${where}`);
        continue;
      }
      if (q) throw new Error(`quoted non-string: ${where}`);
      if (v === "") continue;
      const ok =
        k === "i"
          ? /^-?\d+$/.test(v)
          : k === "m"
            ? /^\d+\.\d{2}$/.test(v)
            : k === "f"
              ? Number.isFinite(Number(v))
              : TS.test(v) && !Number.isNaN(Date.parse(v.replace(" ", "T") + "Z"));
      if (!ok) throw new Error(`bad value: ${where}`);
    }
  }
}

describe("synthetic Olist: determinism and format (scale 0.02)", () => {
  let a: string;
  let b: string;
  let c: string;
  beforeAll(async () => {
    a = mk("a");
    b = mk("b");
    c = mk("c");
    await generateOlist({scale: 0.02, seed: 42, outDir: a, log: quiet});
    await generateOlist({scale: 0.02, seed: 42, outDir: b, log: quiet});
    await generateOlist({scale: 0.02, seed: 7, outDir: c, log: quiet});
  }, 60_000);

  it("writes the nine files plus the truth file", () => {
    expect(readdirSync(a).sort()).toEqual([...Object.values(OLIST_FILES), TRUTH_FILE].sort());
  });

  it("same seed and scale → byte-identical files; another seed differs", () => {
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    expect(readFileSync(join(c, OLIST_FILES.orders)).equals(readFileSync(join(a, OLIST_FILES.orders)))).toBe(false);
  });

  it("headers are exactly the real ones", () => {
    for (const [k, f] of Object.entries(OLIST_FILES)) {
      const head = readFileSync(join(a, f), "utf8").split(/\r?\n/)[0];
      expect(head, f).toBe(HEADERS[k as keyof typeof OLIST_FILES]);
      if (hasSample && existsSync(join(SAMPLE, f))) {
        expect(head, f).toBe(readFileSync(join(SAMPLE, f), "utf8").split(/\r?\n/)[0]);
      }
    }
  });

  it("translation file: BOM, CRLF, no final newline, the 71 real pairs", () => {
    const buf = readFileSync(join(a, OLIST_FILES.translation));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString("utf8");
    expect(text.endsWith("\n")).toBe(false);
    expect(text.split("\r\n")).toHaveLength(72);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
    if (hasSample) expect(text).toBe(readFileSync(join(SAMPLE, OLIST_FILES.translation), "utf8"));
  });

  it("reviews use CRLF line ends (LF only inside quoted comments)", () => {
    const text = readFileSync(join(a, OLIST_FILES.reviews), "utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    const stripped = text.replace(/"(?:[^"]|"")*"/g, "");
    expect(/[^\r]\n/.test(stripped)).toBe(false);
  });

  it("every field follows the Olist quoting rule; no unparseable values", () => {
    for (const [k, f] of Object.entries(OLIST_FILES)) {
      checkQuoting(readFileSync(join(a, f), "utf8"), KINDS[k as keyof typeof OLIST_FILES], f);
    }
  });

  it.skipIf(!hasSample)("the quoting rule checker accepts the real sample files", () => {
    for (const [k, f] of Object.entries(OLIST_FILES)) {
      if (!existsSync(join(SAMPLE, f))) continue;
      checkQuoting(readFileSync(join(SAMPLE, f), "utf8"), KINDS[k as keyof typeof OLIST_FILES], f);
    }
  });

  it("ids are 32-char lowercase hex; joins hold", () => {
    const orders = readCsv(a, OLIST_FILES.orders);
    const customers = readCsv(a, OLIST_FILES.customers);
    for (const o of orders) {
      expect(o.order_id).toMatch(/^[0-9a-f]{32}$/);
      expect(o.customer_id).toMatch(/^[0-9a-f]{32}$/);
    }
    const custIds = new Set(customers.map((x) => x.customer_id));
    expect(orders.every((o) => custIds.has(o.customer_id))).toBe(true);
    const products = new Set(readCsv(a, OLIST_FILES.products).map((p) => p.product_id));
    const sellers = new Set(readCsv(a, OLIST_FILES.sellers).map((s) => s.seller_id));
    for (const it of readCsv(a, OLIST_FILES.items)) {
      expect(products.has(it.product_id!)).toBe(true);
      expect(sellers.has(it.seller_id!)).toBe(true);
    }
  });

  it("truth_orders.csv: one row per order with the documented columns", () => {
    const text = readFileSync(join(a, TRUTH_FILE), "utf8");
    expect(text.split("\n")[0]).toBe(TRUTH_COLUMNS.join(","));
    const truth = readCsv(a, TRUTH_FILE);
    const orders = readCsv(a, OLIST_FILES.orders);
    expect(truth).toHaveLength(orders.length);
    expect(new Set(truth.map((r) => r.order_id))).toEqual(new Set(orders.map((o) => o.order_id)));
    for (const r of truth) {
      expect(Number(r.lambda_per_day)).toBeGreaterThan(0);
      const p = Number(r.dropout_prob_after);
      expect(p > 0 && p < 1).toBe(true);
    }
  });
});

describe("synthetic Olist: review text (scale 0.05)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mk("text");
    await generateOlist({scale: 0.05, seed: 42, outDir: dir, log: quiet});
  }, 60_000);

  it("comments are varied and their tone follows the score", () => {
    const reviews = readCsv(dir, OLIST_FILES.reviews);
    const msgs = reviews.filter((r) => r.review_comment_message);
    const distinct = new Set(msgs.map((r) => r.review_comment_message)).size;
    const neg =
      /\b(nao|não|n|ñ|nunca|pessim\w*|péssim\w*|horrivel|horrível|defeito|errado|atras\w*|quebrado|ruim|decepciona\w*|falt\w*)\b/;
    const negShare = (s: string) => {
      const m = msgs.filter((r) => r.review_score === s);
      return m.filter((r) => neg.test(r.review_comment_message!.toLowerCase())).length / m.length;
    };
    console.log(
      `[synth text] messages=${msgs.length} distinct=${distinct} neg(score1)=${negShare("1").toFixed(3)} neg(score5)=${negShare("5").toFixed(3)}`
    );
    expect(distinct).toBeGreaterThan(0.75 * msgs.length);
    expect(negShare("1")).toBeGreaterThan(0.5);
    expect(negShare("1")).toBeGreaterThan(5 * negShare("5"));
    // informal markers show up
    const all = msgs.map((r) => r.review_comment_message!).join("\n");
    for (const marker of [/\bmt\b/, /\bnao\b/, /\bvc|\bq\b|\bpq\b|\btd\b/, /([aeiou])\1\1/, /[A-Z]{5}/])
      expect(all).toMatch(marker);
  });
});

describe("synthetic Olist: realism at scale 1 (olist-facts.md)", () => {
  let dir: string;
  let s: SynthStats;
  let truth: Record<string, string>[];
  beforeAll(async () => {
    dir = mk("s1");
    const t0 = Date.now();
    await generateOlist({scale: 1, seed: 42, outDir: dir, log: quiet});
    const gen = Date.now() - t0;
    s = synthStats(dir);
    truth = readCsv(dir, TRUTH_FILE);
    console.log(
      `[synth scale 1] generated in ${(gen / 1000).toFixed(1)}s\n` + JSON.stringify({...s, months: undefined}, null, 1)
    );
    console.log("[synth months] " + JSON.stringify(s.months));
  }, 120_000);

  const near = (x: number, target: number, relTol: number) =>
    expect(Math.abs(x - target) / target, `${x} vs ${target}`).toBeLessThan(relTol);

  it("volumes: ≈96k people, ≈99k orders, ≈113k items", () => {
    near(s.persons, 96_096, 0.01);
    near(s.rows.orders, 99_441, 0.03);
    near(s.rows.items, 112_650, 0.04);
    expect(s.rows.customers).toBe(s.rows.orders);
    near(s.rows.products, 32_951, 0.01);
    near(s.rows.sellers, 3_095, 0.01);
    near(s.rows.geolocation, 150_000, 0.05);
  });

  it("orders per person: ≈97% one-time and a thin repeat tail", () => {
    expect(s.oneTimeShare).toBeGreaterThan(0.955);
    expect(s.oneTimeShare).toBeLessThan(0.978);
    const o = s.ordersPerPerson as Record<string, number>;
    near(o["2"]!, 2_745, 0.3);
    near(o["3"]!, 203, 0.5);
    expect(o["4"]! + (o["5"] ?? 0)).toBeGreaterThan(10);
    expect(o["4"]! + (o["5"] ?? 0)).toBeLessThan(150);
    expect(s.repeatGapMedianDays).toBeGreaterThan(18);
    expect(s.repeatGapMedianDays).toBeLessThan(45);
    expect(s.repeatSameDayShare).toBeGreaterThan(0.005); // same-day repeats exist
  });

  it("status mix", () => {
    const st = s.status as Record<string, number>;
    near(st.delivered! / s.rows.orders, 0.97, 0.01);
    for (const [k, v] of Object.entries({
      shipped: 1107,
      canceled: 625,
      unavailable: 609,
      invoiced: 314,
      processing: 301
    }))
      near(st[k]!, v, 0.3);
    expect(st.created).toBeGreaterThan(0);
    expect(st.approved).toBeGreaterThan(0);
  });

  it("month curve with sparse tails and the Black Friday peak", () => {
    const m = s.months as Record<string, number>;
    expect(m["2016-09"]).toBeLessThanOrEqual(10);
    expect(m["2016-11"] ?? 0).toBeLessThanOrEqual(3);
    expect(m["2016-12"]).toBeLessThanOrEqual(6);
    expect(m["2018-09"]).toBeLessThanOrEqual(40);
    expect(m["2018-10"]).toBeLessThanOrEqual(15);
    near(m["2016-10"]!, 324, 0.25);
    for (const [k, v] of Object.entries({
      "2017-01": 800,
      "2017-06": 3245,
      "2017-11": 7544,
      "2018-01": 7269,
      "2018-08": 6512
    }))
      near(m[k]!, v, 0.1);
    expect(s.peakDay.day).toBe("2017-11-24");
    expect(s.peakDay.orders).toBeGreaterThan(950);
    expect(s.peakDay.orders).toBeLessThan(1400);
  });

  it("customer states", () => {
    near(s.spCustomerShare, 0.42, 0.05);
    expect(s.customerStates).toBe(27);
  });

  it("categories, prices, freight", () => {
    expect(new Set(s.topCategories.slice(0, 6))).toEqual(
      new Set([
        "cama_mesa_banho",
        "beleza_saude",
        "esporte_lazer",
        "moveis_decoracao",
        "informatica_acessorios",
        "utilidades_domesticas"
      ])
    );
    expect(s.productsWithoutCategory).toBe(610);
    expect(s.untranslated).toEqual(["pc_gamer", "portateis_cozinha_e_preparadores_de_alimentos"]);
    near(s.price.median, 75, 0.1);
    near(s.price.mean, 120.65, 0.1);
    expect(s.price.max).toBeGreaterThan(2000);
    expect(s.price.max).toBeLessThan(10_000);
    near(s.freightMean, 19.99, 0.1);
  });

  it("items per order and orders without items", () => {
    near(s.oneItemOrderShare, 0.9, 0.03);
    expect(s.maxItems).toBeGreaterThanOrEqual(12);
    expect(s.maxItems).toBeLessThanOrEqual(21);
    near(s.ordersWithoutItems, 775, 0.25);
    expect(s.noItemsCanceledOrUnavailableShare).toBeGreaterThan(0.9);
  });

  it("payments", () => {
    const p = s.paymentTypeShare as Record<string, number>;
    near(p.credit_card!, 0.739, 0.04);
    near(p.boleto!, 0.19, 0.1);
    near(p.voucher!, 0.056, 0.2);
    near(p.debit_card!, 0.0147, 0.25);
    expect(s.notDefined).toEqual(["0.00", "0.00", "0.00"]);
    expect(s.installments.min).toBe(0);
    expect(s.installments.max).toBe(24);
    expect(s.installments.one).toBeGreaterThan(0.42);
    expect(s.installments.one).toBeLessThan(0.58);
    expect(s.installments.nonCardAbove1).toBe(0);
    expect(s.voucherSplitOrders).toBeGreaterThan(300);
    expect(s.paymentSumMismatches).toBe(0); // payments sum to price + freight
    expect(s.ordersWithoutPayment).toBe(1);
    near(s.rows.payments, 103_886, 0.04);
  });

  it("delivery times and lateness", () => {
    near(s.deliveryDaysMean, 12, 0.1);
    near(s.estimatedDaysMean, 24, 0.1);
    near(s.lateShare, 0.08, 0.2);
    expect(s.deliveredWithoutDate).toBe(8);
  });

  it("reviews: score mix, lateness effect, duplicates, comments", () => {
    const sc = s.scoreShare as Record<string, number>;
    for (const [k, v] of Object.entries({5: 0.578, 4: 0.193, 3: 0.082, 2: 0.032, 1: 0.115})) near(sc[k]!, v, 0.12);
    near(s.scoreLate, 2.6, 0.1);
    near(s.scoreOnTime, 4.3, 0.05);
    near(s.rows.reviews, 99_224, 0.03);
    expect(s.reviewIdsDistinct).toBeLessThan(s.rows.reviews);
    near(s.rows.reviews - s.reviewIdsDistinct, 814, 0.3);
    expect(s.ordersWithTwoReviews).toBeGreaterThan(200);
    near(s.commentShare, 0.41, 0.08);
    near(s.titleShare, 0.12, 0.15);
    expect(s.negativeWordShare.score1).toBeGreaterThan(5 * s.negativeWordShare.score5);
  });

  it("geolocation and sellers", () => {
    near(s.geo.prefixes, 19_000, 0.1);
    expect(s.geo.customerPrefixInGeo).toBeGreaterThan(0.97);
    expect(s.geo.customerPrefixInGeo).toBeLessThan(1);
    expect(s.geo.inStateBox).toBeGreaterThan(0.999);
    expect(s.geo.outsideBrazil).toBeGreaterThan(0);
    expect(s.geo.outsideBrazil).toBeLessThan(100);
    expect(s.geo.duplicateRows).toBeGreaterThan(1000);
    expect(s.sellers.states).toBe(23);
    near(s.sellers.spShare, 0.6, 0.05);
  });

  it("planted drivers are visible in the truth file and in behaviour", () => {
    const orders = new Map(readCsv(dir, OLIST_FILES.orders).map((o) => [o.order_id!, o]));
    const isLate = (id: string) => {
      const o = orders.get(id)!;
      return (
        o.order_delivered_customer_date !== "" && o.order_delivered_customer_date! > o.order_estimated_delivery_date!
      );
    };
    // Truth: dropout probability is higher after late orders.
    const pLate: number[] = [];
    const pOnTime: number[] = [];
    for (const r of truth) (isLate(r.order_id!) ? pLate : pOnTime).push(Number(r.dropout_prob_after));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(pLate) - mean(pOnTime)).toBeGreaterThan(0.01);
    // Behaviour: people whose first order was late come back less often.
    const firstBy = new Map<string, {t: string; id: string}>();
    const nBy = new Map<string, number>();
    for (const r of truth) {
      const f = firstBy.get(r.customer_unique_id!);
      if (!f || r.purchase_timestamp! < f.t)
        firstBy.set(r.customer_unique_id!, {t: r.purchase_timestamp!, id: r.order_id!});
      nBy.set(r.customer_unique_id!, (nBy.get(r.customer_unique_id!) ?? 0) + 1);
    }
    let lateN = 0,
      lateRep = 0,
      okN = 0,
      okRep = 0;
    for (const [uid, f] of firstBy) {
      if (f.t >= "2018-06-01") continue;
      const rep = nBy.get(uid)! > 1 ? 1 : 0;
      if (isLate(f.id)) (lateN++, (lateRep += rep));
      else (okN++, (okRep += rep));
    }
    console.log(
      `[synth drivers] repeat rate after late first order ${(lateRep / lateN).toFixed(4)} vs on time ${(okRep / okN).toFixed(4)}; mean p late ${mean(pLate).toFixed(4)} vs on time ${mean(pOnTime).toFixed(4)}`
    );
    expect(lateRep / lateN).toBeLessThan(0.8 * (okRep / okN));
  });
});
