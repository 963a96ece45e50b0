// Monthly cohorts: the cube and the public cohorts.json on a hand-made dataset whose cells are computed by hand,
// the cube against an independent computation from the synthetic CSVs, payback and the boundary flags.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {afterEach, beforeAll, describe, expect, test} from "vitest";
import {
  addMonths,
  cohortPaybacks,
  cohortsFromCube,
  lastDayOfMonth,
  MIN_COHORT_SIZE,
  monthComplete,
  monthsBetween,
  paybackMonth,
  pooledCurve,
  shapeCohorts,
  type CalendarMonth,
  type Cohort,
  type CohortCube
} from "../lib/cohorts.js";
import {cohortCube, cohortsReport, type CohortsReport} from "../loaders/cohorts.js";
import {dataSource} from "../loaders/config.js";
import {ensureSynthetic} from "../loaders/synthetic.js";
import {openWarehouse} from "../loaders/warehouse/warehouse.js";
import {tinyOlist, writeDataset, type Dataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

/**
 * The tiny dataset plus repeat buyers (u1…u5 are tiny-olist's):
 * - u6: first order o9 on 2018-01-05 in SP with a 20 health_beauty item and a 60 bed_bath_table item, paid with a
 *   30 voucher then 50 by card; o10 on 2018-01-25 from RJ (same month), 40; o11 on 2018-03-15, 25.
 * - u7: o12 on 2018-01-31 23:00, 60 by card, health_beauty; o13 on 2018-02-01 00:30, 30: month 1 by calendar.
 * - u8: a canceled o14 in 2017-12 (ignored), then o15 on 2018-01-15, 70 by debit card, bed_bath_table.
 * - u10: o16 on 2018-02-10 in BA with no item and no payment.
 * - o17 on 2018-03-01 whose customer is unknown: not a person of any cohort.
 */
function cohortFixture(): Dataset {
  const d = tinyOlist();
  d.customers.rows.push(
    ["c8", "u6", "01001", "sao paulo", "SP"],
    ["c9", "u6", "20040", "rio de janeiro", "RJ"],
    ["c10", "u7", "01001", "sao paulo", "SP"],
    ["c11", "u8", "01001", "sao paulo", "SP"],
    ["c12", "u10", "40010", "salvador", "BA"]
  );
  const order = (id: string, customer: string, status: string, at: string) => [
    id,
    customer,
    status,
    at,
    at,
    "",
    "",
    "2018-12-01 00:00:00"
  ];
  d.orders.rows.push(
    order("o9", "c8", "delivered", "2018-01-05 10:00:00"),
    order("o10", "c9", "delivered", "2018-01-25 10:00:00"),
    order("o11", "c9", "delivered", "2018-03-15 10:00:00"),
    order("o12", "c10", "delivered", "2018-01-31 23:00:00"),
    order("o13", "c10", "delivered", "2018-02-01 00:30:00"),
    order("o14", "c11", "canceled", "2017-12-20 10:00:00"),
    order("o15", "c11", "delivered", "2018-01-15 10:00:00"),
    order("o16", "c12", "delivered", "2018-02-10 10:00:00"),
    order("o17", "c99", "delivered", "2018-03-01 10:00:00")
  );
  const item = (order: string, n: string, product: string, price: string) => [
    order,
    n,
    product,
    "s1",
    "2018-03-20 10:00:00",
    price,
    "0.00"
  ];
  d.order_items.rows.push(
    item("o9", "1", "p2", "20.00"),
    item("o9", "2", "p1", "60.00"),
    item("o10", "1", "p3", "40.00"),
    item("o11", "1", "p3", "25.00"),
    item("o12", "1", "p2", "60.00"),
    item("o13", "1", "p1", "30.00"),
    item("o14", "1", "p3", "500.00"),
    item("o15", "1", "p1", "70.00"),
    item("o17", "1", "p1", "999.00")
  );
  const pay = (order: string, seq: string, type: string, value: string) => [order, seq, type, "1", value];
  d.order_payments.rows.push(
    pay("o9", "1", "voucher", "30.00"),
    pay("o9", "2", "credit_card", "50.00"),
    pay("o10", "1", "boleto", "40.00"),
    pay("o11", "1", "credit_card", "25.00"),
    pay("o12", "1", "credit_card", "60.00"),
    pay("o13", "1", "credit_card", "30.00"),
    pay("o14", "1", "credit_card", "500.00"),
    pay("o15", "1", "debit_card", "70.00"),
    pay("o17", "1", "credit_card", "999.00")
  );
  return d;
}

type CubeRow = [
  cohort: string,
  state: string,
  category: string,
  payment: string,
  k: number,
  buyers: number,
  revenue: number
];

function cubeRows(cube: CohortCube): CubeRow[] {
  const c = cube.cells;
  return c.cohort.map((_, i) => [
    cube.cohorts[c.cohort[i]],
    cube.states[c.state[i]],
    cube.categories[c.category[i]],
    cube.payment_types[c.payment_type[i]],
    c.month_offset[i],
    c.buyers[i],
    c.revenue[i]
  ]);
}

const pick = (cohorts: Cohort[], name: string) => cohorts.find((c) => c.cohort === name)!;

afterEach(() => {
  delete process.env.ANALYSIS_DATE;
});

describe("cohorts on the hand-made dataset", () => {
  let dir: string;
  let cube: CohortCube;
  let report: CohortsReport;
  beforeAll(async () => {
    useTempCache();
    dir = writeDataset(cohortFixture());
    [cube, report] = await withDir(dir, async (w) => [await cohortCube(w), await cohortsReport(w)]);
  });

  test("cube cells, computed by hand", () => {
    expect(cube.analysis_date).toBe("2018-06-30");
    expect(cubeRows(cube)).toEqual([
      ["2016-10", "RJ", "bed_bath_table", "boleto", 0, 1, 220],
      ["2017-01", "MG", "health_beauty", "credit_card", 0, 1, 88], // u3's canceled o5 is ignored
      ["2017-03", "SP", "bed_bath_table", "debit_card", 0, 1, 44],
      ["2017-03", "SP", "bed_bath_table", "debit_card", 6, 1, 77],
      // u1 (o1 110, o2 90 in February) and u6 (o9 80 + o10 40 in January, priciest item bed_bath_table, largest
      // payment by card, o11 25 in March); u6 stays in SP although o10 and o11 came from RJ.
      ["2018-01", "SP", "bed_bath_table", "credit_card", 0, 2, 230],
      ["2018-01", "SP", "bed_bath_table", "credit_card", 1, 1, 90],
      ["2018-01", "SP", "bed_bath_table", "credit_card", 2, 1, 25],
      ["2018-01", "SP", "bed_bath_table", "debit_card", 0, 1, 70], // u8: the canceled December order does not count
      ["2018-01", "SP", "health_beauty", "credit_card", 0, 1, 60],
      ["2018-01", "SP", "health_beauty", "credit_card", 1, 1, 30], // u7: 1.5 hours later, but the next calendar month
      ["2018-02", "BA", "(no items)", "(no payment)", 0, 1, 0],
      ["2018-06", "PR", "pc_gamer", "boleto", 0, 1, 99] // no translation: the Portuguese name
    ]);
  });

  test("calendar: months with no order are sparse, the analysis month is complete on its last day", () => {
    expect(cube.calendar.length).toBe(monthsBetween("2016-10", "2018-06") + 1);
    const sparse = cube.calendar.filter((m) => m.sparse).map((m) => m.month);
    const withOrders = [
      "2016-10",
      "2017-01",
      "2017-03",
      "2017-06",
      "2017-09",
      "2017-12",
      "2018-01",
      "2018-02",
      "2018-03",
      "2018-06"
    ];
    expect(cube.calendar.filter((m) => !m.sparse).map((m) => m.month)).toEqual(withOrders);
    expect(sparse).toContain("2018-04");
    expect(cube.calendar.every((m) => m.complete)).toBe(true);
    expect(cube.calendar.find((m) => m.month === "2018-01")!.orders).toBe(5); // o1, o9, o10, o12, o15
  });

  test("the 2018-01 cohort in cohorts.json, by hand", () => {
    const c = pick(report.cohorts, "2018-01");
    expect(c.people).toBe(4); // u1, u6, u7, u8
    expect(c.small).toBe(true);
    expect(
      c.months.map((m) => [m.month_offset, m.month, m.retained, m.revenue, m.cumulative_revenue, m.observable])
    ).toEqual([
      [0, "2018-01", 4, 360, 360, true],
      [1, "2018-02", 2, 120, 480, true],
      [2, "2018-03", 1, 25, 505, true],
      [3, "2018-04", 0, 0, 505, false], // no order at all that month: sparse
      [4, "2018-05", 0, 0, 505, false],
      [5, "2018-06", 0, 0, 505, true]
    ]);
    expect(c.months.map((m) => m.retention)).toEqual([1, 0.5, 0.25, 0, 0, 0]);
    expect(c.months.map((m) => m.cumulative_revenue_per_customer)).toEqual([90, 120, 126.25, 126.25, 126.25, 126.25]);
    expect(report.cohorts.map((x) => [x.cohort, x.people])).toEqual([
      ["2016-10", 1],
      ["2017-01", 1],
      ["2017-03", 1],
      ["2018-01", 4],
      ["2018-02", 1],
      ["2018-06", 1]
    ]);
    expect(pick(report.cohorts, "2017-03").months[6]).toMatchObject({
      month: "2017-09",
      retained: 1,
      revenue: 77,
      cumulative_revenue: 121,
      observable: true
    });
    expect(report.sparse_months).toEqual(sparseOf(cube.calendar));
  });

  test("the cube summed without a filter equals cohorts.json", () => {
    expect(cohortsFromCube(cube)).toEqual(report.cohorts);
  });

  test("filters pick people by their first order", () => {
    expect(
      cohortsFromCube(cube, {category: "health_beauty"}).map((c) => [c.cohort, c.people, c.months[1]?.retained])
    ).toEqual([
      ["2017-01", 1, 0],
      ["2018-01", 1, 1]
    ]);
    expect(cohortsFromCube(cube, {state: "RJ"}).map((c) => c.cohort)).toEqual(["2016-10"]); // u6 is SP's
    expect(cohortsFromCube(cube, {payment_type: "voucher"})).toEqual([]);
    expect(cohortsFromCube(cube, {state: "SP", payment_type: "debit_card"}).map((c) => [c.cohort, c.people])).toEqual([
      ["2017-03", 1],
      ["2018-01", 1]
    ]);
    expect(cohortsFromCube(cube, {state: "XX"})).toEqual([]);
  });

  test("without the products file every first order has no category, and the cube says why", async () => {
    const bare = await withDir(writeDataset(cohortFixture(), ["products"]), cohortCube);
    expect(bare.categories).toEqual(["(no category)", "(no items)"]);
    expect(bare.categories_missing).toMatch(/olist_products_dataset\.csv is absent/);
    expect(cube.categories_missing).toBeUndefined();
    expect(cohortsFromCube(bare)).toEqual(report.cohorts); // the cohorts themselves do not change
  });

  test("analysis date one day before the month's end: that month is not observable, its orders not counted", async () => {
    process.env.ANALYSIS_DATE = "2018-06-29";
    const early = await withDir(dir, cohortsReport);
    expect(early.cohorts.map((c) => c.cohort)).not.toContain("2018-06"); // u5's only order is on 2018-06-30
    expect(pick(early.cohorts, "2018-01").months.at(-1)).toMatchObject({
      month_offset: 5,
      month: "2018-06",
      observable: false
    });
    process.env.ANALYSIS_DATE = "2018-07-01";
    const later = await withDir(dir, cohortsReport);
    expect(pick(later.cohorts, "2018-01").months.at(-2)).toMatchObject({month: "2018-06", observable: true});
    expect(pick(later.cohorts, "2018-01").months.at(-1)).toMatchObject({
      month_offset: 6,
      month: "2018-07",
      observable: false
    });
  });
});

const sparseOf = (calendar: CalendarMonth[]) => calendar.filter((m) => m.sparse).map((m) => m.month);

describe("month arithmetic and the boundaries of the flags", () => {
  test("months", () => {
    expect(addMonths("2017-11", 3)).toBe("2018-02");
    expect(addMonths("2018-01", 0)).toBe("2018-01");
    expect(addMonths("2017-12", 1)).toBe("2018-01");
    expect(monthsBetween("2016-10", "2018-06")).toBe(20);
    expect(lastDayOfMonth("2016-02")).toBe("2016-02-29");
    expect(lastDayOfMonth("2018-12")).toBe("2018-12-31");
  });

  test("a month is complete from its last day on", () => {
    expect(monthComplete("2018-06", "2018-06-30")).toBe(true);
    expect(monthComplete("2018-06", "2018-06-29")).toBe(false);
    expect(monthComplete("2016-02", "2016-02-29")).toBe(true);
    expect(monthComplete("2016-02", "2016-02-28")).toBe(false);
    expect(monthComplete("2018-05", "2018-06-01")).toBe(true);
  });

  test(`a cohort is small below ${MIN_COHORT_SIZE} people, not at it`, () => {
    const calendar: CalendarMonth[] = [{month: "2018-01", orders: 100, complete: true, sparse: false}];
    const rows = [
      {cohort: "2018-01", month_offset: 0, buyers: MIN_COHORT_SIZE - 1, revenue: 10},
      {cohort: "2017-12", month_offset: 0, buyers: MIN_COHORT_SIZE, revenue: 10}
    ];
    const cohorts = shapeCohorts(rows, calendar, "2018-01-31");
    expect(cohorts.map((c) => [c.cohort, c.people, c.small])).toEqual([
      ["2017-12", 30, false],
      ["2018-01", 29, true]
    ]);
    // 2017-12 is not in the calendar given: not observable, so never shown as a share.
    expect(cohorts[0].months.map((m) => [m.month, m.observable])).toEqual([
      ["2017-12", false],
      ["2018-01", true]
    ]);
  });
});

describe("payback and the pooled curve, by hand", () => {
  let cohorts: Cohort[];
  beforeAll(async () => {
    const dir = writeDataset(cohortFixture());
    useTempCache();
    const cube = await withDir(dir, cohortCube);
    // A minimum size of 1 so that the hand example's cohorts are read.
    cohorts = cohortsFromCube(cube, {}, 1).filter((c) => c.cohort === "2018-01" || c.cohort === "2018-02");
  });

  test("months to payback of the 2018-01 cohort (90, 120, 126.25 per customer to date)", () => {
    const c = cohorts[0];
    expect(paybackMonth(c.months, {acquisitionCost: 45, grossMargin: 0.5})).toBe(0);
    expect(paybackMonth(c.months, {acquisitionCost: 45.01, grossMargin: 0.5})).toBe(1);
    expect(paybackMonth(c.months, {acquisitionCost: 60, grossMargin: 0.5})).toBe(1); // exactly covered
    expect(paybackMonth(c.months, {acquisitionCost: 63, grossMargin: 0.5})).toBe(2);
    expect(paybackMonth(c.months, {acquisitionCost: 64, grossMargin: 0.5})).toBe(null);
    expect(cohortPaybacks(cohorts, {acquisitionCost: 63, grossMargin: 0.5})).toEqual([
      {cohort: "2018-01", people: 4, small: false, payback_month: 2, last_observed_offset: 5},
      {cohort: "2018-02", people: 1, small: false, payback_month: null, last_observed_offset: 4} // 2018-04, 2018-05 sparse
    ]);
  });

  test("a month that is not observable never counts as payback", () => {
    const months = [
      {month_offset: 0, cumulative_revenue_per_customer: 10, observable: true},
      {month_offset: 1, cumulative_revenue_per_customer: 50, observable: false},
      {month_offset: 2, cumulative_revenue_per_customer: 50, observable: true}
    ];
    expect(paybackMonth(months, {acquisitionCost: 20, grossMargin: 0.5})).toBe(2);
  });

  test("pooled curve of 2018-01 (4 people, 360 · 120 · 25) and 2018-02 (1 person, nothing after its first month)", () => {
    expect(
      pooledCurve(cohorts).map((p) => [
        p.month_offset,
        p.cohorts,
        p.people,
        p.retained,
        p.cumulative_revenue_per_customer
      ])
    ).toEqual([
      [0, 2, 5, 5, 72], // 360 / 5
      [1, 2, 5, 2, 96], // + 120 / 5
      [2, 1, 4, 1, 102.25], // 2018-02's month 2 (April) is sparse: + 25 / 4
      // month 3: April and May for both, not observable
      [4, 1, 1, 0, 102.25], // 2018-02 → June
      [5, 1, 4, 0, 102.25] // 2018-01 → June
    ]);
    expect(pooledCurve(cohortsFromCube({...emptyCube(), cohorts: []}))).toEqual([]);
  });
});

function emptyCube(): CohortCube {
  return {
    analysis_date: "2018-01-31",
    min_cohort_size: 30,
    calendar: [],
    cohorts: [],
    states: [],
    categories: [],
    payment_types: [],
    cells: {cohort: [], state: [], category: [], payment_type: [], month_offset: [], buyers: [], revenue: []}
  };
}

describe("cohorts on synthetic data at scale 0.02, against the CSVs", () => {
  let cube: CohortCube;
  let report: CohortsReport;
  let dir: string;
  beforeAll(async () => {
    useTempCache();
    const source = dataSource({SYNTH_SCALE: "0.02", SYNTH_SEED: "7"});
    const warehouse = await openWarehouse(source, () => {});
    try {
      cube = await cohortCube(warehouse);
      report = await cohortsReport(warehouse);
    } finally {
      warehouse.close();
    }
    dir = await ensureSynthetic(source, () => {});
  });

  test("cohorts.json equals a computation from the CSVs with d3-dsv", () => {
    const read = (name: string) => csvParse(readFileSync(join(dir, name), "utf8").replace(/^\uFEFF/, ""));
    const person = new Map(read("olist_customers_dataset.csv").map((c) => [c.customer_id!, c.customer_unique_id!]));
    const paid = new Map<string, number>();
    for (const p of read("olist_order_payments_dataset.csv"))
      paid.set(p.order_id!, (paid.get(p.order_id!) ?? 0) + Number(p.payment_value));
    const orders = read("olist_orders_dataset.csv")
      .filter((o) => !["canceled", "unavailable"].includes(o.order_status!) && person.has(o.customer_id!))
      .filter((o) => o.order_purchase_timestamp!.slice(0, 10) <= report.analysis_date)
      .map((o) => ({
        who: person.get(o.customer_id!)!,
        month: o.order_purchase_timestamp!.slice(0, 7),
        value: paid.get(o.order_id!) ?? 0
      }));
    const cohortOf = new Map<string, string>();
    for (const o of orders) if (!cohortOf.has(o.who) || o.month < cohortOf.get(o.who)!) cohortOf.set(o.who, o.month);
    const buyers = new Map<string, Set<string>>();
    const revenue = new Map<string, number>();
    for (const o of orders) {
      const key = `${cohortOf.get(o.who)}+${monthsBetween(cohortOf.get(o.who)!, o.month)}`;
      if (!buyers.has(key)) buyers.set(key, new Set());
      buyers.get(key)!.add(o.who);
      revenue.set(key, (revenue.get(key) ?? 0) + o.value);
    }
    expect(report.cohorts.reduce((n, c) => n + c.people, 0)).toBe(cohortOf.size);
    expect(report.cohorts.length).toBe(new Set(cohortOf.values()).size);
    let cells = 0;
    for (const c of report.cohorts) {
      for (const m of c.months) {
        const key = `${c.cohort}+${m.month_offset}`;
        expect(m.retained, key).toBe(buyers.get(key)?.size ?? 0);
        expect(m.revenue, key).toBeCloseTo(revenue.get(key) ?? 0, 1);
        if (m.retained > 0) cells++;
      }
    }
    expect(cells).toBe(buyers.size); // no activity outside the months shipped
    // Realistic shape: most people buy once; a few percent come back the next month.
    const pooled = pooledCurve(report.cohorts);
    expect(pooled[1].retention).toBeGreaterThan(0.002);
    expect(pooled[1].retention).toBeLessThan(0.05);
  });

  test("the cube summed over every filter value equals the unfiltered cohorts", () => {
    const all = cohortsFromCube(cube);
    expect(
      all.map(({cohort, people, months}) => ({
        cohort,
        people,
        months: months.map((m) => [m.retained, m.revenue, m.observable])
      }))
    ).toEqual(
      report.cohorts.map(({cohort, people, months}) => ({
        cohort,
        people,
        months: months.map((m) => [m.retained, m.revenue, m.observable])
      }))
    );
    for (const [dimension, values] of [
      ["state", cube.states],
      ["category", cube.categories],
      ["payment_type", cube.payment_types]
    ] as const) {
      const people = new Map<string, number>();
      const retained = new Map<string, number>();
      for (const value of values) {
        for (const c of cohortsFromCube(cube, {[dimension]: value})) {
          people.set(c.cohort, (people.get(c.cohort) ?? 0) + c.people);
          for (const m of c.months)
            retained.set(
              `${c.cohort}+${m.month_offset}`,
              (retained.get(`${c.cohort}+${m.month_offset}`) ?? 0) + m.retained
            );
        }
      }
      for (const c of report.cohorts) {
        expect(people.get(c.cohort), `${dimension} ${c.cohort}`).toBe(c.people);
        for (const m of c.months)
          expect(retained.get(`${c.cohort}+${m.month_offset}`) ?? 0, `${dimension} ${c.cohort}+${m.month_offset}`).toBe(
            m.retained
          );
      }
    }
  });
});
