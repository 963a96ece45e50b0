// The CLV run's settings, published in clv.json's `settings` and stated on the page.
import {PURCHASE_MONTHS} from "../../lib/contracts/clv.js";
import {DRAWS, INTERVAL_LEVEL} from "../../lib/clv/uncertainty.js";

export const CLV_SETTINGS = {
  /** The model's time unit: weeks (7 days); months of 30.4375 days. */
  unitDays: 7,
  monthWeeks: 30.4375 / 7,
  /** The holdout is the last 26 weeks before the analysis date; calibration is everything before it. */
  holdoutWeeks: 26,
  /** CLV default: the next 12 months, each month's expected revenue discounted at 1% per month, no margin. */
  horizonMonths: 12,
  monthlyDiscountRate: 0.01,
  margin: 1,
  purchaseMonths: [...PURCHASE_MONTHS],
  /** Months of the base totals the page's horizon input can reach. */
  totalMonths: 36,
  intervalLevel: INTERVAL_LEVEL,
  draws: DRAWS,
  /** Calibration buckets x = 0 … 5 and 6+; period transactions the same. */
  calibrationBuckets: 6,
  /** Repeat purchase days kept per person for the P(alive) history. */
  historyPurchases: 50,
  /** People in the top list of clv.json. */
  topN: 100,
  /** Gamma-Gamma is fitted on at most this many repeat buyers (a stratified sample above it). */
  spendSampleCap: 200_000,
  /** Rows per chunk while scoring people. */
  chunkRows: 20_000
};
