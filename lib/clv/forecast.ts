// Per-customer forecasts with intervals, the same code in the loader (every person, in chunks) and in the page
// (one looked-up person, with the reader's horizon and discount rate):
//   P(alive), expected purchases over the next 3, 6 and 12 months, and CLV over the horizon,
//   CLV = E[spend] · Σ_{m=1..H} (E[Y(m)] − E[Y(m−1)]) / (1 + d)^m    (months m of `monthWeeks` weeks),
// each at the maximum-likelihood parameters and over parameter draws (uncertainty.ts).
// E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) · E[Y(t) | alive, x, T]; the second factor needs ₂F₁ and depends on
// (x, T) only, so it is computed once per (x, T) "block" for every month and parameter set. People sorted by
// (x, T) therefore cost one block each, plus one P(alive) per distinct t_x and a multiply per person.
import {conditionalExpectedSpend, type GammaGammaParams} from "./gammagamma.js";
import type {ModelParams, PurchaseModel} from "./models.js";
import {intervalOf, type Interval} from "./uncertainty.js";

export interface ForecastSettings {
  /** Weeks per month: 30.4375 / 7. */
  monthWeeks: number;
  /** The CLV horizon in months. */
  horizonMonths: number;
  /** Monthly discount rate d. */
  discountRate: number;
  /** Horizons of the expected-purchase figures, in months (e.g. 3, 6, 12). */
  purchaseMonths: readonly number[];
  /** Months of the base totals by month (≥ every other horizon). */
  totalMonths: number;
}

/** Parameters of one draw (or of the point estimate): the purchase model's and Gamma-Gamma's. */
export interface ParameterSet {
  purchase: ModelParams;
  spend: GammaGammaParams;
}

export interface CustomerInput {
  x: number;
  tx: number;
  T: number;
  /** Mean repeat spend (0 when x = 0). */
  mx: number;
}

export interface CustomerForecast {
  pAlive: Interval;
  /** In purchaseMonths order. */
  purchases: Interval[];
  /** Expected spend per purchase at the point estimate (Gamma-Gamma). */
  spend: number;
  clv: Interval;
}

interface Block {
  x: number;
  T: number;
  /** alive[j · (M+1) + m]: E[Y(m months) | alive] for parameter set j, m = 0..M. */
  alive: Float64Array;
  /** Discounted sum Σ_{m≤H} ΔE[Y(m) | alive] / (1+d)^m per set. */
  discounted: Float64Array;
  /** Σ over the block's people of spend_j · P(alive)_j and of P(alive)_j, for the base totals. */
  weight: Float64Array;
  alivePeople: Float64Array;
  byTx: Map<number, {p: Float64Array; pAlive: Interval; purchases: Interval[]}>;
}

export class ForecastEngine {
  private block: Block | null = null;
  private readonly months: number;
  private readonly revenue: Float64Array;
  private readonly purchasesTotal: Float64Array;
  private readonly aliveTotal: Float64Array;
  private people = 0;
  private last: {key: string; forecast: CustomerForecast; product: Float64Array; p: Float64Array} | null = null;

  /** `sets[0]` is the point estimate; `sets[1..]` the draws (none: intervals are null). */
  constructor(
    private readonly model: PurchaseModel,
    private readonly sets: readonly ParameterSet[],
    private readonly settings: ForecastSettings
  ) {
    const need = Math.max(settings.horizonMonths, ...settings.purchaseMonths);
    if (settings.totalMonths < need) throw new RangeError(`forecast: totalMonths must be ≥ ${need}`);
    this.months = settings.totalMonths;
    this.revenue = new Float64Array(sets.length * this.months);
    this.purchasesTotal = new Float64Array(sets.length * this.months);
    this.aliveTotal = new Float64Array(sets.length);
  }

  private openBlock(x: number, T: number): Block {
    if (this.block && this.block.x === x && this.block.T === T) return this.block;
    this.closeBlock();
    const M = this.months;
    const {monthWeeks, horizonMonths, discountRate} = this.settings;
    const K = this.sets.length;
    const alive = new Float64Array(K * (M + 1));
    const discounted = new Float64Array(K);
    for (let j = 0; j < K; j++) {
      const p = this.sets[j]!.purchase;
      for (let m = 1; m <= M; m++) {
        alive[j * (M + 1) + m] = this.model.expectedIfAlive(p, m * monthWeeks, x, T);
        if (m <= horizonMonths) {
          discounted[j]! += (alive[j * (M + 1) + m]! - alive[j * (M + 1) + m - 1]!) / (1 + discountRate) ** m;
        }
      }
    }
    this.block = {
      x,
      T,
      alive,
      discounted,
      weight: new Float64Array(K),
      alivePeople: new Float64Array(K),
      byTx: new Map()
    };
    return this.block;
  }

  /** Adds the finished block's people to the base totals by month. */
  private closeBlock(): void {
    const b = this.block;
    if (!b) return;
    const M = this.months;
    for (let j = 0; j < this.sets.length; j++) {
      const w = b.weight[j]!;
      const n = b.alivePeople[j]!;
      this.aliveTotal[j]! += n;
      for (let m = 1; m <= M; m++) {
        const step = b.alive[j * (M + 1) + m]! - b.alive[j * (M + 1) + m - 1]!;
        this.revenue[j * M + m - 1]! += w * step;
        this.purchasesTotal[j * M + m - 1]! += n * b.alive[j * (M + 1) + m]!;
      }
    }
    this.block = null;
  }

  forecast(c: CustomerInput): CustomerForecast {
    const key = `${c.x}|${c.T}|${c.tx}|${c.mx}`;
    const b = this.openBlock(c.x, c.T);
    const K = this.sets.length;
    const M = this.months;
    this.people++;
    if (this.last?.key === key) {
      this.addToTotals(b, this.last.product, this.last.p);
      return this.last.forecast;
    }
    let atTx = b.byTx.get(c.tx);
    if (!atTx) {
      const p = new Float64Array(K);
      for (let j = 0; j < K; j++) p[j] = this.model.probabilityAlive(this.sets[j]!.purchase, c.x, c.tx, c.T);
      const purchases = this.settings.purchaseMonths.map((h) =>
        intervalOf(Float64Array.from(p, (pj, j) => pj * b.alive[j * (M + 1) + h]!))
      );
      b.byTx.set(c.tx, (atTx = {p, pAlive: intervalOf(p), purchases}));
    }
    const spendOf = (j: number) => conditionalExpectedSpend(this.sets[j]!.spend, c.x > 0 && c.mx > 0 ? c.x : 0, c.mx);
    // product_j = spend_j · P(alive)_j; CLV_j = product_j · discounted_j
    const product = Float64Array.from(atTx.p, (pj, j) => spendOf(j) * pj);
    const forecast: CustomerForecast = {
      pAlive: atTx.pAlive,
      purchases: atTx.purchases,
      spend: spendOf(0),
      clv: intervalOf(Float64Array.from(product, (v, j) => v * b.discounted[j]!))
    };
    this.last = {key, forecast, product, p: atTx.p};
    this.addToTotals(b, product, atTx.p);
    return forecast;
  }

  private addToTotals(b: Block, product: Float64Array, p: Float64Array): void {
    for (let j = 0; j < this.sets.length; j++) {
      b.weight[j]! += product[j]!;
      b.alivePeople[j]! += p[j]!;
    }
  }

  /**
   * The base totals so far, per parameter set j (0 = point estimate) and month m = 1..totalMonths:
   * expected revenue in month m (undiscounted, Σ spend · ΔE[Y]) and cumulative expected purchases by month m.
   */
  totals(): {people: number; revenueByMonth: number[][]; purchasesByMonth: number[][]; expectedAlive: number[]} {
    this.closeBlock();
    const M = this.months;
    const rows = (a: Float64Array) => this.sets.map((_, j) => Array.from(a.subarray(j * M, (j + 1) * M)));
    return {
      people: this.people,
      revenueByMonth: rows(this.revenue),
      purchasesByMonth: rows(this.purchasesTotal),
      expectedAlive: Array.from(this.aliveTotal)
    };
  }
}

/** Σ_{m≤H} revenue_m / (1 + d)^m: the base's CLV over H months from the monthly totals. */
export function discountedTotal(
  revenueByMonth: readonly number[],
  horizonMonths: number,
  discountRate: number
): number {
  let s = 0;
  for (let m = 1; m <= Math.min(horizonMonths, revenueByMonth.length); m++) {
    s += revenueByMonth[m - 1]! / (1 + discountRate) ** m;
  }
  return s;
}
