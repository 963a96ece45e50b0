// What the page shows of the per-customer file, computed by DuckDB over the Parquet file the run wrote: groups by
// segment and state, distributions, histograms and the top list (loaders/sql/clv/*.sql).
import type {Bin, ClvCustomerRow, Distribution, Group} from "../../lib/contracts/clv.js";
import {round, roundSignificant} from "../../lib/num.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";
import {CLV_SETTINGS} from "./settings.js";

const money = (v: number | null) => (v === null ? null : round(v, 2));

const P_ALIVE_EDGES = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const PURCHASE_EDGES = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, null];

function bins(edges: readonly (number | null)[], counts: Map<number, number>): Bin[] {
  return edges.slice(0, -1).map((lo, i) => ({lo: lo!, hi: edges[i + 1]!, people: counts.get(i) ?? 0}));
}

export async function aggregates(warehouse: Warehouse, file: string) {
  const groups = await warehouse.query<Group & {dimension: string}>(sql("clv/groups"), {file});
  const group = ({dimension, ...g}: Group & {dimension: string}): Group => ({
    ...g,
    historical_total: round(g.historical_total, 2),
    historical_mean: round(g.historical_mean, 2),
    predictive_total: round(g.predictive_total, 2),
    predictive_mean: round(g.predictive_mean, 2),
    expected_purchases_mean: roundSignificant(g.expected_purchases_mean, 6),
    p_alive_mean: roundSignificant(g.p_alive_mean, 6)
  });
  const distribution = async (measure: "historical" | "predictive"): Promise<Distribution> => {
    const [d] = await warehouse.query<Distribution>(sql("clv/distribution"), {file, measure});
    return {
      mean: money(d!.mean),
      p10: money(d!.p10),
      p25: money(d!.p25),
      median: money(d!.median),
      p75: money(d!.p75),
      p90: money(d!.p90),
      p99: money(d!.p99),
      max: money(d!.max),
      top_decile_share: d!.top_decile_share === null ? null : round(d!.top_decile_share, 4)
    };
  };
  const histogramRows = await warehouse.query<{measure: string; bin: number; people: number}>(sql("clv/histograms"), {
    file
  });
  const counts = (measure: string) =>
    new Map(histogramRows.filter((r) => r.measure === measure).map((r) => [r.bin, r.people]));
  const top = await warehouse.query<ClvCustomerRow>(sql("clv/top"), {file, n: CLV_SETTINGS.topN});
  return {
    bySegment: groups.filter((g) => g.dimension === "segment").map(group),
    byState: groups.filter((g) => g.dimension === "state").map(group),
    historical: await distribution("historical"),
    predictive: await distribution("predictive"),
    pAliveHistogram: bins(P_ALIVE_EDGES, counts("p_alive")),
    purchasesHistogram: bins(PURCHASE_EDGES, counts("purchases")),
    top
  };
}
