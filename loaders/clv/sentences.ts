// The sentences of the CLV page, written from clv.json's figures (pages lay them out, they do not compute them).
import type {ClvReport} from "../../lib/contracts/clv.js";
import {count, money, percent} from "../../lib/format.js";

/** Which model was chosen, by how much, and how its holdout total compares with what happened. */
export function choiceSentence(r: ClvReport): string {
  const [best, next] = r.choice.ranking;
  const chosen = r.models.find((m) => m.name === r.choice.model)!;
  const label = (name: string) => r.models.find((m) => m.name === name)!.label;
  const actual = r.split.total_actual;
  const expected = chosen.holdout!.total_expected;
  const total =
    actual > 0
      ? `it expected ${count(Math.round(expected))} repeat purchases in the ${r.split.holdout_weeks}-week holdout and ${count(actual)} happened (${expected >= actual ? `${percent(expected / actual - 1, 0)} too many` : `${percent(1 - expected / actual, 0)} too few`})`
      : `it expected ${count(Math.round(expected))} repeat purchases in the holdout, and none happened`;
  const margin =
    next && Number.isFinite(next.holdout_error)
      ? `, against ${next.holdout_error.toPrecision(3)} for ${label(next.model)}`
      : "";
  return `${chosen.label} is the default: its holdout error is ${best!.holdout_error.toPrecision(3)} purchases per person${margin}; ${total}.`;
}

/** Gamma-Gamma's check: how strongly spend per purchase moves with frequency, and what that means. */
export function spendSentence(r: ClvReport): string {
  const rho = r.spend.correlation;
  const sample =
    r.spend.fitted < r.spend.repeaters_with_spend
      ? ` (a sample of ${count(r.spend.fitted)} of ${count(r.spend.repeaters_with_spend)}, stratified by x)`
      : "";
  const fitted = `Gamma-Gamma is fitted on ${count(r.spend.fitted)} repeat buyers${sample}; for everyone else the expected spend per purchase is the population mean, ${money(r.spend.population_mean_spend ?? NaN, {cents: true})} (observed mean of m_x: ${money(r.spend.observed_mean_spend ?? NaN, {cents: true})}).`;
  if (rho === null)
    return `${fitted} The correlation of frequency and spend cannot be computed (fewer than two repeat buyers, or no spread).`;
  const verdict =
    Math.abs(rho) < 0.1
      ? "close to 0, consistent with the model's assumption that spend per purchase does not depend on how often someone buys"
      : Math.abs(rho) < 0.3
        ? "weak, so the independence assumption is roughly acceptable"
        : "not small: the independence assumption does not hold well, so treat expected spend with caution";
  return `${fitted} Among them the correlation of repeat purchases and mean repeat spend is ${rho.toFixed(3)}: ${verdict}.`;
}

/** The headline: revenue so far, what the base is expected to bring, and where growth must come from. */
export function summarySentence(r: ClvReport): string {
  const s = r.summary;
  const interval =
    s.predictive_total_lo === null
      ? ""
      : ` (${money(s.predictive_total_lo, {short: true})}–${money(s.predictive_total_hi!, {short: true})} from parameter uncertainty)`;
  return `On average a person has paid ${money(s.historical_mean ?? NaN, {cents: true})} so far and is expected to pay ${money(s.predictive_mean ?? NaN, {cents: true})} over the next ${r.settings.horizon_months} months: ${money(s.predictive_total, {short: true})} in total${interval}, from ${count(Math.round(s.expected_purchases_12m))} expected repeat purchases of the ${count(s.people)} people we know, of whom ${percent(s.repeat_share ?? NaN)} ever came back.`;
}
