// The A/B page's defaults on the hand-made dataset, computed by hand in the comments.
// Valid orders of known customers: u1 o1 2018-01-10 (110), o2 2018-02-09 (90); u2 o3 2016-10-01 (220);
// u3 o4 2017-01-01 (88) (o5 is canceled); u4 o6 2017-03-01 (44), o7 2017-09-01 (77); u5 9o8 2018-06-30 (99).
import {afterEach, beforeAll, describe, expect, test} from "vitest";
import {abDefaults} from "../loaders/ab-defaults.js";
import {tinyOlist, writeDataset} from "./fixtures/tiny-olist.js";
import {useTempCache, withDir} from "./helpers.js";

let dir: string;
beforeAll(() => {
  useTempCache();
  dir = writeDataset(tinyOlist());
});
afterEach(() => {
  delete process.env.ANALYSIS_DATE;
});

describe("A/B defaults on the hand-made dataset", () => {
  test("default analysis date 2018-06-30", async () => {
    expect(await withDir(dir, abDefaults)).toEqual({
      analysis_date: "2018-06-30",
      repeat: {
        window_days: 90,
        cohort_until: "2018-04-01", // 2018-06-30 − 90 days
        // u1, u2, u3, u4 first bought before 2018-04-01; u5 (2018-06-30) has no full window yet.
        first_time_buyers: 4,
        // u1 came back after 30 days; u4 after 184 days (> 90); u3's second order is canceled.
        repeat_buyers: 1,
        rate: 0.25
      },
      order_value: {
        paid_orders: 7, // every valid order has a payment
        mean: 104, // (110 + 90 + 220 + 88 + 44 + 77 + 99) / 7 = 728 / 7
        // deviations 6, −14, 116, −16, −60, −27, −5 → squares sum 18,298; /6 = 3,049.67; √ = 55.224
        sd: 55.22
      },
      traffic: {
        days: 56,
        from: "2018-05-05", // 2018-06-30 − 56 days …
        to: "2018-06-29", // … to the day before the analysis date
        new_customers: 0, // u5's first order is on the analysis date itself, outside the full days
        new_customers_per_day: 0,
        orders: 0,
        orders_per_day: 0
      }
    });
  });

  test("ANALYSIS_DATE=2018-03-01: later orders are ignored, u1 is new in the traffic window", async () => {
    process.env.ANALYSIS_DATE = "2018-03-01";
    expect(await withDir(dir, abDefaults)).toEqual({
      analysis_date: "2018-03-01",
      repeat: {
        window_days: 90,
        cohort_until: "2017-12-01", // 2018-03-01 − 90 days (Feb 2018 has 28 days)
        first_time_buyers: 3, // u2, u3, u4; u1's first order (2018-01-10) is too recent
        repeat_buyers: 0, // u4's second order is 184 days after the first
        rate: 0
      },
      order_value: {
        paid_orders: 6, // o1, o2, o3, o4, o6, o7
        mean: 104.83, // 629 / 6 = 104.833…
        // mean 104.833; deviations 5.167, −14.833, 115.167, −16.833, −60.833, −27.833 → squares sum
        // 26.69 + 220.03 + 13263.36 + 283.36 + 3700.69 + 774.69 = 18,268.83; /5 = 3,653.77; √ = 60.447
        sd: 60.45
      },
      traffic: {
        days: 56,
        from: "2018-01-04",
        to: "2018-02-28",
        new_customers: 1, // u1 (2018-01-10)
        new_customers_per_day: 0.018, // 1 / 56
        orders: 2, // o1 and o2
        orders_per_day: 0.036 // 2 / 56 = 0.0357
      }
    });
  });

  test("an analysis date within 90 days of the first purchase leaves no cohort: the rate is null, not 0", async () => {
    process.env.ANALYSIS_DATE = "2016-12-01";
    const d = await withDir(dir, abDefaults);
    // Only u2 (2016-10-01) has bought; 61 days < 90.
    expect(d.repeat).toEqual({
      window_days: 90,
      cohort_until: "2016-09-02",
      first_time_buyers: 0,
      repeat_buyers: 0,
      rate: null
    });
    expect(d.order_value).toEqual({paid_orders: 1, mean: 220, sd: null}); // one order: no sample sd
  });
});
