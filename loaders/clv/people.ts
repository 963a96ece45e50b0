// Every person's forecast, in chunks: DuckDB streams the people ordered by (x, T, t_x) (loaders/sql/clv/people.sql),
// the forecast engine scores each chunk (lib/clv/forecast.ts), and the rows go at once to the per-customer Parquet
// file and to the lookup pack, both written through scratch DuckDB tables. No array grows with the number of people.
import {ForecastEngine, type ParameterSet} from "../../lib/clv/forecast.js";
import type {PurchaseModel} from "../../lib/clv/models.js";
import {
  CLV_CUSTOMER_COLUMNS,
  CLV_LOOKUP_COLUMNS,
  forecastFields,
  type ClvCustomerRow,
  type ClvLookupRow
} from "../../lib/contracts/clv.js";
import {dateOfDay, round} from "../../lib/num.js";
import {assignSegment} from "../../lib/segments/index.js";
import {writeLookupPack, type LookupPackSummary} from "../lookup.js";
import {ParquetWriter} from "../parquet.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {CLV_SETTINGS} from "./settings.js";

interface PersonRow {
  customer_unique_id: string;
  first_day: number;
  last_day: number;
  x: number;
  tx_days: number;
  T_days: number;
  mx: number;
  revenue: number;
  recent_days: number[];
  R: number | null;
  F: number | null;
  M: number | null;
  state: string | null;
}

export interface PeopleResult {
  totals: ReturnType<ForecastEngine["totals"]>;
  customers: number;
  lookup: LookupPackSummary;
}

/**
 * Scores every person at `endDay` with `model` and the parameter sets (point estimate first, then the draws) and
 * writes `customersFile` (Parquet, sorted by CLV) and `lookupFile` (the lookup pack).
 */
export async function scorePeople(
  warehouse: Warehouse,
  model: PurchaseModel,
  sets: readonly ParameterSet[],
  endDay: number,
  files: {customersFile: string; lookupFile: string}
): Promise<PeopleResult> {
  const unit = CLV_SETTINGS.unitDays;
  // RFM segments as on the Segments page, at the same date (segment-rfm.sql, scored in people.sql).
  await warehouse.query(`CREATE OR REPLACE TEMP TABLE clv_rfm AS ${sql("segment-rfm")}`, {cutoff: dateOfDay(endDay)});
  const engine = new ForecastEngine(model, sets, {
    monthWeeks: CLV_SETTINGS.monthWeeks,
    horizonMonths: CLV_SETTINGS.horizonMonths,
    discountRate: CLV_SETTINGS.monthlyDiscountRate,
    purchaseMonths: CLV_SETTINGS.purchaseMonths,
    totalMonths: CLV_SETTINGS.totalMonths
  });
  // DATE columns take Date objects; the JSON rows keep ISO dates.
  type ParquetRow = Omit<ClvCustomerRow, "first_purchase" | "last_purchase"> & {
    first_purchase: Date;
    last_purchase: Date;
  };
  const customers = await ParquetWriter.create<ParquetRow>(files.customersFile, CLV_CUSTOMER_COLUMNS, {
    orderBy: "clv DESC, customer_unique_id"
  });
  async function* scored(): AsyncGenerator<ClvLookupRow[]> {
    const people = warehouse.stream<PersonRow>(
      sql("clv/people"),
      {end: endDay, keep: CLV_SETTINGS.historyPurchases},
      CLV_SETTINGS.chunkRows
    );
    for await (const chunk of people) {
      const rows = chunk.map((p): ClvLookupRow => {
        const input = {x: p.x, tx: p.tx_days / unit, T: p.T_days / unit, mx: p.mx};
        const forecast = forecastFields(engine.forecast(input));
        return {
          customer_unique_id: p.customer_unique_id,
          segment: p.R === null ? "unknown" : assignSegment({R: p.R, F: p.F!, M: p.M!}),
          state: p.state,
          x: p.x,
          t_x: round(input.tx, 6),
          T: round(input.T, 6),
          m_x: p.mx,
          revenue: round(p.revenue, 2),
          first_purchase: dateOfDay(p.first_day),
          last_purchase: dateOfDay(p.last_day),
          ...forecast,
          first_day: p.first_day,
          repeat_days: p.recent_days
        };
      });
      customers.append(
        rows.map(({first_day, repeat_days, ...row}) => ({
          ...row,
          first_purchase: new Date(`${row.first_purchase}T00:00:00Z`),
          last_purchase: new Date(`${row.last_purchase}T00:00:00Z`)
        }))
      );
      yield rows;
    }
  }
  let lookup: LookupPackSummary;
  try {
    lookup = await writeLookupPack(files.lookupFile, scored(), {
      key: "customer_unique_id",
      columns: CLV_LOOKUP_COLUMNS,
      description:
        "Customer lifetime value per person (clv.json explains the fields): forecasts with intervals, and the latest repeat purchase days for the P(alive) history"
    });
  } catch (error) {
    customers.abort();
    throw error;
  }
  const rows = await customers.close();
  return {totals: engine.totals(), customers: rows, lookup};
}
