// churn-at-risk.json: the TOP_N people most likely to churn (the top of the batch scores, picked by DuckDB with
// ORDER BY … LIMIT over the run's score file), each explained by TreeSHAP at build time, and everyone's count per
// risk band. Only the N listed rows are ever held in JavaScript.
import {topContributions} from "../../lib/churn/contributions.js";
import {encodeRow} from "../../lib/churn/encode.js";
import {RISK_BANDS, riskBand} from "../../lib/churn/risk-band.js";
import type {AtRiskCustomer, BandCount, ChurnAtRisk} from "../../lib/contracts/churn-at-risk.js";
import {round} from "../../lib/num.js";
import {count, money} from "../../lib/format.js";
import {explainRow, makeExplainer} from "../../lib/ml/treeshap.js";
import {customerFeaturesFile} from "../features/customer-features.js";
import {sql} from "../sql.js";
import type {Row, Warehouse} from "../warehouse/warehouse.js";
import {churnRun, churnScoresFile} from "./run.js";

/** How many people the at-risk list holds: the page filters over them; the score file has everyone. */
export const TOP_N = 1000;

// The bands as the queries' parameters: $very_high, $high, $medium.
const key = (band: string) => band.replace(" ", "_");
const shares = Object.fromEntries(RISK_BANDS.slice(0, -1).map((b) => [key(b.band), b.top_share]));

export async function churnAtRisk(warehouse: Warehouse, topN = TOP_N): Promise<ChurnAtRisk> {
  const {model, window} = await churnRun(warehouse);
  const scores = await churnScoresFile(warehouse);
  const features = await customerFeaturesFile(warehouse, window.analysisDate);
  const encoder = model.preprocessing.encoder;
  const explainer = makeExplainer(model);
  const [quantiles] = await warehouse.query<Record<string, number | null>>(sql("churn/risk-band-thresholds"), {
    scores,
    ...shares
  });
  // Floored to 6 decimals as published, so the page (which reads the published ones) bands people as this file does.
  const floor6 = (q: number | null | undefined) => Math.floor((q ?? 0) * 1e6) / 1e6;
  const thresholds = RISK_BANDS.map((b) => ({band: b.band, from: floor6(quantiles?.[key(b.band)])}));
  const rows = await warehouse.query<Row>(sql("churn/at-risk-top"), {scores, features, n: topN});
  const customers: AtRiskCustomer[] = rows.map((r) => {
    const x = encodeRow(encoder, r);
    const p = r.churn_probability as number;
    return {
      customer_unique_id: r.customer_unique_id as string,
      churn_probability: round(p, 6),
      risk_band: riskBand(p, thresholds),
      rfm_segment: r.rfm_segment as string,
      seed_rule_status: r.seed_rule_status as AtRiskCustomer["seed_rule_status"],
      state: (r.state as string | null) ?? null,
      monetary_total: round(Number(r.monetary_total ?? 0), 2),
      orders: Number(r.frequency ?? 0),
      recency_days: Number(r.recency_days ?? 0),
      value_at_risk: r.value_at_risk as number,
      top_contributions: topContributions(encoder, x, explainRow(explainer, x).values)
    };
  });
  const counted = await warehouse.query<{band: string; people: number; value_at_risk: number}>(
    sql("churn/risk-bands"),
    {scores, ...Object.fromEntries(thresholds.slice(0, -1).map((t) => [key(t.band), t.from]))}
  );
  const byBand = new Map(counted.map((b) => [b.band, b]));
  const bands: BandCount[] = RISK_BANDS.map((b, i) => ({
    band: b.band,
    top_share: b.top_share,
    from: thresholds[i]!.from,
    people: byBand.get(b.band)?.people ?? 0,
    value_at_risk: byBand.get(b.band)?.value_at_risk ?? 0
  }));
  const people = bands.reduce((s, b) => s + b.people, 0);
  const last = customers.at(-1);
  const listed = customers.reduce((s, c) => s + c.value_at_risk, 0);
  return {
    analysis_date: window.analysisDate,
    horizon_days: window.horizonDays,
    people,
    top_n: topN,
    rule: `the ${count(topN)} highest build-time churn probabilities; ties go to more value at risk, then to the customer id`,
    base_value: round(explainer.baseValue, 6),
    bands,
    summary: last
      ? `The ${count(customers.length)} customers most likely to churn out of ${count(people)} each have a churn ` +
        `probability of at least ${(last.churn_probability * 100).toFixed(1)}%; together they hold ` +
        `${money(round(listed, 2))} of value at risk.`
      : "Nobody was scored.",
    customers
  };
}
